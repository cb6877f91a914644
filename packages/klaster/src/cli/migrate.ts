// klaster migrate: rewrites content written for an earlier Klaster so it
// passes the check of this one, keeping comments and order. Today it moves
// a product's `composition` and `sizes` under `attributes:` (Klaster 0.2),
// and moves each entry's facts from index.yaml into the fields of its
// default language's text, where the editor at /admin/ writes them, and
// writes image descriptions as the list the editor's form shows (0.3).
// --dry-run lists the files it would change.
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot } from '../lib/config.ts';
import { collectionNames } from '../lib/content/fields.ts';
import { moveToAttributes } from '../lib/content/migrate-attributes.ts';
import { altMapsToLists, moveFactsToText } from '../lib/content/migrate-layout.ts';
import { factsFileName, factsTextName, listDirs } from '../lib/content/read.ts';
import { defaultLocale } from '../lib/locales.ts';

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(`Usage: klaster migrate [--dry-run]

Rewrites the content folder for this version of Klaster:
  - a product's composition: and sizes: move under attributes: (as material: and sizes:)
  - each entry's index.yaml moves into the fields of index.<default language>.md,
    comments kept (the layout the editor at /admin/ writes)
  - image descriptions (imageAlt, logoAlt) become lists of { image, alt }, as the editor writes them
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
// The facts move into the default language's text.
const kept: string[] = [];
for (const collection of collectionNames) {
  for (const id of listDirs(join(root, collection))) {
    const dir = join(root, collection, id);
    const files = readdirSync(dir);
    const yaml = factsFileName(files);
    if (!yaml) continue;
    const textName = factsTextName(files, defaultLocale) ?? `index.${defaultLocale}.md`;
    const textFile = join(dir, textName);
    const text = existsSync(textFile) ? readFileSync(textFile, 'utf8') : undefined;
    const out = moveFactsToText(collection, readFileSync(join(dir, yaml), 'utf8'), text);
    if ('skipped' in out) {
      kept.push(`${relative(process.cwd(), join(dir, yaml))}: ${out.skipped}`);
      continue;
    }
    if (!values['dry-run']) {
      writeFileSync(textFile, out.text);
      unlinkSync(join(dir, yaml));
    }
    changed.push(`${relative(process.cwd(), textFile)} (facts from ${yaml}, which is ${values['dry-run'] ? 'to be ' : ''}removed)`);
  }
}
// Image descriptions become the list the editor writes (its form cannot key a map by file name).
for (const collection of ['products', 'programmes']) {
  for (const id of listDirs(join(root, collection))) {
    const dir = join(root, collection, id);
    for (const name of readdirSync(dir)
      .filter((n) => /^index\.[\w-]+\.mdx?$/.test(n))
      .sort()) {
      const file = join(dir, name);
      const out = altMapsToLists(readFileSync(file, 'utf8'));
      if (out === undefined) continue;
      if (!values['dry-run']) writeFileSync(file, out);
      changed.push(`${relative(process.cwd(), file)} (image descriptions as a list)`);
    }
  }
}
for (const line of kept) console.log(`kept ${line}`);
for (const file of changed) console.log(`${values['dry-run'] ? 'would change' : 'changed'} ${file}`);
console.log(
  changed.length
    ? `${changed.length} file${changed.length === 1 ? '' : 's'} ${values['dry-run'] ? 'to migrate' : 'migrated'}.`
    : 'Nothing to migrate: the content is up to date.',
);
