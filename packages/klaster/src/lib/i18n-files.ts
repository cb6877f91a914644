/** Reading the UI string files `i18n/<locale>.json`. */
import { readFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from './package-dir.ts';
import { derivedFrom, type Locale } from './locales.ts';
import { transliterateDeep } from './transliterate.ts';

export type Strings = { [key: string]: string | Strings };

export function uiStringsPath(locale: string): string {
  return join(packageDir(), 'i18n', `${locale}.json`);
}

export function loadUiStrings(locale: string): Strings {
  return JSON.parse(readFileSync(uiStringsPath(locale), 'utf8')) as Strings;
}

/** Flattens nested strings to dotted keys. */
export function flatten(strings: Strings, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(strings)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** A locale's UI strings: its file, or for a derived locale without one, its source's transliterated. */
export function uiStrings(locale: Locale): Strings {
  const from = derivedFrom(locale);
  if (from && !existsSync(uiStringsPath(locale))) return transliterateDeep(loadUiStrings(from));
  return loadUiStrings(locale);
}
