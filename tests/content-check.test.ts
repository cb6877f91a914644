/**
 * Bad content: each folder in tests/fixtures/bad/ holds the files that,
 * laid over the valid fixture, make one kind of mistake. The check must name
 * the file, the field, what it found and what is allowed, and the build must
 * leave an earlier dist/ byte for byte as it was.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, FIXTURE_SITE, ROOT, klasterCommand, snapshot, tempDir } from './helpers/build.ts';

const VALID = join(ROOT, 'tests/fixtures/valid');
const BAD = join(ROOT, 'tests/fixtures/bad');

const cases: { name: string; file: string; messages: string[] }[] = [
  { name: 'invalid-yaml', file: 'products/demo-sweater/index.yaml', messages: ['invalid YAML at line'] },
  { name: 'wrong-type', file: 'organisations/demo-maker/index.yaml', messages: ['employees: found "many"; expected a number, like 42'] },
  {
    name: 'unknown-enum',
    file: 'products/demo-sweater/index.yaml',
    messages: ['category: found "knitted"; use one of knitwear, outerwear'],
  },
  { name: 'missing-required', file: 'events/demo-fair/index.yaml', messages: ['timezone: is required but missing'] },
  {
    name: 'missing-reference',
    file: 'news/demo-news/index.yaml',
    messages: ['projects[0]: refers to "no-such-project", but there is no projects/no-such-project'],
  },
  {
    name: 'duplicate-id',
    file: 'clusters/demo-cluster',
    messages: ['two entries with one id: clusters/Demo-Cluster and clusters/demo-cluster are the same id'],
  },
  {
    name: 'missing-image',
    file: 'products/demo-sweater/index.yaml',
    messages: ['images[1]: found "side.png"; no such file beside the entry'],
  },
  {
    name: 'unconfigured-locale',
    file: 'products/demo-sweater/index.de.md',
    messages: ['a translation for the locale "de", which is not configured; the locales are en, bg, sr, sr-latn, ro'],
  },
  {
    name: 'neutral-field-in-translation',
    file: 'products/demo-sweater/index.en.md',
    messages: ['countryOfOrigin: is a language-neutral fact; write it once in index.yaml'],
  },
  {
    name: 'non-slug-id-bulgarian',
    file: 'organisations/Кюстендил-Мода',
    messages: ['is not a lowercase ASCII slug', 'rename the folder to "kyustendil-moda"'],
  },
  {
    name: 'non-slug-id-serbian',
    file: 'organisations/Џемпер-Љубљана',
    messages: ['rename the folder to "dzemper-ljubljana"'],
  },
  {
    name: 'empty-image',
    file: 'products/demo-sweater/index.yaml',
    messages: ['images[0]: found "front.png"; the file is empty (0 bytes): there is no picture in it; copy the picture there again'],
  },
  {
    name: 'corrupt-image',
    file: 'products/demo-sweater/index.yaml',
    messages: ['images[0]: found "front.png"; the file is damaged or is not a picture: its format and size cannot be read; open the original in an image editor'],
  },
  {
    name: 'wrong-format-image',
    file: 'products/demo-sweater/index.yaml',
    messages: ['images[0]: found "front.png"; the file is a JPEG picture, not a PNG as its name says; rename it to front.jpg'],
  },
  {
    name: 'broken-body-image',
    file: 'news/demo-news/index.en.md',
    messages: ['line 7: the image ./photo.jpg: the file is damaged or is not a picture'],
  },
];
/** Folders of tests/fixtures/bad used by a test of their own below, not by `cases`. */
const ownTests = ['render-error'];

/** A stack trace: lines of "at function (file:line:column)". */
const STACK_TRACE = /\n\s+at \S/;

let dist: string;
let before: Map<string, string>;
const work = tempDir('bad');

function contentFor(name: string): string {
  const dir = join(work, name);
  cpSync(VALID, dir, { recursive: true });
  cpSync(join(BAD, name), dir, { recursive: true });
  return dir;
}

