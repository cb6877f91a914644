/**
 * Klaster as a cluster installs it: the package and the starter are packed
 * (npm pack), the starter writes a new site into a folder outside the
 * repository, the site installs the packed package from its tarball, makes
 * the site its own in site.yaml alone (name, logo, colours, a menu with an
 * About page, a featured product, no projects), installs and builds with
 * the commands of its GitHub Actions workflow (npm ci, npm run build), and
 * the built HTML shows all of it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanEnv, ROOT, tempDir } from './helpers/build.ts';
import { HOSTS_DIR, SITE_COMMANDS } from './helpers/deploy.ts';
import { DEFAULT_LOCALES } from '../packages/klaster/src/lib/locale-catalogue.ts';

const work = tempDir('starter');
const site = join(work, 'oak-and-pine');
const npm = (args: string[], cwd: string) => {
  const env = { ...cleanEnv(), npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_prefer_offline: 'true' };
  const run = spawnSync('npm', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${run.stdout}${run.stderr}`.slice(-6000));
  return run.stdout;
};
let build = '';
const html = (path: string) => readFileSync(join(site, 'dist', path), 'utf8');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? htmlFiles(p) : name.endsWith('.html') ? [p] : [];
  });
}

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#5a3b1c"/></svg>\n';

beforeAll(() => {
  const packs = join(work, 'packs');
  mkdirSync(packs);
  npm(['pack', '--pack-destination', packs, '--workspace', 'klaster', '--workspace', 'create-klaster'], ROOT);
  const tarball = join(packs, 'klaster-0.1.0.tgz');
  execFileSync('tar', ['xzf', join(packs, 'create-klaster-0.1.0.tgz'), '-C', packs]);
  execFileSync(process.execPath, [join(packs, 'package', 'index.mjs'), site, '--name', 'Oak & Pine Cluster'], { encoding: 'utf8' });

  // The packed package instead of the registry's.
  const pkg = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8'));
  pkg.dependencies.klaster = `file:${tarball}`;
  writeFileSync(join(site, 'package.json'), JSON.stringify(pkg, null, 2));

  // The cluster makes the site its own: settings only, no projects.
  writeFileSync(join(site, 'assets', 'oak.svg'), LOGO);
  writeFileSync(
    join(site, 'site.yaml'),
    `name: { en: "Oak & Pine Cluster", bg: "Клъстер Дъб и бор" }
logo: { file: assets/oak.svg, alt: Oak & Pine }
theme: { brand: "#5a3b1c", accent: "#2e5e1e" }
sections: { projects: false, newsletter: false }
nav:
  - section: catalogue
  - page: about
  - section: members
home:
  products: [example-product]
`,
  );
  for (const folder of ['projects', 'newsletters']) rmSync(join(site, 'content', folder), { recursive: true });
  for (const file of ['news/example-news/index.yaml', 'events/example-fair/index.yaml']) {
    const path = join(site, 'content', file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^projects: .*\n/m, ''));
  }
  // As a maintainer does before the first commit: the lockfile, which CI installs from.
  npm(['install', '--package-lock-only'], site);
  // Then what the site's workflow runs.
  npm(SITE_COMMANDS.install.split(' ').slice(1), site);
  build = npm(SITE_COMMANDS.build.split(' ').slice(1), site);
}, 15 * 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a new site from the starter and the packed package', () => {
  it('holds only content, assets and settings', () => {
    const ignored = readFileSync(join(site, '.gitignore'), 'utf8').split('\n').map((line) => line.replace(/\/$/, ''));
    const kept = readdirSync(site).filter((name) => !ignored.includes(name));
    expect(kept.sort()).toEqual(['.github', '.gitignore', 'README.md', 'assets', 'astro.config.mjs', 'content', 'package-lock.json', 'package.json', 'site.yaml', 'src']);
    expect(readFileSync(join(site, 'astro.config.mjs'), 'utf8')).toContain('defineKlasterConfig()');
  });

  it("has the GitHub Actions workflow, which installs and builds as this test did", () => {
    const text = readFileSync(join(site, '.github', 'workflows', 'site.yml'), 'utf8');
    expect(text).toBe(readFileSync(join(HOSTS_DIR, 'github', 'github', 'workflows', 'site.yml'), 'utf8'));
    const runs = (parse(text).jobs.build.steps as { run?: string }[]).map((s) => s.run);
    expect(runs).toContain(SITE_COMMANDS.install);
    expect(runs).toContain(SITE_COMMANDS.build);
  });

  it('writes the hosting files into dist/ and says what it reused', () => {
    for (const file of ['_headers', '_redirects', 'en/404.html', 'bg/404.html']) expect(existsSync(join(site, 'dist', file)), file).toBe(true);
    expect(build).toMatch(/Build summary:\n {2}processed images: 0 reused from the cache, \d+ made\n/);
  });

  it('uses its name in every locale, in its own wording where given', () => {
    expect(html('en/index.html')).toContain('<title>Oak &amp; Pine Cluster');
    expect(html('bg/index.html')).toContain('<title>Клъстер Дъб и бор');
    expect(html('sr-latn/index.html')).toContain('<title>Oak &amp; Pine Cluster');
  });

  it('shows its logo and its colours', () => {
    expect(html('en/index.html')).toMatch(/<img class="logo" src="\/klaster\/site\/oak\.svg"/);
    expect(readFileSync(join(site, 'dist', 'klaster', 'site', 'oak.svg'), 'utf8')).toBe(LOGO);
    expect(html('en/index.html')).toContain('href="/klaster/theme.css"');
    const theme = readFileSync(join(site, 'dist', 'klaster', 'theme.css'), 'utf8');
    expect(theme).toContain('--brand: #5a3b1c;');
    expect(theme).toContain('--accent: #2e5e1e;');
  });

  it('has About in its menu and in every locale', () => {
    // The starter's site does not list locales: it has Klaster's default ones.
    for (const locale of DEFAULT_LOCALES) {
      const page = html(`${locale}/index.html`);
      const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(page)![0];
      expect(nav, locale).toContain(`href="/${locale}/about/"`);
      expect(nav.indexOf(`/${locale}/catalogue/`), locale).toBeLessThan(nav.indexOf(`/${locale}/about/`));
      expect(existsSync(join(site, 'dist', locale, 'about', 'index.html')), locale).toBe(true);
    }
    expect(html('en/about/index.html')).toContain('<h1>About us</h1>');
  });

  it('has no page of projects and no link to one', () => {
    expect(existsSync(join(site, 'dist', 'en', 'projects'))).toBe(false);
    const linking = htmlFiles(join(site, 'dist')).filter((file) => /href="[^"]*\/projects\//.test(readFileSync(file, 'utf8')));
    expect(linking.map((f) => relative(site, f))).toEqual([]);
  });

  it('features the chosen product on the home page', () => {
    expect(html('en/index.html')).toContain('href="/en/products/example-product/"');
  });
});
