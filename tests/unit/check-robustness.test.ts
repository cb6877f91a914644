/**
 * Mistakes the content fuzzer (content-fuzz.test.ts) found the check and the
 * reader unprepared for: each made them throw, passed what the build then
 * failed on, or was reported in words an editor could not act on. One case
 * each, on a copy of the valid fixture.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../packages/klaster/src/lib/content/check.ts';
import { formatProblems, problem } from '../../packages/klaster/src/lib/content/problems.ts';
import { checkMdxBody } from '../../packages/klaster/src/lib/mdx-components.ts';
import { ROOT, tempDir } from '../helpers/build.ts';

const TODAY = '2026-11-21';
const VALID = join(ROOT, 'tests/fixtures/valid');
const work = tempDir('check-robustness');
afterAll(() => rmSync(work, { recursive: true, force: true }));
let folders = 0;

/** A copy of the valid fixture with files written (a string), made folders (null) or links ({ link }). */
function contentWith(files: Record<string, string | null | { link: string }>): string {
  const root = join(work, String(folders++));
  cpSync(VALID, root, { recursive: true });
  for (const [file, what] of Object.entries(files)) {
    const path = join(root, file);
    rmSync(path, { recursive: true, force: true });
    mkdirSync(dirname(path), { recursive: true });
    if (what === null) mkdirSync(path);
    else if (typeof what === 'string') writeFileSync(path, what);
    else symlinkSync(what.link, path);
  }
  return root;
}
const check = (root: string) => checkContent(root, { today: TODAY });
/** What the check says about a file (and a field): "error: ..." and "warning: ...". */
const found = (root: string, file: string, field?: string) => {
  const { errors, warnings } = check(root);
  return [...errors, ...warnings].filter((p) => p.file === file && (field === undefined || p.field === field)).map((p) => `${p.severity}: ${p.message}`);
};
const sweater = 'products/demo-sweater';
const sweaterFacts = readFileSync(join(VALID, sweater, 'index.yaml'), 'utf8');

describe('on disk and in YAML, what the check did not expect: a problem, never a crash', () => {
  it('a folder where index.yaml or a text should be: named, not a crash (EISDIR)', () => {
    const root = contentWith({ [`${sweater}/index.yaml`]: null, 'clusters/demo-cluster/index.en.md': null });
    expect(found(root, `${sweater}/index.yaml`)).toEqual([expect.stringContaining('is a folder, not a file')]);
    expect(found(root, 'clusters/demo-cluster/index.en.md')).toEqual([expect.stringContaining('is a folder, not a file')]);
  });

  it('a broken link beside an entry: ignored, or "no such file" when an image, not a crash (ENOENT, ELOOP)', () => {
    const root = contentWith({ [`${sweater}/front.png`]: { link: '/nonexistent/front.png' }, [`${sweater}/loop.png`]: { link: 'loop.png' } });
    expect(found(root, `${sweater}/index.yaml`, 'images[0]')).toEqual([expect.stringContaining('no such file beside the entry')]);
  });

  it('a file where a collection folder or the content folder should be: named, not a crash (ENOTDIR)', () => {
    const root = contentWith({ news: 'not a folder' });
    expect(found(root, 'news')).toEqual([expect.stringContaining('is a file, not a folder')]);
    expect(check(join(root, 'news')).errors).toEqual([expect.objectContaining({ file: '.', message: expect.stringContaining('is a file, not a folder') })]);
  });

  it('an image that is a folder: refused, before the build fails on it', () => {
    const root = contentWith({
      [`${sweater}/side.png`]: null,
      [`${sweater}/index.yaml`]: sweaterFacts.replace('images: [front.png]', 'images: [front.png, side.png]'),
    });
    expect(found(root, `${sweater}/index.yaml`, 'images[1]')).toEqual(['error: found "side.png"; is a folder, not an image file']);
  });

  it('a country written out ("Bulgaria", ""): a problem, not a RangeError from Intl', () => {
    const root = contentWith({
      [`${sweater}/index.yaml`]: sweaterFacts.replace('countryOfOrigin: BG', 'countryOfOrigin: Bulgaria'),
      'clusters/demo-cluster/index.yaml': 'country: ""\ncoordinates: { lat: 42, lon: 22 }\nfounded: 2012\nsectors: [fashion]\n',
    });
    expect(found(root, `${sweater}/index.yaml`, 'countryOfOrigin')).toEqual([
      'error: found "Bulgaria"; expected a two-letter country code in capitals, such as BG, RS, RO',
    ]);
    expect(found(root, 'clusters/demo-cluster/index.yaml', 'country')).toHaveLength(1);
  });

  it('an alias bomb, and lists nested thousands deep: one problem each, not a crash', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefg'.split('').map((k, n) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[n]}`).join(', ')}]`),
    ].join('\n');
    const root = contentWith({ [`${sweater}/index.yaml`]: bomb, 'clusters/demo-cluster/index.yaml': `deep: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n` });
    expect(found(root, `${sweater}/index.yaml`)).toEqual(['error: invalid YAML: the aliases (*name) repeat too much data; write the values out instead']);
    expect(found(root, 'clusters/demo-cluster/index.yaml')).toEqual([
      'error: invalid YAML at line 1: lists or groups are nested too deeply inside one another',
    ]);
  });
});

