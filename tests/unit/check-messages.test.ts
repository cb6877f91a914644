/**
 * What `npm run check` tells an editor: warnings beside errors, plain words
 * with a YAML example instead of type names, the closest existing id for a
 * reference that does not exist, one message for tab indentation, a
 * component that is never closed, and news scheduled for a later day.
 */
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../packages/klaster/src/lib/content/check.ts';
import { ROOT, klasterCommand, tempDir } from '../helpers/build.ts';

const work = tempDir('check-messages');
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;

/** A copy of the valid fixture with some files rewritten. */
function contentWith(files: Record<string, string | ((text: string) => string)>): string {
  const root = join(work, String(count++));
  cpSync(join(ROOT, 'tests/fixtures/valid'), root, { recursive: true });
  for (const [file, edit] of Object.entries(files)) {
    const path = join(root, file);
    writeFileSync(path, typeof edit === 'string' ? edit : edit(readFileSync(path, 'utf8')));
  }
  return root;
}
const check = (root: string) => checkContent(root, { today: '2026-11-21' });

describe('warnings', () => {
  const root = contentWith({
    'products/demo-sweater/index.yaml': (t) => t.replace('2030-01-31', '2020-01-31').replace('category: knitwear', 'category: knitted'),
    'products/demo-sweater/index.ro.md': '---\nname: Pulover demonstraţie\nsummary: 5\n---\nTricotat în Kyustendil, ţară.\n',
  });

  it("are found in a file that has errors too", () => {
    const { errors, warnings } = check(root);
    expect(errors.map((e) => `${e.file} ${e.field}`).sort()).toEqual(['products/demo-sweater/index.ro.md summary', 'products/demo-sweater/index.yaml category']);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'products/demo-sweater/index.yaml', field: 'certifications[0].validUntil', message: expect.stringContaining('expired on 2020-01-31') }),
        expect.objectContaining({ file: 'products/demo-sweater/index.ro.md', field: 'name', message: expect.stringContaining('cedilla') }),
        expect.objectContaining({ file: 'products/demo-sweater/index.ro.md', field: 'body', message: expect.stringContaining('cedilla') }),
      ]),
    );
  });

  it('are shown by npm run check beside the errors, which end with what to do next', () => {
    const run = klasterCommand('check', { KLASTER_CONTENT: root });
    expect(run.status).toBe(1);
    expect(run.output).toContain('warning: certifications[0].validUntil');
    expect(run.output).toContain('warning: body: Romanian cedilla letters');
    expect(run.output).not.toContain('Nothing was built');
    expect(run.output.trim().split('\n').at(-1)).toMatch(/run `npm run check` again.*`npm run build`/);
  });
});

describe('a maker without an e-mail', () => {
  it("is warned about, with the file and what to add: enquiries about its products go to the cluster's or the site's address", () => {
    const { warnings } = check(contentWith({}));
    expect(warnings.filter((w) => w.field === 'email')).toEqual([
      expect.objectContaining({ file: 'organisations/demo-maker/index.yaml', severity: 'warning', message: expect.stringMatching(/makes products.*footer\.email.*email: sales@example\.org/) }),
    ]);
    const withEmail = check(contentWith({ 'organisations/demo-maker/index.yaml': (t) => `${t}email: sales@demo-maker.example.org\n` }));
    expect(withEmail.warnings.filter((w) => w.field === 'email')).toEqual([]);
  });
});

describe('messages in plain words', () => {
  it('say what is expected with a YAML example, not a type name', () => {
    const root = contentWith({
      'organisations/demo-maker/index.yaml': (t) => `${t.replace('sample: true', 'sample: "yes"')}employees: many\nsectors: textile-clothing\n`,
      'projects/demo-project/index.yaml': (t) => `${t}budget: 5000\nresults:\n  - { id: 7, file: [a.pdf], type: report, language: en }\n`,
      'projects/demo-project/index.en.md': (t) => t.replace('indicators: { exchanges: Exchanges, smes: SMEs }', 'indicators: [Exchanges, SMEs]'),
    });
    const messages = Object.fromEntries(check(root).errors.map((e) => [e.field, e.message]));
    expect(messages.employees).toBe('found "many"; expected a number, like 42');
    expect(messages.sectors).toBe('found "textile-clothing"; expected a list, like [a, b]');
    expect(messages.sample).toBe('found "yes"; expected true or false, like true (without quotes)');
    expect(messages.budget).toBe('found 5000; expected a group of fields, like { name: value }');
    expect(messages['results[0].id']).toBe('found 7, which YAML reads as a number; expected text, like "some words": put it in quotes to write it as text');
    expect(messages['results[0].file']).toBe('found a list; expected text, like "some words"');
    expect(messages.indicators).toBe('found a list; expected a group of fields, like { name: value }');
    for (const message of Object.values(messages)) expect(message).not.toMatch(/expected (array|object|string|number|boolean|date|record)\b/);
  });
});

