import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../packages/klaster/src/lib/content/check.ts';
import { sourceTextHash, stamp, translationStatus } from '../../packages/klaster/src/lib/i18n-status.ts';
import { ROOT, tempDir } from '../helpers/build.ts';

const work = tempDir('status');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const check = (root: string) => {
  const r = checkContent(root, { today: '2026-11-21' });
  expect(r.errors).toEqual([]);
  return r.content;
};

describe('translation status', () => {
  const root = join(work, 'content');
  cpSync(join(ROOT, 'tests/fixtures/valid'), root, { recursive: true });

  it('lists missing translations and the fields a translation leaves out', () => {
    const report = translationStatus(check(root));
    const bg = report.locales.find((l) => l.locale === 'bg')!;
    expect(bg.missing).toContain('products/demo-sweater');
    expect(bg.missing).not.toContain('clusters/demo-cluster'); // bg is its source
    const ro = report.locales.find((l) => l.locale === 'ro')!;
    expect(ro.partial).toEqual([{ entry: 'products/demo-sweater', fields: ['summary', 'imageAlt'] }]);
    expect(ro.unstamped).toContain('products/demo-sweater');
    expect(report.locales.map((l) => l.locale)).not.toContain('sr-latn');
  });

  it('marks a stamped translation outdated once its source changes', () => {
    const product = check(root).products.get('demo-sweater')!;
    expect(stamp(root, product, 'ro')).toBe(true);
    let ro = translationStatus(check(root)).locales.find((l) => l.locale === 'ro')!;
    expect(ro.outdated).toEqual([]);
    expect(ro.unstamped).not.toContain('products/demo-sweater');
    const en = join(root, 'products/demo-sweater/index.en.md');
    writeFileSync(en, readFileSync(en, 'utf8').replace('Knitted in Kyustendil.', 'Knitted in Kyustendil since 1990.'));
    ro = translationStatus(check(root)).locales.find((l) => l.locale === 'ro')!;
    expect(ro.outdated).toEqual(['products/demo-sweater']);
  });

  it('does not count keepAsWritten as text to translate', () => {
    // The Serbian text of an entry written in Serbian lists phrases to keep; its translations do not.
    const dir = join(root, 'organisations/demo-maker');
    const yaml = join(dir, 'index.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^sourceLocale:.*\n/m, '') + 'sourceLocale: sr\n');
    writeFileSync(join(dir, 'index.sr.md'), '---\nname: Јумко\nsummary: Џемпери Јумко.\ncity: Врање\nkeepAsWritten: [Јумко]\n---\nЈумко.\n');
    writeFileSync(join(dir, 'index.en.md'), '---\nname: Yumco\nsummary: Sweaters.\ncity: Vranje\n---\nYumco.\n');
    const en = translationStatus(check(root)).locales.find((l) => l.locale === 'en')!;
    expect(en.missing).not.toContain('organisations/demo-maker');
    expect(en.partial.map((p) => p.entry)).not.toContain('organisations/demo-maker');
    // Adding a phrase to keep changes no text: a stamped translation stays up to date.
    expect(sourceTextHash({ name: 'Јумко', keepAsWritten: ['Јумко'] }, 'body')).toBe(sourceTextHash({ name: 'Јумко' }, 'body'));
  });

  it('stamps a translation whose fields follow a byte-order mark or blank lines inside them, not above', () => {
    const ro = join(root, 'products/demo-sweater/index.ro.md');
    writeFileSync(ro, '\uFEFF\n\n---\nname: Pulover demonstrativ\n---\nTricotat în Kyustendil.\n');
    expect(stamp(root, check(root).products.get('demo-sweater')!, 'ro')).toBe(true);
    expect(readFileSync(ro, 'utf8')).toMatch(/^\uFEFF\n\n---\nsourceHash: [0-9a-f]{12}\nname: Pulover demonstrativ\n---\nTricotat/);
    const status = translationStatus(check(root)).locales.find((l) => l.locale === 'ro')!;
    expect(status.unstamped).not.toContain('products/demo-sweater');
    expect(status.partial.find((p) => p.entry === 'products/demo-sweater')?.fields).not.toContain('name');
  });

  it('hashes the text, not its key order', () => {
    expect(sourceTextHash({ a: '1', b: ['x'] }, 'body')).toBe(sourceTextHash({ b: ['x'], a: '1' }, 'body\n'));
    expect(sourceTextHash({ a: '1' }, 'body')).not.toBe(sourceTextHash({ a: '2' }, 'body'));
  });
});
