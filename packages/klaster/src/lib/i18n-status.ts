/**
 * Translation status: per locale, the entries with no translation, the
 * fields a translation leaves out, and translations whose source changed
 * after they were made. A translation stores the hash of the source text it
 * was made from (`sourceHash`); `--stamp` writes the current one.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writtenLocales, type Locale } from './locales.ts';
import { collectionNames } from './content/fields.ts';
import type { CheckedContent, CheckedEntry } from './content/check.ts';
import { splitFrontmatter } from './content/read.ts';
import { checkUiStrings } from './i18n-check.ts';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Settings in a text file that are not text to translate. */
const NOT_TEXT = new Set(['sourceHash', 'keepAsWritten']);

/** The hash of an entry's source text: its fields and body. */
export function sourceTextHash(data: object, body: string): string {
  const fields = Object.fromEntries(Object.entries(data).filter(([k]) => !NOT_TEXT.has(k)));
  return createHash('sha256').update(canonical(fields)).update('\n').update(body.trim()).digest('hex').slice(0, 12);
}

export interface LocaleStatus {
  locale: Locale;
  missing: string[];
  partial: { entry: string; fields: string[] }[];
  outdated: string[];
  unstamped: string[];
}

export interface StatusReport {
  locales: LocaleStatus[];
  uiStrings: string[];
}

function entryStatus(entry: CheckedEntry, locale: Locale, status: LocaleStatus) {
  const source = (entry.facts as { sourceLocale: Locale }).sourceLocale;
  if (locale === source) return;
  const src = entry.texts[source];
  if (!src) return;
  const own = entry.texts[locale];
  const name = `${entry.collection}/${entry.id}`;
  if (!own) {
    status.missing.push(name);
    return;
  }
  const data = own.data as Record<string, unknown>;
  const srcData = src.data as Record<string, unknown>;
  // A file that translates nothing yet (as npm run new writes it) is a missing translation, not a partial one.
  if (!own.body.trim() && Object.keys(data).every((k) => NOT_TEXT.has(k) || data[k] === undefined)) {
    status.missing.push(name);
    return;
  }
  const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  const fields = Object.keys(srcData).filter((k) => {
    if (NOT_TEXT.has(k)) return false;
    if (data[k] === undefined) return true;
    // A map such as imageAlt is partial when it lacks some of the source's keys.
    const mine = data[k];
    const theirs = srcData[k];
    return isMap(theirs) && isMap(mine) && Object.keys(theirs).some((key) => mine[key] === undefined);
  });
  if (src.body.trim() && !own.body.trim()) fields.push('body');
  if (fields.length) status.partial.push({ entry: name, fields });
  const hash = data.sourceHash as string | undefined;
  if (!hash) status.unstamped.push(name);
  else if (hash !== sourceTextHash(src.data, src.body)) status.outdated.push(name);
}

export function translationStatus(content: CheckedContent, locales: readonly Locale[] = writtenLocales): StatusReport {
  const report: StatusReport = { locales: [], uiStrings: checkUiStrings() };
  for (const locale of locales) {
    const status: LocaleStatus = { locale, missing: [], partial: [], outdated: [], unstamped: [] };
    for (const c of collectionNames) for (const entry of content[c].values()) entryStatus(entry as CheckedEntry, locale, status);
    report.locales.push(status);
  }
  return report;
}

/** Writes the current source hash into a translation file's frontmatter. */
export function stamp(root: string, entry: CheckedEntry, locale: Locale): boolean {
  const source = (entry.facts as { sourceLocale: Locale }).sourceLocale;
  const src = entry.texts[source];
  const own = entry.texts[locale];
  if (!src || !own || locale === source) return false;
  const hash = sourceTextHash(src.data, src.body);
  const file = join(root, own.file);
  const text = readFileSync(file, 'utf8');
  // The fields' opening ---, after a byte-order mark or blank lines, as the reader finds it.
  const opening = /^(\uFEFF?(?:[ \t]*\r?\n)*)---[ \t]*\r?\n/;
  const next = /^sourceHash:.*$/m.test(text)
    ? text.replace(/^sourceHash:.*$/m, `sourceHash: ${hash}`)
    : splitFrontmatter(text).frontmatter !== undefined
      ? text.replace(opening, `$1---\nsourceHash: ${hash}\n`)
      : `---\nsourceHash: ${hash}\n---\n${text}`;
  if (next === text) return false;
  writeFileSync(file, next);
  return true;
}

export function formatStatus(report: StatusReport): string {
  const lines: string[] = [];
  for (const s of report.locales) {
    lines.push(`${s.locale}: ${s.missing.length} missing, ${s.partial.length} partial, ${s.outdated.length} outdated, ${s.unstamped.length} not stamped`);
    for (const m of s.missing) lines.push(`  missing   ${m}`);
    for (const p of s.partial) lines.push(`  partial   ${p.entry}: ${p.fields.join(', ')}`);
    for (const o of s.outdated) lines.push(`  outdated  ${o} (the source changed after this translation)`);
  }
  lines.push(report.uiStrings.length ? `UI strings missing:\n${report.uiStrings.map((u) => `  ${u}`).join('\n')}` : 'UI strings: complete');
  return lines.join('\n');
}
