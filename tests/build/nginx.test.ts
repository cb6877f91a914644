/**
 * The nginx configuration of `klaster nginx`, served by Debian's nginx: the
 * valid fixture is built under a base path, nginx runs with the generated
 * configuration on a loopback port (a temporary prefix, in the foreground,
 * as a child of the test), and every response carries the security headers,
 * each locale's unknown addresses get its not-found page with status 404,
 * files named by their content are cached for a year and pages revalidated,
 * and the site is served under its base path only. `.ci/run` installs nginx;
 * without it the test is skipped and says so.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, REVALIDATE, securityHeaders } from '../../packages/klaster/src/integrations/headers.ts';
import { build, klasterCommand, ROOT, tempDir } from '../helpers/build.ts';

const nginx = spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' }).stdout.trim().split('\n')[0] || '';
if (!nginx) console.warn('nginx is not installed (Debian: apt-get install nginx; .ci/run installs it): the nginx test is skipped.');

const VALID = join(ROOT, 'tests', 'fixtures', 'valid');
// The fixture site's locales (tests/fixtures/site/site.yaml).
const LOCALES = ['en', 'bg', 'sr', 'sr-latn', 'ro', 'es', 'fr'];
const BASE = '/sub/';
const work = tempDir('nginx');
const dist = join(work, 'dist');
const prefix = join(work, 'nginx');
let server: ChildProcess | undefined;
let origin = '';

/** A free loopback port. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const get = (path: string) => fetch(`${origin}${path}`, { redirect: 'manual', headers: { 'accept-encoding': 'gzip' } });
const file = (folder: string, pattern: RegExp) => `${folder}/${readdirSync(join(dist, folder)).find((f) => pattern.test(f))}`;

beforeAll(async () => {
  if (!nginx) return;
  const run = build(VALID, dist, { KLASTER_BASE: BASE, KLASTER_CACHE_DIR: join(work, 'cache'), KLASTER_BUILD_DATE: '2026-11-21' });
  expect(run.status, run.output.slice(-3000)).toBe(0);

  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  const site = join(prefix, 'site.conf');
  const generated = klasterCommand('nginx', { KLASTER_CONTENT: VALID, KLASTER_BASE: BASE }, ['--root', dist, '--listen', `127.0.0.1:${port}`, '--out', site]);
  expect(generated.status, generated.output).toBe(0);
  const temp = (name: string) => `${name}_temp_path ${join(prefix, name)};`;
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      // As root, nginx's workers would run as nobody, who cannot read the test's private temporary folder.
      process.getuid?.() === 0 ? 'user root;' : '',
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(prefix, 'nginx.pid')};`,
      `error_log ${join(prefix, 'logs', 'error.log')} warn;`,
      'events { worker_connections 64; }',
      'http {',
      `  include ${existsSync('/etc/nginx/mime.types') ? '/etc/nginx/mime.types' : 'mime.types'};`,
      '  default_type application/octet-stream;',
      `  access_log ${join(prefix, 'logs', 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((n) => `  ${temp(n)}`),
      `  include ${site};`,
      '}',
      '',
    ].join('\n'),
  );
  const check = spawnSync(nginx, ['-t', '-p', prefix, '-c', join(prefix, 'nginx.conf')], { encoding: 'utf8' });
  expect(check.status, `${check.stderr}\n${readFileSync(site, 'utf8')}`).toBe(0);
  server = spawn(nginx, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${origin}/`);
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`nginx did not answer on ${origin}: ${readFileSync(join(prefix, 'logs', 'error.log'), 'utf8')}`);
}, 300_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, sleep(5000)]);
  }
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!nginx)("the site served by Debian's nginx with klaster nginx's configuration", () => {
  it('is served under its base path, and nothing outside it', async () => {
    const home = await get(BASE);
    expect(home.status).toBe(200);
    expect(await home.text()).toBe(readFileSync(join(dist, 'index.html'), 'utf8'));
    expect((await get(`${BASE}en/`)).status).toBe(200);
    for (const [from, to] of [
      ['/sub', '/sub/'],
      ['/sub/en', '/sub/en/'],
      ['/sub/bg/products', '/sub/bg/products/'],
    ]) {
      const moved = await get(from!);
      expect(moved.status, from).toBe(301);
      expect(moved.headers.get('location'), from).toBe(to);
    }
    for (const outside of ['/', '/en/', '/index.html']) expect((await get(outside)).status, outside).toBe(404);
  });

  it('sends the security headers with every response: pages, stylesheets, images, not-found pages, redirects', async () => {
    const paths = [
      BASE,
      `${BASE}en/`,
      `${BASE}${file('_astro', /\.css$/)}`,
      `${BASE}${file('_astro', /\.avif$/)}`,
      `${BASE}${file('_astro', /\.png$/)}`,
      `${BASE}bg/nothing/`,
      '/nothing',
      '/sub',
    ];
    for (const path of paths) {
      const response = await get(path);
      for (const [name, value] of Object.entries(securityHeaders)) expect(response.headers.get(name), `${path} ${name}`).toBe(value);
    }
  });

  it("answers an unknown address with its locale's not-found page, in its language, with status 404", async () => {
    for (const locale of LOCALES) {
      const response = await get(`${BASE}${locale}/no-such-page/`);
      expect(response.status, locale).toBe(404);
      const page = await response.text();
      expect(page, locale).toBe(readFileSync(join(dist, locale, '404', 'index.html'), 'utf8'));
      expect(page, locale).toMatch(new RegExp(`<html lang="${locale === 'sr' ? 'sr-Cyrl' : locale === 'sr-latn' ? 'sr-Latn' : locale}"`));
    }
    expect(await (await get(`${BASE}bg/no-such-page/`)).text()).toContain('<h1>Страницата не е намерена</h1>');
    const root = await get(`${BASE}no-such-page`);
    expect(root.status).toBe(404);
    expect(await root.text()).toBe(readFileSync(join(dist, '404.html'), 'utf8'));
  });

  it('keeps files named by their content for a year and revalidates pages', async () => {
    for (const path of [file('_astro', /\.css$/), file('_astro', /\.avif$/), file('pagefind/fragment', /\.pf_fragment$/)]) {
      const response = await get(`${BASE}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe(IMMUTABLE);
    }
    for (const path of [BASE, `${BASE}en/`, `${BASE}bg/products/demo-sweater/`, `${BASE}pagefind/pagefind.js`, `${BASE}bg/no-such-page/`]) {
      expect((await get(path)).headers.get('cache-control'), path).toBe(REVALIDATE);
    }
  });

  it('compresses text', async () => {
    for (const path of [`${BASE}en/`, `${BASE}${file('_astro', /\.css$/)}`]) {
      const response = await get(path);
      expect(response.headers.get('content-encoding'), path).toBe('gzip');
      expect(response.headers.get('vary'), path).toBe('Accept-Encoding');
    }
  });
});
