import { describe, expect, it } from 'vitest';
import { cacheKeys, stableJson, type KeyedEntry } from '../../packages/klaster/src/lib/cache-keys.ts';

const entry = (over: Partial<KeyedEntry> = {}, body = 'Body text.', name = 'Jumper'): KeyedEntry => ({
  collection: 'products',
  id: 'jumper',
  facts: { category: 'knitwear', images: [{ file: 'front.jpg' }] },
  texts: [{ locale: 'en', data: { name, summary: 'Warm.' }, digest: body }],
  files: ['front.jpg 1000 1700000000000'],
  ...over,
});
const other: KeyedEntry = { collection: 'organisations', id: 'maker', facts: { country: 'BG' }, texts: [{ locale: 'bg', data: { name: 'Производител' }, digest: 'Текст.' }], files: [] };
const programme = (body: string): KeyedEntry => ({ collection: 'programmes', id: 'ipa', facts: {}, texts: [{ locale: 'en', data: { name: 'IPA' }, digest: body }], files: [] });

describe('cacheKeys', () => {
  it('is the same for the same content, whatever the order of entries and keys', () => {
    const a = cacheKeys([entry(), other], 'inputs');
    const b = cacheKeys([other, { ...entry(), facts: { images: [{ file: 'front.jpg' }], category: 'knitwear' } }], 'inputs');
    expect(b.shared).toBe(a.shared);
    expect(b.entry('products', 'jumper')).toBe(a.entry('products', 'jumper'));
  });
  it('changes only the entry key when only that entry body changes', () => {
    const before = cacheKeys([entry(), other], 'inputs');
    const after = cacheKeys([entry({}, 'New body.'), other], 'inputs');
    expect(after.shared).toBe(before.shared);
    expect(after.entry('products', 'jumper')).not.toBe(before.entry('products', 'jumper'));
    expect(after.entry('organisations', 'maker')).toBe(before.entry('organisations', 'maker'));
  });
  it('changes every key when a text field, a fact, a file or a build input changes', () => {
    const before = cacheKeys([entry(), other], 'inputs');
    for (const after of [
      cacheKeys([entry({}, 'Body text.', 'Cardigan'), other], 'inputs'),
      cacheKeys([entry({ facts: { category: 'outerwear', images: [{ file: 'front.jpg' }] } }), other], 'inputs'),
      cacheKeys([entry({ files: ['front.jpg 1001 1700000000000'] }), other], 'inputs'),
      cacheKeys([entry(), other], 'other inputs'),
    ]) {
      expect(after.shared).not.toBe(before.shared);
      expect(after.entry('organisations', 'maker')).not.toBe(before.entry('organisations', 'maker'));
    }
  });
  it('treats programme bodies as shared: their disclaimers appear on other pages', () => {
    const before = cacheKeys([entry(), programme('Disclaimer.')], 'inputs');
    const after = cacheKeys([entry(), programme('New disclaimer.')], 'inputs');
    expect(after.entry('products', 'jumper')).not.toBe(before.entry('products', 'jumper'));
  });
  it('refuses an entry it was not given', () => {
    expect(() => cacheKeys([entry()], 'x').entry('products', 'missing')).toThrow(/products\/missing/);
  });
  it('writes objects with sorted keys', () => {
    expect(stableJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe('{"a":{"c":3,"d":[2,{"e":0,"f":1}]},"b":1}');
  });
});
