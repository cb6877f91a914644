/**
 * Pagefind's filter tables put in one order (src/integrations/pagefind-stable.ts):
 * the CBOR codec gives back the bytes it read, the hash is Pagefind's, and two
 * indexes that differ only in the order of their filters and values come out
 * the same, byte for byte, with the data unchanged.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeCbor, encodeCbor, pagefindHash, stabiliseIndex, type Cbor } from '../../packages/klaster/src/integrations/pagefind-stable.ts';
import { snapshot, tempDir } from '../helpers/build.ts';

const work = tempDir('pagefind-stable');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SIGNATURE = 'pagefind_dcd';
const pack = (value: Cbor) => gzipSync(Buffer.concat([Buffer.from(SIGNATURE), encodeCbor(value)]));
const unpack = (bytes: Buffer) => decodeCbor(gunzipSync(bytes).subarray(SIGNATURE.length));

describe('the CBOR codec', () => {
  it('encodes as minicbor does and reads it back', () => {
    expect(encodeCbor(['a', 23, 24, 256, -1, -25, []]).toString('hex')).toBe('876161171818190100203818 80'.replace(/ /g, ''));
    for (const value of [0, 23, 24, 255, 256, 65535, 65536, 2 ** 32, -1, -500, 'Ђурђевдан', ['x', [1, [2, 'y']]], []] as Cbor[]) {
      expect(decodeCbor(encodeCbor(value))).toEqual(value);
    }
  });

  it('refuses what Pagefind does not write', () => {
    expect(() => decodeCbor(Buffer.from('a1616101', 'hex'))).toThrow(/major type 5/); // a map
    expect(() => decodeCbor(Buffer.from('8201', 'hex'))).toThrow(/ends early/);
    expect(() => decodeCbor(Buffer.from('0101', 'hex'))).toThrow(/after the end/);
  });
});

it("hashes as Pagefind's full_hash: SHA-1 bytes in hex, without leading zeros", () => {
  // SHA-1 of "abc" is a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d: the byte 06 is written 6.
  expect(pagefindHash(Buffer.from('abc'))).toBe('a9993e36476816aba3e25717850c26c9cd0d89d');
});

/** An index of one language with two filters, its filters and values in the given orders. */
function index(name: string, filtersReversed: boolean, valuesReversed: boolean): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'filter'), { recursive: true });
  const tables: [string, [string, number[]][]][] = [
    [
      'material',
      [
        ['Cotton', [0, 2]],
        ['Linen', [1]],
        ['Ćilim', [3]],
      ],
    ],
    [
      'type',
      [
        ['News', [4]],
        ['Product', [0, 1, 2, 3]],
      ],
    ],
  ];
  const filters = tables.map(([filter, values], i) => {
    const hash = `en_${name}${i}`;
    writeFileSync(join(dir, 'filter', `${hash}.pf_filter`), pack([filter, valuesReversed ? [...values].reverse() : values]));
    return [filter, hash];
  });
  const meta = ['1.5.2', [['en_abc', 12]], [['a', 'z', 'en_chunk']], filtersReversed ? filters.reverse() : filters, [], ['title']];
  writeFileSync(join(dir, `pagefind.en_${name}.pf_meta`), pack(meta as Cbor));
  writeFileSync(join(dir, 'pagefind-entry.json'), '{}');
  return dir;
}

describe('stabiliseIndex', () => {
  it('writes the same files from filters and values in any order', () => {
    const a = index('a', false, false);
    const b = index('b', true, true);
    const entryA = stabiliseIndex(a, { version: '1.5.2', languages: { en: { hash: 'en_a', page_count: 5 } } });
    const entryB = stabiliseIndex(b, { version: '1.5.2', languages: { en: { hash: 'en_b', page_count: 5 } } });
    expect(entryA).toEqual(entryB);
    expect(snapshot(a)).toEqual(snapshot(b));
    // Named as Pagefind names them: the language, then 7 (filters) or 10 (meta) characters of the hash.
    expect(entryA.languages.en.hash).toMatch(/^en_[0-9a-f]{10}$/);
    expect(readdirSync(join(a, 'filter')).every((f) => /^en_[0-9a-f]{7}\.pf_filter$/.test(f))).toBe(true);
    expect(JSON.parse(readFileSync(join(a, 'pagefind-entry.json'), 'utf8'))).toEqual(entryA);
  });

  it('keeps the data: filters by name, values by value (UTF-8 order), the rest as it was', () => {
    const dir = index('c', true, true);
    const entry = stabiliseIndex(dir, { languages: { en: { hash: 'en_c' } } });
    const meta = unpack(readFileSync(join(dir, `pagefind.${entry.languages.en.hash}.pf_meta`))) as Cbor[];
    expect(meta.filter((_, i) => i !== 3)).toEqual(['1.5.2', [['en_abc', 12]], [['a', 'z', 'en_chunk']], [], ['title']]);
    const filters = meta[3] as [string, string][];
    expect(filters.map(([name]) => name)).toEqual(['material', 'type']);
    const tables = filters.map(([, hash]) => unpack(readFileSync(join(dir, 'filter', `${hash}.pf_filter`))));
    expect(tables).toEqual([
      [
        'material',
        [
          ['Cotton', [0, 2]],
          ['Linen', [1]],
          ['Ćilim', [3]],
        ],
      ],
      [
        'type',
        [
          ['News', [4]],
          ['Product', [0, 1, 2, 3]],
        ],
      ],
    ]);
  });
});
