/**
 * The editor at work: Decap CMS at /admin/, in Chromium, against its local
 * backend (decap-server, started here on a loopback port over a copy of the
 * fixture content, migrated to the layout the editor writes). An editor
 * whose interface speaks Bulgarian creates a product in Bulgarian, with an
 * uploaded image, a category from the list and a maker from the list of
 * organisations, translates it into Romanian and publishes it; the files
 * written pass `klaster check`, and a build shows the product in both
 * languages and, with a notice, in the others. Then the editor renames an
 * existing product, and the rebuilt site shows the new name.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launch, serve } from '../helpers/browser.ts';
import { cleanEnv, FIXTURE_SITE, klasterCommand, ROOT, tempDir } from '../helpers/build.ts';
import { headersFor, parseHeadersFile } from '../gates/hosting.ts';
import { headersFile } from '../../packages/klaster/src/integrations/headers.ts';
import { adminContentSecurityPolicy } from '../../packages/klaster/src/lib/cms/admin.ts';
import type { CmsSetting } from '../../packages/klaster/src/lib/cms/setting.ts';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'valid');
const DECAP_SERVER = join(ROOT, 'node_modules', 'decap-server', 'dist', 'index.js');
const ADMIN_WRITER = join(ROOT, 'packages', 'klaster', 'dist', 'src', 'integrations', 'admin.js');

const work = tempDir('cms-edit');
const content = join(work, 'content');
const siteFile = join(work, 'site.yaml');
const adminSite = join(work, 'served');
const image = join(work, 'scarf.png');
/** The copy's settings and content, for `klaster` run in the fixture site's folder. */
const env = { KLASTER_CONTENT: content, KLASTER_CONFIG: siteFile, KLASTER_CACHE_DIR: join(work, 'cache') };
let setting: CmsSetting;
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let decap: ChildProcess | undefined;
let decapLog = '';

