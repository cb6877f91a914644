/**
 * UI strings through i18next, from `i18n/<locale>.json`. A key that a
 * locale lacks throws: a missing UI string fails the build instead of
 * showing a raw key to visitors.
 */
import i18next, { type i18n as I18n, type TOptions } from 'i18next';
import { intlTag, langTag, localeCodes, type Locale } from './locales.ts';
import { formatNumber } from './format.ts';
import { uiStrings } from './i18n-files.ts';

export type Translate = (key: string, options?: TOptions) => string;

let instance: I18n | undefined;

/** The interpolated numbers that are quantities (not years or ids), formatted for the locale. */
const COUNTED = new Set(['count', 'page']);

function init(): I18n {
  if (instance) return instance;
  const resources = Object.fromEntries(
    localeCodes.map((code) => [code, { translation: uiStrings(code) }]),
  );
  instance = i18next.createInstance();
  instance.init({
    resources,
    lng: localeCodes[0],
    fallbackLng: false,
    // Locale codes as configured (sr-latn), and no falling back from sr-latn to sr.
    lowerCaseLng: true,
    load: 'currentOnly',
    interpolation: { escapeValue: false }, // Astro escapes on output
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  } as Parameters<I18n['init']>[0]);
  return instance;
}

/**
 * Counts and page numbers are written in the locale's digits and separators
 * (Intl for its intl tag: ٣ in ar-EG, 1,234 in British English): `replace` gives
 * i18next the formatted values to interpolate, while `count` still chooses
 * the plural form.
 */
function withNumbers(locale: Locale, options: TOptions | undefined): TOptions | undefined {
  if (!options || !Object.keys(options).some((k) => COUNTED.has(k) && typeof options[k] === 'number')) return options;
  const replace: Record<string, unknown> = { ...options };
  for (const k of COUNTED) if (typeof options[k] === 'number') replace[k] = formatNumber(options[k] as number, locale);
  return { ...options, replace };
}

/** Plain strings (no options) per locale, looked up once: labels repeat on every page. */
const plain = new Map<Locale, Map<string, string>>();

export function translator(locale: Locale): Translate {
  const i = init();
  const fixed = i.getFixedT(locale);
  let known = plain.get(locale);
  if (!known) plain.set(locale, (known = new Map()));
  const lookup = (key: string, options?: TOptions) => {
    if (!i.exists(key, { lng: locale, ...(options ?? {}) })) {
      throw new Error(`Missing UI string "${key}" in i18n/${locale}.json`);
    }
    return fixed(key, withNumbers(locale, options) as TOptions) as string;
  };
  return (key, options) => {
    if (options) return lookup(key, options);
    let text = known.get(key);
    if (text === undefined) known.set(key, (text = lookup(key)));
    return text;
  };
}

const languageNames = new Map<string, string>();

/** The name of a language in another language, via Intl (e.g. "Bulgarian" in Romanian); made once per pair. */
export function languageName(of: Locale, inLocale: Locale): string {
  const key = `${of}/${inLocale}`;
  let name = languageNames.get(key);
  if (name === undefined) {
    name = new Intl.DisplayNames([intlTag(inLocale)], { type: 'language' }).of(langTag(of).split('-')[0]) ?? of;
    languageNames.set(key, name);
  }
  return name;
}