describe('references to entries that do not exist', () => {
  it('suggest the closest existing id', () => {
    const root = contentWith({
      'products/demo-sweater/index.yaml': (t) => t.replace('maker: demo-maker', 'maker: demo-makr'),
      'organisations/demo-maker/index.yaml': (t) => t.replace('clusters: [demo-cluster]', 'clusters: [demo-clustre]'),
      'news/demo-news/index.yaml': 'date: 2012-02-01\nprojects: [no-such-project]\n',
    });
    const messages = Object.fromEntries(check(root).errors.map((e) => [`${e.file} ${e.field}`, e.message]));
    expect(messages['products/demo-sweater/index.yaml maker']).toBe(
      'refers to "demo-makr", but there is no organisations/demo-makr; did you mean "demo-maker"? Otherwise create the entry',
    );
    expect(messages['organisations/demo-maker/index.yaml clusters[0]']).toContain('did you mean "demo-cluster"?');
    // Nothing close: no guess.
    expect(messages['news/demo-news/index.yaml projects[0]']).toBe(
      'refers to "no-such-project", but there is no projects/no-such-project; check the spelling or create the entry',
    );
  });
});

describe('tabs in YAML', () => {
  it('give one message naming the file and the line', () => {
    const root = contentWith({
      'products/demo-sweater/index.yaml': (t) => t.replace(/^ {2,4}- /gm, '\t- '),
      'products/demo-sweater/index.en.md': (t) => t.replace('  front.png', '\tfront.png'),
    });
    const { errors } = check(root);
    const facts = errors.filter((e) => e.file === 'products/demo-sweater/index.yaml');
    expect(facts).toEqual([expect.objectContaining({ message: 'invalid YAML at line 6: indent with spaces, not tabs (tabs also on line 7)' })]);
    const text = errors.filter((e) => e.file === 'products/demo-sweater/index.en.md');
    expect(text).toEqual([expect.objectContaining({ message: 'invalid YAML at line 5: indent with spaces, not tabs' })]);
  });
});

describe('a component that is never closed', () => {
  it('is named, with its closing tag and line', () => {
    const root = contentWith({});
    const project = join(root, 'projects/demo-project');
    renameSync(join(project, 'index.en.md'), join(project, 'index.en.mdx'));
    cpSync(join(root, 'products/demo-sweater/front.png'), join(project, 'front.png'));
    writeFileSync(join(project, 'index.en.mdx'), '\nText.\n\n<Figure caption="Threads">\n  ![Threads](./front.png)\n\nMore text.\n', { flag: 'a' });
    const line = readFileSync(join(project, 'index.en.mdx'), 'utf8').split('\n').findIndex((l) => l.startsWith('<Figure')) + 1;
    const { errors } = check(root);
    expect(errors).toEqual([
      expect.objectContaining({ file: 'projects/demo-project/index.en.mdx', field: `line ${line}`, message: '<Figure> is never closed: add </Figure> after what it holds' }),
    ]);
  });
});

describe('news dated after the build date', () => {
  const root = contentWith({ 'news/demo-news/index.yaml': 'date: 2026-12-24\nprojects: [demo-project]\n' });

  it('is scheduled: a notice, not an error', () => {
    const { errors, warnings, infos } = check(root);
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => w.file.startsWith('news/'))).toEqual([]);
    expect(infos).toEqual([
      expect.objectContaining({ file: 'news/demo-news/index.yaml', field: 'date', severity: 'info', message: expect.stringContaining('scheduled: published from 2026-12-24 on') }),
    ]);
    expect(check(contentWith({ 'news/demo-news/index.yaml': 'date: 2026-11-21\n' })).infos).toEqual([]);
  });

  it('is listed by npm run check, which passes', () => {
    const run = klasterCommand('check', { KLASTER_CONTENT: root, KLASTER_BUILD_DATE: '2026-11-21' });
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/news\/demo-news\/index\.yaml\n {2}info: date: scheduled: published from 2026-12-24 on/);
  });
});

describe('in GitHub Actions', () => {
  // A repository whose content folder is content/, as the starter writes it.
  const repo = join(work, 'repository');
  const content = join(repo, 'content');
  cpSync(join(ROOT, 'tests/fixtures/valid'), content, { recursive: true });
  const yaml = join(content, 'products/demo-sweater/index.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('category: knitwear', 'category: knitted'));

  it('each problem is also an annotation on its file, relative to the repository', () => {
    const run = klasterCommand('check', { KLASTER_CONTENT: content, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: repo });
    expect(run.status).toBe(1);
    const annotations = run.output.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=content\/products\/demo-sweater\/index\.yaml,title=klaster check%3A category::found "knitted"; use one of knitwear, /));
    expect(annotations).toContain(
      '::warning file=content/products/demo-sweater/index.ro.md,title=klaster check%3A body::Romanian cedilla letters (ş, ţ) found; write comma-below ș, ț (the build converts them)',
    );
    // The listing for people is still there.
    expect(run.output).toContain('products/demo-sweater/index.yaml\n  category: found "knitted"');
  });

  it('elsewhere no annotation is printed', () => {
    const run = klasterCommand('check', { KLASTER_CONTENT: content });
    expect(run.status).toBe(1);
    expect(run.output).not.toMatch(/^::/m);
  });
});