describe('in words an editor can act on: nothing unread without a word, nothing invisible', () => {
  it('a misnamed text, and a second facts file: not silently left unread', () => {
    const root = contentWith({ [`${sweater}/index.bg.markdown`]: '---\nname: Пуловер\n---\n', [`${sweater}/index.yml`]: sweaterFacts });
    expect(found(root, `${sweater}/index.bg.markdown`)).toEqual([expect.stringMatching(/^warning: is not read: .*index\.<locale>\.md/)]);
    expect(found(root, `${sweater}/index.yml`)).toEqual([expect.stringContaining('a second facts file beside index.yaml')]);
  });

  it('names with invisible characters, numbers out of range, locales not configured: in words an editor can act on', () => {
    const root = contentWith({
      'organisations/demo-maker/index.yaml': 'type: sme\ncountry: BG\nclusters: [demo-cluster]\nemployees: -1\nna\u200Dme: x\n',
      [`${sweater}/index.yaml`]: `${sweaterFacts}moq: 1e300\n`,
      [`${sweater}/index.de.md`]: '---\nname: Pullover\n---\n',
    });
    expect(found(root, 'organisations/demo-maker/index.yaml')).toEqual(['error: found -1; must be at least 0', 'error: unknown field na<U+200D>me']);
    expect(found(root, `${sweater}/index.yaml`, 'moq')).toEqual(['error: found 1e+300; expected a whole number']);
    expect(found(root, `${sweater}/index.de.md`)).toEqual([expect.stringContaining('add the locale to locales in site.yaml')]);
    expect(formatProblems([problem('products/a\u202Eb/index.yaml', 'imageAlt.x\u200By.png', 'a message')])).toBe(
      'products/a<U+202E>b/index.yaml\n  imageAlt.x<U+200B>y.png: a message',
    );
  });

  it('names repeated from components, markup and newsletter folders: invisible characters named there too', () => {
    const root = contentWith({
      'news/demo-news/index.en.mdx': '---\ntitle: Demo news\nsummary: Something happened.\n---\n\n<Timeline project="demo\u200Dproject" />\n',
      'news/demo-news/index.ro.md': '---\ntitle: Știre\n---\n\n<figure caption="a\u202Eb">x</figure>\n',
      'news/demo-news/index.en.md': null,
      'newsletters/2024\u200B-01/index.yaml': '',
      'newsletters/2024\u200B-01/index.en.md': '---\ntitle: January\n---\n',
    });
    rmSync(join(root, 'news/demo-news/index.en.md'), { recursive: true });
    expect(found(root, 'news/demo-news/index.en.mdx')).toEqual([
      'error: <Timeline> names the project "demo<U+200D>project", but there is no projects/demo<U+200D>project; did you mean "demo-project"? the projects are demo-project',
    ]);
    expect(found(root, 'news/demo-news/index.ro.md')).toEqual([
      'warning: caption="a<U+202E>b" on <figure> will be removed: the attribute is not allowed on <figure> in texts',
    ]);
    expect(found(root, 'newsletters/2024\u200B-01').join('\n')).toContain('found "2024<U+200B>-01"');
    // With no project at all, the list of projects is not left empty.
    const [none] = checkMdxBody({
      ext: 'mdx',
      body: '<Timeline project="x" />',
      fileName: 'index.en.mdx',
      defaultProject: undefined,
      projects: new Map(),
      assets: [],
      imageExtensions: [],
    });
    expect(none.message).toBe('<Timeline> names the project "x", but there is no projects/x; there are no projects yet');
  });

  it('names quoted by the YAML parser, a did-you-mean, a duplicate id, a file to rename: invisible characters named there too', () => {
    const root = contentWith({
      'news/demo-news/index.yaml': '- item\ndate: "a\u202Eb"\n',
      'clusters/demo\u200Dcluster/index.yaml': 'country: BG\ncoordinates: { lat: 42, lon: 22 }\nfounded: 2012\nsectors: [fashion]\n',
      'clusters/demo\u200Dcluster/index.en.md': '---\nname: Twin\nsummary: A twin.\nregion: South-West\ncity: Kyustendil\n---\n',
      'clusters/DEMO-cluster/index.yaml': 'country: BG\ncoordinates: { lat: 42, lon: 22 }\nfounded: 2012\nsectors: [fashion]\n',
      'clusters/DEMO-cluster/index.en.md': '---\nname: Twin\nsummary: A twin.\nregion: South-West\ncity: Kyustendil\n---\n',
      'organisations/demo-maker/index.yaml': 'type: sme\ncountry: BG\nclusters: [demo-clustr]\n',
      'clusters/demo-cluster/index.\u202Een.md': '---\nname: x\n---\n\n<Map />\n',
    });
    const shown = (file: string) => formatProblems(check(root).errors.filter((p) => p.file === file));
    expect(shown('news/demo-news/index.yaml')).toContain('a<U+202E>b');
    expect(shown('organisations/demo-maker/index.yaml')).toMatch(/did you mean "demo(-cluster|<U\+200D>cluster)"/);
    expect(shown('clusters/demo-cluster')).toContain('clusters/DEMO-cluster and clusters/demo-cluster are the same id');
    expect(shown('clusters/demo-cluster/index.\u202Een.md')).toContain('a translation for the locale "<U+202E>en"');
    const [md] = checkMdxBody({
      ext: 'md',
      body: '<Map />',
      fileName: 'index.\u202Een.md',
      defaultProject: 'p',
      projects: new Map([
        ['p', undefined],
        ['q\u200Dr', undefined],
      ]),
      assets: [],
      imageExtensions: [],
    });
    expect(md.message).toBe('<Map> works only in MDX files; rename index.<U+202E>en.md to index.<U+202E>en.mdx');
    const [list] = checkMdxBody({
      ext: 'mdx',
      body: '<Map project="x" />',
      fileName: 'index.en.mdx',
      defaultProject: 'p',
      projects: new Map([['q\u200Dr', undefined]]),
      assets: [],
      imageExtensions: [],
    });
    expect(list.message).toContain('the projects are q<U+200D>r');
  });
});

