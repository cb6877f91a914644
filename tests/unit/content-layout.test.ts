/**
 * The editor's layout (lib/content/layout.ts): an entry's facts among the
 * fields of its default language's text, as Decap CMS writes them, read and
 * checked as index.yaml is; `klaster migrate` moving index.yaml there,
 * keeping comments; references written as the editor writes them.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../packages/klaster/src/lib/content/check.ts';
import { altMapsToLists, moveFactsToText } from '../../packages/klaster/src/lib/content/migrate-layout.ts';
import { ROOT, klasterCommand, tempDir } from '../helpers/build.ts';

const work = tempDir('content-layout');
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;
const check = (root: string) => checkContent(root, { today: '2026-11-21' });
const messages = (root: string) => check(root).errors.map((p) => `${p.file}${p.field ? ` ${p.field}` : ''}: ${p.message}`);

function copyOfValid(): string {
  const root = join(work, String(count++));
  cpSync(join(ROOT, 'tests/fixtures/valid'), root, { recursive: true });
  return root;
}

/** What the check made of every entry: facts and texts, without file names. */
function checked(root: string) {
  const result = check(root);
  return Object.fromEntries(
    Object.entries(result.content).map(([c, entries]) => [
      c,
      Object.fromEntries(
        [...entries].map(([id, e]) => [
          id,
          { facts: e.facts, texts: Object.fromEntries(Object.entries(e.texts).map(([l, t]) => [l, { data: t.data, body: t.body }])) },
        ]),
      ),
    ]),
  );
}

describe('klaster migrate: index.yaml into the default language text', () => {
  it('moves the facts of every entry, and the check reads the same content', () => {
    const before = copyOfValid();
    const after = copyOfValid();
    const run = klasterCommand('migrate', { KLASTER_CONTENT: after });
    expect(run.status, run.output).toBe(0);
    expect(existsSync(join(after, 'products/demo-sweater/index.yaml'))).toBe(false);
    expect(readFileSync(join(after, 'products/demo-sweater/index.en.md'), 'utf8')).toMatch(/^---\nmaker: demo-maker\n[\s\S]*\nname: /);
    // Image descriptions as the list the editor's form writes (it cannot show a map keyed by file name).
    expect(readFileSync(join(after, 'products/demo-sweater/index.en.md'), 'utf8')).toContain('imageAlt:\n  - { image: front.png, alt: A grey sweater }\n');
    // A project's indicator labels and its indicator list share a key: it keeps its index.yaml, and says so.
    expect(existsSync(join(after, 'projects/demo-project/index.yaml'))).toBe(true);
    expect(run.output).toMatch(/kept .*projects\/demo-project\/index\.yaml: both index\.yaml and the text have indicators/);
    expect(messages(after)).toEqual([]);
    expect(checked(after)).toEqual(checked(before));
    // Run again, nothing left to move.
    expect(klasterCommand('migrate', { KLASTER_CONTENT: after }).output).not.toMatch(/^changed /m);
  });

  it('keeps comments and order, and joins a product text attributes to the others', () => {
    const facts = '# Made in Gabrovo\nmaker: acme # the workshop\ncategory: knitwear\nattributes:\n  material: [{ fibre: wool, percent: 100 }]\n';
    const text = '---\nname: Sweater\n# shown in lists\nsummary: Warm.\nattributes:\n  care: Hand wash\n---\nBody *here*.\n';
    const out = moveFactsToText('products', facts, text);
    expect(out).toEqual({
      text: '---\n# Made in Gabrovo\nmaker: acme # the workshop\ncategory: knitwear\nattributes:\n  material: [ { fibre: wool, percent: 100 } ]\n  care: Hand wash\nname: Sweater\n# shown in lists\nsummary: Warm.\n---\nBody *here*.\n',
    });
    // Image descriptions become { image, alt } items, other fields and comments as they were; again, nothing to change.
    const described = '---\n# c\nname: Sweater\nimageAlt:\n  front.jpg: Grey, front view\n  back.jpg: "Its back: plain"\n---\nBody.\n';
    const listed = altMapsToLists(described)!;
    expect(listed).toBe(
      '---\n# c\nname: Sweater\nimageAlt:\n  - { image: front.jpg, alt: "Grey, front view" }\n  - { image: back.jpg, alt: "Its back: plain" }\n---\nBody.\n',
    );
    expect(altMapsToLists(listed)).toBeUndefined();
    // Without shared keys the files are joined as written.
    expect(moveFactsToText('news', '# when\ndate: 2026-01-02\n', undefined)).toEqual({ text: '---\n# when\ndate: 2026-01-02\n---\n' });
  });
});

