// klaster new <collection> <id> [--source <locale>]
// Creates content/<collection>/<id>/ with index.yaml and a text file per locale.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { scaffold } from '../lib/content/scaffold.ts';
import { collectionNames, SLUG, type CollectionName } from '../lib/content/fields.ts';
import { contentRoot } from '../lib/config.ts';
import { defaultLocale, isLocale, localeCodes, slugHint, writtenLocales, type Locale } from '../lib/locales.ts';
import { slugify } from '../lib/transliterate.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { source: { type: 'string' } } });
const [collection, id] = positionals;
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};
const usage = `Usage: klaster new <collection> <id> [--source ${localeCodes.join('|')}]\nCollections: ${collectionNames.join(', ')}`;
if (!collection || !id) fail(usage);
if (!(collectionNames as readonly string[]).includes(collection)) fail(`"${collection}" is not a collection.\n${usage}`);
if (!SLUG.test(id)) fail(`"${id}" is not a valid id: use lowercase letters a-z, digits and hyphens, e.g. "${slugify(id, slugHint(values.source)) || 'my-entry'}".`);
const source = values.source ?? defaultLocale;
if (!isLocale(source)) fail(`--source must be one of ${localeCodes.join(', ')}`);
const dir = join(contentRoot(), collection, id);
if (existsSync(dir)) fail(`${relative(process.cwd(), dir)} already exists.`);
mkdirSync(dir, { recursive: true });
for (const [name, text] of scaffold(collection as CollectionName, id, source as Locale)) writeFileSync(join(dir, name), text);
console.log(`Created ${relative(process.cwd(), dir)}/ with index.yaml and ${writtenLocales.map((l) => `index.${l}.md`).join(', ')}.`);
console.log('Fill in the required fields, add images beside the files, then run: npm run check');