describe('read as the build reads it: what the check passes, the build builds', () => {
  it('fields whose closing --- is missing: said so, in the source and in a translation (which was published as its body)', () => {
    const root = contentWith({
      [`${sweater}/index.en.md`]: '---\nname: Demo sweater\nsummary: A sweater.\nimageAlt: { front.png: A grey sweater }\n\nKnitted in Kyustendil.\n',
      [`${sweater}/index.ro.md`]: '---\nname: Pulover\n\nTricotat în Kyustendil.\n',
    });
    const message = 'error: the fields at the top open with --- on line 1, but no line --- closes them: add a line with only --- after the last field';
    expect(found(root, `${sweater}/index.en.md`)).toEqual([message]);
    expect(found(root, `${sweater}/index.ro.md`)).toEqual([message]);
  });

  it('blank lines before the opening ---: the fields are read, as the build reads them', () => {
    const root = contentWith({
      [`${sweater}/index.ro.md`]: '\n\n---\nname: 5\n---\nTricotat.\n',
      'clusters/demo-cluster/index.en.md': '\n---\nname: Demo cluster\nsummary: A cluster.\nregion: South-West\ncity: Kyustendil\n---\n',
    });
    expect(found(root, `${sweater}/index.ro.md`, 'name')).toEqual([expect.stringContaining('found 5, which YAML reads as a number')]);
    expect(found(root, 'clusters/demo-cluster/index.en.md')).toEqual([]);
  });

  it('a text written as a date, which the build reads as a date: the field, and the quotes that fix it', () => {
    const root = contentWith({
      'news/demo-news/index.en.md': '---\ntitle: 2024-05-01\nsummary: Something happened.\n---\n',
      'events/demo-fair/index.yaml': 'kind: fair\nstart: 2012-09-04 09:30:00\ntimezone: Europe/Berlin\ncountry: DE\n',
    });
    expect(found(root, 'news/demo-news/index.en.md', 'title')).toEqual([
      'error: found 2024-05-01, which YAML reads as a date; expected text, like "some words": put it in quotes to write it as text',
    ]);
    // A date and time with seconds is a timestamp to the build, which accepts it: the check does too.
    expect(found(root, 'events/demo-fair/index.yaml')).toEqual([]);
  });

  it('an invisible control character (a word processor line break) in YAML: its line, before the build stops at it', () => {
    const root = contentWith({
      'news/demo-news/index.yaml': 'date: 2012-02-01\nprojects: [demo-project]\n# note\u000B\n',
      'news/demo-news/index.en.md': '---\ntitle: Demo\u0085 news\nsummary: "Something\u0090 happened."\n---\n',
    });
    expect(found(root, 'news/demo-news/index.yaml')).toEqual([
      'error: invalid YAML at line 3: an invisible control character <U+000B> that YAML does not allow; delete it (text pasted from a word processor often carries one)',
    ]);
    expect(found(root, 'news/demo-news/index.en.md')).toEqual([expect.stringContaining('invalid YAML at line 3: an invisible control character <U+0090>')]);
  });

  it('an image or a document whose name an address cannot hold (?, #, %): refused, before the build fails on it', () => {
    const root = contentWith({
      [`${sweater}/a#b.png`]: 'png',
      [`${sweater}/a%20b.png`]: 'png',
      [`${sweater}/index.yaml`]: sweaterFacts.replace('images: [front.png]', 'images: [front.png, "a#b.png", "a%20b.png"]'),
      'projects/demo-project/report?.pdf': '%PDF-1.4',
      'projects/demo-project/index.yaml': `${readFileSync(join(VALID, 'projects/demo-project/index.yaml'), 'utf8')}results:\n  - { id: report, file: report?.pdf, type: report, language: en }\n`,
    });
    expect(found(root, `${sweater}/index.yaml`, 'images[1]')).toEqual([expect.stringContaining('rename the file')]);
    expect(found(root, `${sweater}/index.yaml`, 'images[2]')).toEqual([expect.stringContaining('rename the file')]);
    expect(found(root, 'projects/demo-project/index.yaml', 'results[0].file')).toEqual([expect.stringContaining('rename the file')]);
  });

  it('a control character written as a YAML escape ("\\0") in a text: refused, not published raw into the page', () => {
    const root = contentWith({ 'news/demo-news/index.en.md': '---\ntitle: "Demo\\0 news"\nsummary: "Some\\vthing happened."\n---\n' });
    expect(found(root, 'news/demo-news/index.en.md', 'title')).toEqual([
      'error: found "Demo\\u0000 news"; holds an invisible control character <U+0000>, which a page cannot show; delete it',
    ]);
    expect(found(root, 'news/demo-news/index.en.md', 'summary')).toEqual([expect.stringContaining('<U+000B>')]);
  });
});