describe('the editor layout, checked', () => {
  /** The valid fixture migrated, with some files rewritten. */
  function migrated(files: Record<string, string | null | ((text: string) => string)> = {}): string {
    const root = copyOfValid();
    expect(klasterCommand('migrate', { KLASTER_CONTENT: root }).status).toBe(0);
    for (const [file, edit] of Object.entries(files)) {
      const path = join(root, file);
      if (edit === null) unlinkSync(path);
      else writeFileSync(path, typeof edit === 'string' ? edit : edit(readFileSync(path, 'utf8')));
    }
    return root;
  }

  it('reads an entry written in another language: the default file holds the facts alone', () => {
    const root = migrated();
    // Move the English text to Bulgarian, leaving the facts in index.en.md.
    const en = readFileSync(join(root, 'news/demo-news/index.en.md'), 'utf8');
    const [, fields, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(en)!;
    const lines = fields.split('\n');
    const factLines = lines.filter((l) => /^(date|projects|clusters|cover|sample|sourceLocale):/.test(l));
    const textLines = lines.filter((l) => !factLines.includes(l));
    writeFileSync(join(root, 'news/demo-news/index.en.md'), `---\n${factLines.join('\n')}\nsourceLocale: bg\n---\n`);
    writeFileSync(join(root, 'news/demo-news/index.bg.md'), `---\n${textLines.join('\n')}\n---\n${body}`);
    expect(messages(root)).toEqual([]);
    const news = check(root).content.news.get('demo-news')!;
    expect(Object.keys(news.texts)).toEqual(['bg']);
    expect(news.facts.sourceLocale).toBe('bg');
  });

  it('names the default file for a fact written in a translation, and a folder an id does not match', () => {
    const root = migrated({
      'products/demo-sweater/index.ro.md': (t) => t.replace(/^---\n/, '---\ncategory: outerwear\n'),
      'products/demo-sweater/index.en.md': (t) => t.replace(/^---\n/, '---\nid: demo-jumper\n'),
    });
    expect(messages(root)).toEqual(
      expect.arrayContaining([
        "products/demo-sweater/index.ro.md category: is a language-neutral fact; write it once in index.en.md (the default language's file), not in a translation",
        'products/demo-sweater/index.en.md id: is "demo-jumper", but the entry\'s folder is named "demo-sweater": the id is the folder\'s name; write id: demo-sweater, or rename the folder',
      ]),
    );
  });

  it("ignores a fact the editor copied into a translation with the default file's value, and refuses a different one", () => {
    // Decap's relation widget writes the chosen maker into the file of the language shown beside the default one.
    const copied = migrated({ 'products/demo-sweater/index.ro.md': (t) => t.replace(/^---\n/, '---\nmaker: demo-maker\ncategory: knitwear\n') });
    expect(messages(copied)).toEqual([]);
    expect(check(copied).content.products.get('demo-sweater')!.texts.ro!.data).not.toHaveProperty('maker');
    const other = migrated({ 'products/demo-sweater/index.ro.md': (t) => t.replace(/^---\n/, '---\ncategory: outerwear\n') });
    expect(messages(other)).toEqual([
      "products/demo-sweater/index.ro.md category: is a language-neutral fact; write it once in index.en.md (the default language's file), not in a translation",
    ]);
  });

  it('accepts a reference as the editor writes it (<id>/index), and checks that it exists', () => {
    const ok = migrated({ 'products/demo-sweater/index.en.md': (t) => t.replace('maker: demo-maker', 'maker: demo-maker/index') });
    expect(messages(ok)).toEqual([]);
    expect(check(ok).content.products.get('demo-sweater')!.facts.maker).toBe('demo-maker');
    const missing = migrated({ 'products/demo-sweater/index.en.md': (t) => t.replace('maker: demo-maker', 'maker: demo-makr/index') });
    expect(messages(missing)).toEqual([
      expect.stringMatching(
        /^products\/demo-sweater\/index\.en\.md maker: refers to "demo-makr", but there is no organisations\/demo-makr; did you mean "demo-maker"\?/,
      ),
    ]);
  });

  it('says where the facts go when an entry has neither index.yaml nor a default language file', () => {
    const root = migrated({ 'events/demo-fair/index.en.md': null });
    expect(messages(root)).toContain(
      "events/demo-fair/index.en.md: missing: every entry folder needs index.en.md (the default language's text) with its facts among its fields (npm run new creates it)",
    );
    expect(readdirSync(join(root, 'events/demo-fair'))).toEqual([]);
  });
});