beforeAll(() => {
  dist = join(work, 'dist');
  const first = build(VALID, dist, { KLASTER_CACHE_DIR: join(work, 'cache') });
  expect(first.status, first.output).toBe(0);
  before = snapshot(dist);
  expect(before.size).toBeGreaterThan(20);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run check on bad content', () => {
  it('covers every fixture folder, and every case has its folder', () => {
    const folders = readdirSync(BAD, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(folders).toEqual([...cases.map((c) => c.name), ...ownTests].sort());
  });

  for (const c of cases) {
    it(`${c.name}: names ${c.file} and explains`, () => {
      const content = contentFor(c.name);
      const run = klasterCommand('check', { KLASTER_CONTENT: content });
      expect(run.status).toBe(1);
      const lines = run.output.split('\n');
      const at = lines.findIndex((l) => l === c.file);
      expect(at, run.output).toBeGreaterThanOrEqual(0);
      for (const message of c.messages) expect(run.output).toContain(message);
      expect(run.output).not.toMatch(STACK_TRACE);
    });

    it(`${c.name}: the build fails and leaves dist/ unchanged`, () => {
      const run = build(contentFor(c.name), dist, { KLASTER_CACHE_DIR: join(work, 'cache') });
      expect(run.status).not.toBe(0);
      expect(run.output).toContain('Nothing was built');
      expect(run.output).not.toMatch(STACK_TRACE);
      expect(snapshot(dist)).toEqual(before);
    });
  }

  it('lists every problem in one run, not only the first', () => {
    const content = join(work, 'all');
    cpSync(VALID, content, { recursive: true });
    // Cases that touch different files, laid over one another.
    for (const name of ['wrong-type', 'missing-required', 'missing-reference', 'unconfigured-locale', 'non-slug-id-bulgarian']) {
      cpSync(join(BAD, name), content, { recursive: true });
    }
    const run = klasterCommand('check', { KLASTER_CONTENT: content });
    expect(run.status).toBe(1);
    for (const message of ['timezone: is required but missing', 'employees: found "many"', 'is not configured', 'kyustendil-moda']) {
      expect(run.output).toContain(message);
    }
  });

  it('a build that fails while rendering leaves dist/ unchanged too', () => {
    const run = build(contentFor('render-error'), dist, { KLASTER_CACHE_DIR: join(work, 'cache') });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('is unchanged');
    // The broken MDX is named with its line, without the build's stack trace.
    expect(run.output).toContain('news/demo-news/index.bg.mdx:5:7');
    expect(run.output).not.toMatch(STACK_TRACE);
    expect(snapshot(dist)).toEqual(before);
  });
});

describe('a mistake in site.yaml', () => {
  const base = readFileSync(join(FIXTURE_SITE, 'site.yaml'), 'utf8');
  const mistakes = [
    { name: 'an unknown key', yaml: `${base}colour: "#336699"\n`, messages: ['site.yaml', 'unknown field colour'] },
    {
      name: 'a colour below 4.5:1',
      yaml: `${base}theme:\n  accent: "#7fb2e5"\n`,
      messages: ['theme.accent: found #7fb2e5, whose contrast with white is 2.23:1', 'choose a darker shade'],
    },
    {
      name: 'a logo file that does not exist',
      yaml: `${base}logo:\n  file: assets/logo.svg\n  alt: Fixture\n`,
      messages: ['logo.file: found "assets/logo.svg", but there is no such file', 'put the file there or correct the path'],
    },
    {
      name: 'a navigation link to a missing page',
      yaml: `${base}nav:\n  - section: catalogue\n  - page: about\n`,
      messages: ['nav[1].page: found "about", but content/pages/about/ does not exist', 'klaster new pages <id>'],
    },
  ];
  for (const m of mistakes) {
    it(`${m.name}: named by the check with the fix, and the build leaves dist/ unchanged`, () => {
      const config = join(work, `site-${m.name.replace(/\W+/g, '-')}`, 'site.yaml');
      mkdirSync(join(config, '..'));
      writeFileSync(config, m.yaml);
      const check = klasterCommand('check', { KLASTER_CONTENT: VALID, KLASTER_CONFIG: config });
      expect(check.status).toBe(1);
      for (const message of m.messages) expect(check.output).toContain(message);
      expect(check.output).not.toMatch(STACK_TRACE);
      const run = build(VALID, dist, { KLASTER_CONFIG: config, KLASTER_CACHE_DIR: join(work, 'cache') });
      expect(run.status).not.toBe(0);
      expect(run.output).toContain('Nothing was built');
      expect(run.output).not.toMatch(STACK_TRACE);
      expect(snapshot(dist)).toEqual(before);
    });
  }
});
