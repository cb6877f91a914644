/**
 * What identifies the other files of an entry's folder (images, documents)
 * for a rebuild: each file's name and a hash of its bytes.
 *
 * Not its modification time: a CI runner checks the repository out afresh
 * for every build, which gives every file a new time, and a key made from
 * times would then render every page again although nothing changed. The
 * hashes are remembered in the cache folder by path, size and modification
 * time, so a build on the same machine reads only the files that changed
 * (and a fresh checkout reads each file once).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface Remembered {
  /** `<size> <mtime>` when the hash was taken. */
  stat: string;
  hash: string;
}

let memo: { file: string; hashes: Map<string, Remembered>; changed: boolean } | undefined;

function remembered(file: string) {
  if (memo?.file === file) return memo;
  let hashes = new Map<string, Remembered>();
  try {
    hashes = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Remembered>));
  } catch {
    // No file yet, or an unreadable one: every hash is taken again.
  }
  memo = { file, hashes, changed: false };
  return memo;
}

/** The hash of a file's bytes, from the memo while its size and modification time are the same. */
function contentHash(path: string, memoFile: string | undefined): string {
  const s = statSync(path);
  const stat = `${s.size} ${Math.trunc(s.mtimeMs)}`;
  const known = memoFile ? remembered(memoFile) : undefined;
  const hit = known?.hashes.get(path);
  if (hit && hit.stat === stat) return hit.hash;
  const hash = createHash('sha256').update(readFileSync(path)).digest('base64url').slice(0, 22);
  if (known) {
    known.hashes.set(path, { stat, hash });
    known.changed = true;
  }
  return hash;
}

/**
 * `<name> <size> <hash of the bytes>` for each file of an entry's folder
 * but its own index files. `memoFile` (in the cache folder) remembers the
 * hashes between builds; `saveFingerprintMemo` writes it.
 */
export function fileFingerprints(root: string, collection: string, id: string, memoFile?: string): string[] {
  const dir = join(root, collection, id);
  let names: string[];
  try {
    // The entry's own files (index.yaml, index.<locale>.md) are read as content.
    names = readdirSync(dir).filter((name) => !name.startsWith('index.')).sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const path = join(dir, name);
    return `${name} ${statSync(path).size} ${contentHash(path, memoFile)}`;
  });
}

/** Writes the remembered hashes, when any was taken, for the next build. */
export function saveFingerprintMemo() {
  if (!memo?.changed) return;
  mkdirSync(dirname(memo.file), { recursive: true });
  writeFileSync(memo.file, JSON.stringify(Object.fromEntries(memo.hashes)));
  memo.changed = false;
}
