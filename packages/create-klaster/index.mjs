#!/usr/bin/env node
/**
 * npm create klaster <folder> [-- --name "Our Cluster"] [--host github|gitlab|netlify|cloudflare|nginx] [--shards <n>]
 *
 * Writes a new Klaster site: the settings (site.yaml), one example entry of
 * each collection, a README for the site's editors and maintainers, the npm
 * scripts, and the files that build and publish it on the chosen host
 * (hosts/<host>/; GitHub Pages unless told). The site depends on the klaster
 * package of the same version, so `npm update` upgrades it. With `--shards
 * <n>` (GitHub and GitLab), the workflow builds the site as n shards in
 * parallel jobs and merges them (hosts/<host>-sharded/).
 */
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Where each host's files go, and what it is. npm leaves dotfiles out of packages: hosts/ keeps them without their dot. */
const HOSTS = {
  github: { about: 'GitHub Pages, built by GitHub Actions', files: { github: '.github' } },
  gitlab: { about: 'GitLab Pages, built by GitLab CI', files: { 'gitlab-ci.yml': '.gitlab-ci.yml' } },
  netlify: { about: 'Netlify', files: { 'netlify.toml': 'netlify.toml', netlify: 'netlify' } },
  cloudflare: { about: 'Cloudflare Pages', files: { 'wrangler.toml': 'wrangler.toml' } },
  nginx: { about: 'your own server: nginx, in a Docker image or not', files: { Dockerfile: 'Dockerfile', dockerignore: '.dockerignore' } },
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, host: { type: 'string', default: 'github' }, shards: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
/** Hosts whose workflow can build the site as shards in parallel jobs (hosts/<host>-sharded/). */
const SHARDED = ['github', 'gitlab'];
const usage = `Usage: npm create klaster <folder> [-- --name "Our Cluster"] [--host <host>] [--shards <n>]

  --host    where the site is published; the new site gets the files that build and publish it there:
${Object.entries(HOSTS).map(([name, host]) => `            ${name.padEnd(11)}${host.about}${name === 'github' ? ' (the default)' : ''}`).join('\n')}
  --shards  build the site as <n> shards in parallel jobs and merge them (${SHARDED.join(', ')}; at most one shard per locale)`;
if (values.help || positionals.length !== 1) {
  console.log(usage);
  process.exit(values.help ? 0 : 1);
}
const host = HOSTS[values.host];
if (!host) {
  console.error(`Unknown host "${values.host}"; the hosts are ${Object.keys(HOSTS).join(', ')}.`);
  process.exit(1);
}
const shards = values.shards === undefined ? undefined : Number(values.shards);
if (shards !== undefined && (!Number.isInteger(shards) || shards < 2)) {
  console.error(`--shards takes the number of shards, 2 or more (got "${values.shards}").`);
  process.exit(1);
}
if (shards !== undefined && !SHARDED.includes(values.host)) {
  console.error(`--shards is offered for ${SHARDED.join(' and ')}; on ${HOSTS[values.host].about} the site is built in one job.`);
  process.exit(1);
}
const target = resolve(positionals[0]);
if (existsSync(target) && readdirSync(target).length > 0) {
  console.error(`${target} is not empty: choose a new folder.`);
  process.exit(1);
}

const here = new URL('.', import.meta.url);
const own = JSON.parse(readFileSync(new URL('package.json', here), 'utf8'));
cpSync(new URL('template', here), target, { recursive: true });
// npm leaves .gitignore files out of packages: the template keeps it as gitignore.
renameSync(join(target, 'gitignore'), join(target, '.gitignore'));
for (const [from, to] of Object.entries(host.files)) {
  cpSync(new URL(`hosts/${values.host}${shards ? '-sharded' : ''}/${from}`, here), join(target, to), { recursive: true });
}
if (shards) {
  // The sharded workflows are written for 2 shards.
  const [file, from, to] =
    values.host === 'github'
      ? ['.github/workflows/site.yml', 'shard: [1, 2]', `shard: [${Array.from({ length: shards }, (_, i) => i + 1).join(', ')}]`]
      : ['.gitlab-ci.yml', 'parallel: 2', `parallel: ${shards}`];
  const text = readFileSync(join(target, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${file} of the sharded ${values.host} workflow has no "${from}"`);
  writeFileSync(join(target, file), text.replace(from, to));
}

const slug = basename(target).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'klaster-site';
const pkg = {
  name: slug,
  version: '0.1.0',
  private: true,
  type: 'module',
  scripts: {
    dev: 'astro dev',
    build: 'klaster build',
    check: 'klaster check',
    test: 'klaster check',
    new: 'klaster new',
    'i18n:status': 'klaster i18n-status',
    preview: 'astro preview',
  },
  dependencies: {
    astro: '7.3.4',
    klaster: `^${own.version}`,
  },
  devDependencies: {
    // Node.js 24 from the npm registry: npm scripts run on it whatever Node the machine has.
    node: '24.21.0',
  },
  // The install scripts the site needs: Node.js itself, the bundler and the image library.
  allowScripts: { node: true, esbuild: true, sharp: true },
};
writeFileSync(join(target, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);

if (values.host === 'cloudflare') {
  const config = join(target, 'wrangler.toml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^name = .*$/m, `name = ${JSON.stringify(slug)}`));
}

if (values.name) {
  const config = join(target, 'site.yaml');
  const text = readFileSync(config, 'utf8').replace(/^name: .*$/m, `name: ${JSON.stringify(values.name)}`);
  writeFileSync(config, text);
}

const where = relative(process.cwd(), target) || '.';
console.log(`A new Klaster site is in ${where}.

Next:
  cd ${where}
  npm install
  npm run build      (the site is then in dist/; npm run preview shows it)

Make it yours in site.yaml (name, logo, colours, menu, sections) and write
content in content/ (README.md explains both). It is set up to be published
on ${host.about}: node_modules/klaster/docs/deploy.md explains the steps.`);
