// klaster migrate: rewrites content written for an earlier Klaster so it
// passes the check of this one, keeping comments and order. Today it moves
// a product's `composition` and `sizes` under `attributes:` (Klaster 0.2).
// --dry-run lists the files it would change.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot } from '../lib/config.ts';
import { moveToAttributes } from '../lib/content/migrate-attributes.ts';

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(`Usage: klaster migrate [--dry-run]

Rewrites the content folder for this version of Klaster:
  - a product's composition: and sizes: move under attributes: (as material: and sizes:)
  --dry-run  list the files that would change, change nothing`);
  process.exit(0);
}

const root = contentRoot();
const products = join(root, 'products');
const changed: string[] = [];
if (existsSync(products)) {
  for (const id of readdirSync(products).sort()) {
    const file = join(products, id, 'index.yaml');
    if (!existsSync(file)) continue;
    const out = moveToAttributes(readFileSync(file, 'utf8'));
    if (out === undefined) continue;
    if (!values['dry-run']) writeFileSync(file, out);
    changed.push(relative(process.cwd(), file));
  }
}
for (const file of changed) console.log(`${values['dry-run'] ? 'would change' : 'changed'} ${file}`);
console.log(
  changed.length
    ? `${changed.length} file${changed.length === 1 ? '' : 's'} ${values['dry-run'] ? 'to migrate' : 'migrated'}.`
    : 'Nothing to migrate: the content is up to date.',
);