/** A free port on the loopback interface. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Waits until decap-server answers Decap's first question (what it serves). */
async function untilAnswering(api: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const res = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'info' }) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (decap?.exitCode !== null) throw new Error(`decap-server stopped:\n${decapLog}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`decap-server did not answer at ${api}:\n${decapLog}`);
}

beforeAll(async () => {
  cpSync(FIXTURE, content, { recursive: true });
  copyFileSync(join(FIXTURE, 'products', 'demo-sweater', 'front.png'), image);
  const port = await freePort();
  setting = { backend: 'github', repo: 'fixture/site', uiLocale: 'bg', localBackend: `http://127.0.0.1:${port}/api/v1` };
  writeFileSync(
    siteFile,
    `${readFileSync(join(FIXTURE_SITE, 'site.yaml'), 'utf8')}cms:\n  backend: github\n  repo: fixture/site\n  uiLocale: bg\n  localBackend: ${setting.localBackend}\n`,
  );
  // The layout the editor writes: facts in the default language's text.
  const migrate = klasterCommand('migrate', env, [], FIXTURE_SITE);
  expect(migrate.status, migrate.output).toBe(0);
  // /admin/ as the build writes it, with this copy as the repository (its config reads the copy's settings when loaded).
  const written = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(ADMIN_WRITER)}); m.writeAdmin(process.argv[1], JSON.parse(process.argv[2]), process.argv[3]);`,
      adminSite,
      JSON.stringify(setting),
      work,
    ],
    { cwd: FIXTURE_SITE, env: { ...cleanEnv(), ...env }, encoding: 'utf8' },
  );
  expect(written.status, `${written.stdout}${written.stderr}`).toBe(0);
  decap = spawn(process.execPath, [DECAP_SERVER], {
    env: { ...cleanEnv(), PORT: String(port), BIND_HOST: '127.0.0.1', GIT_REPO_DIRECTORY: work, MODE: 'fs', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  decap.stdout!.on('data', (d: Buffer) => (decapLog += d.toString()));
  decap.stderr!.on('data', (d: Buffer) => (decapLog += d.toString()));
  await untilAnswering(setting.localBackend as string);
  const rules = parseHeadersFile(headersFile({ adminPolicy: adminContentSecurityPolicy(setting), rootEntries: ['admin/'] }));
  server = await serve(adminSite, '/', (path) => headersFor(rules, path));
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (decap && decap.exitCode === null) {
    const exited = new Promise((resolve) => decap!.once('exit', resolve));
    decap.kill();
    await exited;
  }
  if (!process.env.KEEP_CMS_EDIT) rmSync(work, { recursive: true, force: true });
});

/** The editor's pane writing one language: the innermost block holding both its language switch and its fields. */
const pane = (page: Page, code: string): Locator =>
  page
    .locator('div')
    .filter({ has: page.getByRole('button', { name: `Писане на ${code}`, exact: true }) })
    .filter({ has: page.getByLabel(/^Name\b/) })
    .last();

/** Chooses an option of a select or relation widget (react-select) by its shown label. */
async function choose(page: Page, field: Locator, typed: string, option: string) {
  await field.click();
  await field.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Publishes the entry open in the editor ("Publish now": decap-server writes the files). */
async function publish(page: Page) {
  await page.getByRole('button', { name: 'Публикувай', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Публикувай сега' }).click();
}

const untilFile = (path: string, text?: string) =>
  expect.poll(() => existsSync(path) && (text === undefined || readFileSync(path, 'utf8').includes(text)), { timeout: 60_000, interval: 250 }).toBe(true);

function buildCopy(dist: string) {
  rmSync(dist, { recursive: true, force: true });
  const run = klasterCommand('build', { ...env, KLASTER_DIST: dist }, [], FIXTURE_SITE);
  expect(run.status, run.output.slice(-6000)).toBe(0);
}

const html = (dist: string, path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');

describe('editing in the browser against decap-server', () => {
  it('creates a product in Bulgarian with an image, a category and a maker, translates it into Romanian, and the site shows it', async () => {
    const tab = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const problems: string[] = [];
    // Decap's right-hand pane calls a handler it is not given when its language changes (Decap 3.16.3); the change itself works.
    tab.on('pageerror', (e) => void (/onLocaleChange is not a function/.test(e.message) || problems.push(e.message.slice(0, 500))));
    const consoleLog: string[] = [];
    tab.on('console', (m) => consoleLog.push(`${m.type()}: ${m.text().slice(0, 300)}`));
    tab.on('dialog', (d) => void d.accept());
    await tab.goto(`${server.url}admin/`);
    // The local backend's login, in Bulgarian.
    await tab.getByRole('button', { name: 'Вход', exact: true }).click({ timeout: 60_000 });
    await tab.goto(`${server.url}admin/#/collections/products`);
    await tab.getByLabel('Създаване на запис от тип Products').click({ timeout: 60_000 });

    const en = pane(tab, 'EN');
    await en.getByLabel(/^Id\b/).fill('wool-scarf', { timeout: 60_000 });
    await choose(tab, en.getByLabel(/^Source locale\b/), 'Bulg', 'Bulgarian (bg)');
    await choose(tab, en.getByLabel(/^Maker\b/), 'Demo', 'Demo Maker Ltd');
    await choose(tab, en.getByLabel(/^Category\b/), 'Knit', 'Knitwear');
    await en.getByLabel(/^Country of origin\b/).fill('BG');
    // The image, uploaded through Decap's media library, beside the entry.
    await en.getByRole('button', { name: /^Add images/i }).click();
    await en.getByRole('button', { name: 'Избери изображение' }).click();
    await tab.locator('input[type="file"]').setInputFiles(image);
    await tab.getByRole('button', { name: 'Избери избрани' }).click({ timeout: 60_000 });

    // The right pane writes the first language after the default one: Bulgarian.
    const bg = pane(tab, 'BG');
    await bg.getByLabel(/^Name\b/).fill('Вълнен шал');
    await bg.getByLabel(/^Summary\b/).fill('Топъл шал от мериносова вълна.');
    await bg.getByRole('button', { name: /^Add image description/i }).click();
    await bg.getByLabel('Image', { exact: true }).fill('scarf.png');
    await bg.getByLabel('Description', { exact: true }).fill('Сив вълнен шал');

    // The Romanian translation.
    await tab.getByRole('button', { name: 'Писане на BG', exact: true }).click();
    await tab.getByRole('menuitem', { name: 'ro', exact: true }).click();
    const ro = pane(tab, 'RO');
    await ro.getByLabel(/^Name\b/).fill('Fular de lână');
    await ro.getByLabel(/^Summary\b/).fill('Fular cald din lână merinos.');

    await publish(tab);
    const folder = join(content, 'products', 'wool-scarf');
    await untilFile(join(folder, 'index.ro.md'), 'Fular de lână').catch(async (e: Error) => {
      // What the editor refused, in its own words.
      throw new Error(
        `${e.message}\nThe editor shows:\n${(await tab.locator('body').innerText()).slice(0, 4000)}\n${decapLog.slice(-2000)}\n${consoleLog.join('\n').slice(-3000)}\n${problems.join('\n')}`,
      );
    });
    await untilFile(join(folder, 'index.bg.md'), 'Вълнен шал');
    await untilFile(join(folder, 'index.en.md'), 'maker:');
    await untilFile(join(folder, 'scarf.png'));
    expect(problems).toEqual([]);
    await tab.close();

    const check = klasterCommand('check', env, [], FIXTURE_SITE);
    expect(check.status, check.output).toBe(0);
    const dist = join(work, 'dist');
    buildCopy(dist);
    const bgPage = html(dist, 'bg/products/wool-scarf');
    expect(bgPage).toContain('Вълнен шал');
    // The uploaded image with its description, and the maker chosen from the list.
    expect(bgPage).toMatch(/<img [^>]*alt="Сив вълнен шал"/);
    expect(bgPage).toContain('Demo Maker Ltd');
    expect(html(dist, 'ro/products/wool-scarf')).toContain('Fular de lână');
    // Elsewhere, the Bulgarian text with a notice that it is not translated.
    expect(html(dist, 'en/products/wool-scarf')).toContain('Вълнен шал');
    expect(html(dist, 'en/products/wool-scarf')).toMatch(/<p class="notice" role="note">[^<]*Bulgarian/);
    expect(html(dist, 'fr/products/wool-scarf')).toContain('Вълнен шал');
    expect(html(dist, 'fr/products/wool-scarf')).toMatch(/<p class="notice" role="note">[^<]*bulgare/);
  }, 300_000);

  it('renames an existing product, and the rebuilt site shows its new name', async () => {
    const tab = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    tab.on('dialog', (d) => void d.accept());
    await tab.goto(`${server.url}admin/#/collections/products/entries/demo-sweater/index`);
    // A new browser context: the editor logs in again.
    await tab.getByRole('button', { name: 'Вход', exact: true }).click({ timeout: 60_000 });
    const name = pane(tab, 'EN').getByLabel(/^Name\b/);
    await expect.poll(() => name.inputValue(), { timeout: 60_000 }).toBe('Demo sweater');
    await name.fill('Renamed demo sweater');
    await publish(tab);
    await untilFile(join(content, 'products', 'demo-sweater', 'index.en.md'), 'name: Renamed demo sweater');
    await tab.close();

    const check = klasterCommand('check', env, [], FIXTURE_SITE);
    expect(check.status, check.output).toBe(0);
    const dist = join(work, 'dist');
    buildCopy(dist);
    expect(html(dist, 'en/products/demo-sweater')).toContain('Renamed demo sweater');
    expect(html(dist, 'en/products/demo-sweater')).not.toContain('>Demo sweater<');
  }, 300_000);
});
