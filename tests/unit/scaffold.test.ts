import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scaffold } from '../../packages/klaster/src/lib/content/scaffold.ts';
import { checkContent } from '../../packages/klaster/src/lib/content/check.ts';
import { colourHex } from '../../packages/klaster/src/lib/content/fields.ts';
import { textSchemas } from '../../packages/klaster/src/lib/content/schemas.ts';
import { translationStatus } from '../../packages/klaster/src/lib/i18n-status.ts';
import { writtenLocales } from '../../packages/klaster/src/lib/locales.ts';
import { ROOT, tempDir } from '../helpers/build.ts';

const work = tempDir('scaffold');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The line of a field in a scaffolded file, commented out or not. */
const lineOf = (file: string, key: string) => file.split('\n').find((l) => l.startsWith(`${key}:`) || l.startsWith(`#${key}:`)) ?? '';
/** The YAML example a field's comment gives ("e.g. ..."), as the value of the field. */
const example = (line: string, key: string) => parse(`${key}: ${/e\.g\. (.*)$/.exec(line)?.[1] ?? ''}`)[key];

describe('npm run new', () => {
  it('offers keepAsWritten, commented out, only in the Serbian file it has an effect in', () => {
    const files = scaffold('products', 'jumko-sweater', 'sr');
    for (const locale of writtenLocales) {
      const text = files.get(`index.${locale}.md`)!;
      expect(text, locale).toMatch(/^#name:|^name:/m);
      if (locale === 'sr') expect(text).toMatch(/^#keepAsWritten: +# optional: .*\["Јумко", "ЏМ-200"\]/m);
      else expect(text, locale).not.toContain('keepAsWritten');
    }
  });

  it('marks image descriptions required as the guide and the check do', () => {
    const product = scaffold('products', 'new-sweater', 'en');
    expect(lineOf(product.get('index.en.md')!, 'imageAlt')).toMatch(/^imageAlt: +# required/);
    expect(lineOf(product.get('index.bg.md')!, 'imageAlt')).toMatch(/^#imageAlt: +# optional/);
    const news = scaffold('news', 'new-news', 'en');
    // Required only with a cover, so left commented out, but never called optional.
    expect(lineOf(news.get('index.en.md')!, 'coverAlt')).toMatch(/^#coverAlt: +# required when index\.yaml has a cover/);
  });

  it("describes a project's indicator labels and result titles as the maps they are", () => {
    const text = scaffold('projects', 'new-project', 'en').get('index.en.md')!;
    for (const key of ['indicators', 'results'] as const) {
      const line = lineOf(text, key);
      expect(line, key).not.toContain('list of');
      expect(textSchemas.projects.shape[key].safeParse(example(line, key)).success, line).toBe(true);
    }
  });

  it('gives accentColour an example that YAML reads as a colour, in quotes', () => {
    const line = lineOf(scaffold('projects', 'new-project', 'en').get('index.yaml')!, 'accentColour');
    expect(line).toContain('"#');
    expect(colourHex.safeParse(example(line, 'accentColour')).success, line).toBe(true);
  });

  it('writes a placeholder body the check stops at, and translations that count as missing', () => {
    const content = join(work, 'content');
    cpSync(join(ROOT, 'tests/fixtures/valid'), content, { recursive: true });
    const dir = join(content, 'news/new-news');
    mkdirSync(dir);
    for (const [name, text] of scaffold('news', 'new-news', 'en')) writeFileSync(join(dir, name), text);
    // The editor fills in the required fields, and nothing else.
    const fill = (name: string, values: Record<string, string>) => {
      let text = readFileSync(join(dir, name), 'utf8');
      for (const [key, value] of Object.entries(values)) text = text.replace(new RegExp(`^${key}:.*$`, 'm'), `${key}: ${value}`);
      writeFileSync(join(dir, name), text);
    };
    fill('index.yaml', { date: '2012-03-01' });
    fill('index.en.md', { title: 'New news', summary: 'Something new.' });
    let result = checkContent(content, { today: '2026-11-21' });
    expect(result.errors).toEqual([
      expect.objectContaining({ file: 'news/new-news/index.en.md', field: 'body', message: expect.stringMatching(/placeholder.*write the text/) }),
    ]);
    // Once the body is written, the entry passes; its untouched translations are missing, not partial.
    const en = join(dir, 'index.en.md');
    writeFileSync(en, readFileSync(en, 'utf8').replace(/\n---\n[\s\S]*$/, '\n---\n\nThe news itself.\n'));
    result = checkContent(content, { today: '2026-11-21' });
    expect(result.errors).toEqual([]);
    for (const status of translationStatus(result.content).locales.filter((s) => s.locale !== 'en')) {
      expect(status.missing, status.locale).toContain('news/new-news');
      expect(status.partial.map((p) => p.entry), status.locale).not.toContain('news/new-news');
      expect(status.unstamped, status.locale).not.toContain('news/new-news');
    }
  });
});
