/**
 * `npm run dev` while writing files: the dev server (astro dev on the
 * fixture site, a copy of the valid content) shows the content check's own
 * message in place of the pages while the content has a problem, serves the
 * site again once the file is fixed, and answers search from the last
 * build's index (KLASTER_DIST) without serving anything outside it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, FIXTURE_SITE, ROOT, tempDir } from '../helpers/build.ts';
import { launch } from '../helpers/browser.ts';
import { translator } from '../../packages/klaster/src/lib/i18n.ts';

const work = tempDir('dev-preview');
const content = join(work, 'content');
const dist = join(work, 'dist');
const facts = join(content, 'products/demo-sweater/index.yaml');
let server: ChildProcess;
let origin = '';
let output = '';

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Asks until `ready` holds for the answer (the server checks and reloads on its own schedule); the test's timeout bounds it. */
async function until(path: string, ready: (status: number, body: string) => boolean): Promise<{ status: number; body: string }> {
  for (;;) {
    const response = await fetch(`${origin}${path}`).catch(() => undefined);
    if (response) {
      const answer = { status: response.status, body: await response.text() };
      if (ready(answer.status, answer.body)) return answer;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  cpSync(join(ROOT, 'tests/fixtures/valid'), content, { recursive: true });
  writeFileSync(facts, readFileSync(facts, 'utf8').replace('maker: demo-maker', 'maker: demo-makr'));
  mkdirSync(join(dist, 'pagefind'), { recursive: true });
  writeFileSync(join(dist, 'pagefind', 'pagefind.js'), 'export const built = true;\n');
  writeFileSync(join(work, 'secret.txt'), 'not to be served');
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: FIXTURE_SITE,
    env: {
      ...cleanEnv(),
      KLASTER_CONTENT: content,
      KLASTER_DIST: dist,
      KLASTER_CACHE_DIR: join(work, 'cache'),
      KLASTER_BUILD_DATE: '2026-11-21',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  await until('/en/', () => true);
}, 180_000);

afterAll(() => {
  server?.kill();
  rmSync(work, { recursive: true, force: true });
});

describe('the dev server while the content is written', () => {
  it("shows the check's message in place of every page while the content has a problem", async () => {
    const { status, body } = await until('/en/', () => true);
    expect(status, output.slice(-3000)).toBe(500);
    expect(body).toContain('The content has 1 problem');
    expect(body).toContain('products/demo-sweater/index.yaml');
    expect(body).toContain('maker: refers to &quot;demo-makr&quot;, but there is no organisations/demo-makr; did you mean &quot;demo-maker&quot;?');
    expect(body).toContain('/@vite/client');
    const other = await until('/bg/', () => true);
    expect(other.status).toBe(500);
  }, 60_000);

  it('serves the site again once the file is fixed and saved', async () => {
    writeFileSync(facts, readFileSync(facts, 'utf8').replace('maker: demo-makr', 'maker: demo-maker'));
    const { body } = await until('/en/', (status) => status === 200);
    expect(body).not.toContain('The content has');
  }, 60_000);

  it("searches the last build's index, and serves nothing outside it", async () => {
    const index = await until('/pagefind/pagefind.js', () => true);
    expect(index.status).toBe(200);
    expect(index.body).toBe('export const built = true;\n');
    for (const path of ['/pagefind/../secret.txt', '/pagefind/%2e%2e/secret.txt', '/pagefind/..%2fsecret.txt']) {
      const { body } = await until(path, () => true);
      expect(body, path).not.toContain('not to be served');
    }
  }, 60_000);

  it('says in the page language that search is unavailable when its index does not load', async () => {
    // The index above is not Pagefind's: loading it fails as a missing one does.
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/bg/search/`);
      await page.waitForFunction(() => document.getElementById('search-status')?.textContent !== '');
      expect(await page.textContent('#search-status')).toBe(translator('bg')('search.unavailable'));
    } finally {
      await browser.close();
    }
  }, 120_000);
});
