// npm run i18n:status [-- --json] [-- --stamp <locale> [<collection>/<id> ...]]
// Per locale: entries with no translation, fields left out, translations
// whose source changed since they were stamped, and missing UI strings.
import { parseArgs } from 'node:util';
import { checkContent } from '../lib/content/check.ts';
import { formatProblems } from '../lib/content/problems.ts';
import { contentRoot } from '../lib/config.ts';
import { buildDate } from '../lib/build-date.ts';
import { isLocale } from '../lib/locales.ts';
import { formatStatus, stamp, translationStatus } from '../lib/i18n-status.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, stamp: { type: 'string' } } });
const root = contentRoot();
const result = checkContent(root, { today: buildDate() });
if (result.errors.length) {
  console.error(formatProblems(result.errors));
  process.exit(1);
}
if (values.stamp) {
  if (!isLocale(values.stamp)) throw new Error(`--stamp takes a locale, found "${values.stamp}"`);
  let count = 0;
  for (const entries of Object.values(result.content)) {
    for (const entry of entries.values()) {
      if (positionals.length && !positionals.includes(`${entry.collection}/${entry.id}`)) continue;
      if (stamp(root, entry, values.stamp)) count++;
    }
  }
  console.log(`Stamped ${count} ${values.stamp} translation(s) with their source's current hash.`);
  process.exit(0);
}
const report = translationStatus(result.content);
console.log(values.json ? JSON.stringify(report, null, 2) : formatStatus(report));
