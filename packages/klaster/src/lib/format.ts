/** Dates, numbers, money, lists and place names for a locale, through Intl. */
import { intlTag as langTag, type Locale } from './locales.ts';

const cache = new Map<string, unknown>();
function memo<T>(key: string, make: () => T): T {
  let v = cache.get(key) as T | undefined;
  if (v === undefined) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

/** `2012-01-27` → "27 January 2012" / "27 януари 2012 г." … */
export function formatDate(iso: string, locale: Locale, style: 'long' | 'short' = 'long'): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const fmt = memo(`date/${locale}/${style}`, () =>
    new Intl.DateTimeFormat(langTag(locale), { dateStyle: style === 'long' ? 'long' : 'medium', timeZone: 'UTC' }),
  );
  return fmt.format(new Date(Date.UTC(y, m - 1, d)));
}

/** `2012-01` → "January 2012". */
export function formatMonth(yearMonth: string, locale: Locale): string {
  const [y, m] = yearMonth.split('-').map(Number);
  const fmt = memo(`month/${locale}`, () =>
    new Intl.DateTimeFormat(langTag(locale), { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  );
  return fmt.format(new Date(Date.UTC(y, m - 1, 1)));
}

/** A local date and time (`2012-09-04T09:30`) as written, without shifting zones. */
export function formatLocalDateTime(local: string, locale: Locale): string {
  if (!local.includes('T')) return formatDate(local, locale);
  const [date, time] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const fmt = memo(`datetime/${locale}`, () =>
    new Intl.DateTimeFormat(langTag(locale), { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }),
  );
  return fmt.format(new Date(Date.UTC(y, m - 1, d, hh, mm)));
}

export function formatNumber(n: number, locale: Locale): string {
  return memo(`num/${locale}`, () => new Intl.NumberFormat(langTag(locale))).format(n);
}

export function formatMoney(amount: number, currency: string, locale: Locale): string {
  return memo(
    `money/${locale}/${currency}`,
    () => new Intl.NumberFormat(langTag(locale), { style: 'currency', currency, maximumFractionDigits: 0 }),
  ).format(amount);
}

export function formatPercent(n: number, locale: Locale): string {
  return memo(`pct/${locale}`, () => new Intl.NumberFormat(langTag(locale), { style: 'percent', maximumFractionDigits: 1 })).format(
    n / 100,
  );
}

export function formatList(items: string[], locale: Locale): string {
  return memo(`list/${locale}`, () => new Intl.ListFormat(langTag(locale), { type: 'conjunction' })).format(items);
}

export function countryName(code: string, locale: Locale): string {
  return memo(`region/${locale}`, () => new Intl.DisplayNames([langTag(locale)], { type: 'region' })).of(code) ?? code;
}

/** A file size in kB or MB, in the locale's number format. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(1, Math.round(bytes / 1000)), 'kilobyte'];
  return new Intl.NumberFormat(langTag(locale), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
