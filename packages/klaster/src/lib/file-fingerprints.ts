/**
 * What identifies the other files of an entry's folder (images, documents) for a rebuild: name, size
 * and modification time of each (as make does), not their contents, so
 * thousands of images cost a directory listing, not a read.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function fileFingerprints(root: string, collection: string, id: string): string[] {
  const dir = join(root, collection, id);
  let names: string[];
  try {
    // The entry's own files (index.yaml, index.<locale>.md) are read as content.
    names = readdirSync(dir).filter((name) => !name.startsWith('index.')).sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const s = statSync(join(dir, name));
    return `${name} ${s.size} ${Math.trunc(s.mtimeMs)}`;
  });
}
