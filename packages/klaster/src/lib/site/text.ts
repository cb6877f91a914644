/** Text of the site configuration in one locale. */
import { defaultLocale, derivedFrom, type Locale } from '../locales.ts';
import { serbianToLatin } from '../transliterate.ts';
import type { Localized } from './schema.ts';

/**
 * The text for a locale: its own, else (for a derived locale such as
 * Serbian Latin) its source's transliterated, else the default locale's,
 * else the first one written.
 */
export function localizedText(value: Localized | undefined, locale: Locale): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  const map = value as Partial<Record<string, string>>;
  if (map[locale]) return map[locale];
  const from = derivedFrom(locale);
  if (from && map[from]) return serbianToLatin(map[from]!);
  return map[defaultLocale] ?? Object.values(map)[0];
}

/** The text for a locale with no fallback to another language: its own, or its source's transliterated. */
export function exactText(value: Localized | undefined, locale: Locale): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  const map = value as Partial<Record<string, string>>;
  if (map[locale]) return map[locale];
  const from = derivedFrom(locale);
  return from && map[from] ? serbianToLatin(map[from]!) : undefined;
}
