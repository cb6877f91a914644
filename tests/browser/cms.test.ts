/**
 * /admin/ in Chromium: Decap CMS, loaded from the site's own files under the
 * editor's Content-Security-Policy (as _headers serves it), accepts the
 * configuration generated from the schemas (Decap publishes no JSON Schema
 * of it: its own validator runs in the browser) and speaks Bulgarian.
 *
 * Editing against decap-server (creating, translating and renaming a
 * product) is tests/browser/cms-edit.test.ts.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, serve } from '../helpers/browser.ts';
import { tempDir } from '../helpers/build.ts';
import { headersFor, parseHeadersFile } from '../gates/hosting.ts';
import { headersFile } from '../../packages/klaster/src/integrations/headers.ts';
import { writeAdmin } from '../../packages/klaster/src/integrations/admin.ts';
import { adminContentSecurityPolicy } from '../../packages/klaster/src/lib/cms/admin.ts';

const setting = { backend: 'github' as const, repo: 'inter-moda/site', uiLocale: 'bg' as const, localBackend: false };
const work = tempDir('cms');
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  writeAdmin(work, setting);
  const rules = parseHeadersFile(headersFile({ adminPolicy: adminContentSecurityPolicy(setting), rootEntries: ['admin/'] }));
  server = await serve(work, '/', (path) => headersFor(rules, path));
  browser = await launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the editor at /admin/', () => {
  it('starts under its own policy with the generated configuration, in Bulgarian', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(m.text().slice(0, 500));
    });
    page.on('pageerror', (e) => problems.push(e.message.slice(0, 500)));
    await page.goto(`${server.url}admin/`);
    // The login page, in Bulgarian: the configuration passed Decap's validator, and no script was refused.
    await expect(page.getByRole('button', { name: 'Вход с GitHub' }).waitFor({ timeout: 60_000 })).resolves.toBeUndefined();
    expect(await page.getByText('Config Errors').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
