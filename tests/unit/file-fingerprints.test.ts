/**
 * Fingerprints of the files beside an entry (lib/file-fingerprints.ts), part
 * of every page's key for the incremental build: made from the bytes, so a
 * fresh checkout (new modification times, the same bytes) keeps every key,
 * and remembered in the cache folder so unchanged files are not read again.
 */
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileFingerprints, saveFingerprintMemo } from '../../packages/klaster/src/lib/file-fingerprints.ts';
import { tempDir } from '../helpers/build.ts';

const work = tempDir('fingerprints');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const root = join(work, 'content');
const entry = join(root, 'products', 'a');
mkdirSync(entry, { recursive: true });
writeFileSync(join(entry, 'index.yaml'), 'name: a\n');
writeFileSync(join(entry, 'front.png'), 'front');
writeFileSync(join(entry, 'sheet.pdf'), 'sheet');
const later = (days: number) => new Date(Date.now() + days * 86_400_000);

describe('file fingerprints', () => {
  it("name each file of the entry's folder but its index files, with its size and a hash of its bytes", () => {
    const prints = fileFingerprints(root, 'products', 'a');
    expect(prints.map((p) => p.split(' ').slice(0, 2).join(' '))).toEqual(['front.png 5', 'sheet.pdf 5']);
    expect(fileFingerprints(root, 'products', 'missing')).toEqual([]);
  });

  it('stay the same when only the modification time changes, as in a fresh checkout', () => {
    const before = fileFingerprints(root, 'products', 'a');
    utimesSync(join(entry, 'front.png'), later(1), later(1));
    expect(fileFingerprints(root, 'products', 'a')).toEqual(before);
  });

  it('change with the bytes, the size kept', () => {
    const before = fileFingerprints(root, 'products', 'a');
    writeFileSync(join(entry, 'front.png'), 'FRONT');
    const after = fileFingerprints(root, 'products', 'a');
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).toBe(before[1]);
  });

  it('are remembered in the cache folder by size and time, and taken again when either changes', () => {
    const memo = join(work, 'cache', 'file-fingerprints.json');
    const first = fileFingerprints(root, 'products', 'a', memo);
    saveFingerprintMemo();
    const saved = JSON.parse(readFileSync(memo, 'utf8')) as Record<string, { stat: string; hash: string }>;
    expect(Object.keys(saved).sort()).toEqual([join(entry, 'front.png'), join(entry, 'sheet.pdf')]);
    // A remembered hash is used while the file's size and time are the same (planted here, to show the file is not read).
    saved[join(entry, 'sheet.pdf')]!.hash = 'remembered';
    const planted = join(work, 'cache', 'planted.json');
    writeFileSync(planted, JSON.stringify(saved));
    expect(fileFingerprints(root, 'products', 'a', planted)[1]).toBe('sheet.pdf 5 remembered');
    // A new time: the file is read again.
    utimesSync(join(entry, 'sheet.pdf'), later(2), later(2));
    expect(fileFingerprints(root, 'products', 'a', planted)).toEqual(first);
  });
});
