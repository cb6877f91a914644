/**
 * The languages Klaster ships: their tags, names and the behaviour keyed to
 * them. A site chooses among them in site.yaml (`locales`) or defines one of
 * its own (with its UI strings in the site's `i18n/<code>.json`).
 */
export interface LocaleDefinition {
  /** The code used in URLs and file names (`index.<code>.md`). */
  code: string;
  /** BCP 47 tag written into `<html lang>`. */
  lang: string;
  /** The tag Intl formats dates, numbers and sorting with. */
  intl: string;
  /** The language's own name, shown in the language switcher. */
  label: string;
  dir: 'ltr' | 'rtl';
  /** Texts and UI strings come from this locale, transliterated to Latin (Serbian Latin from Serbian Cyrillic). */
  derivedFrom?: string;
  /** Cedilla ş ţ are written as the comma-below ș ț the language uses (Romanian). */
  commaBelow?: boolean;
  /**
   * How the language's Cyrillic is romanised: for ids suggested to editors,
   * and for its texts shown on a derived Latin page (a Bulgarian name on a
   * Serbian Latin page is romanised by the Bulgarian system).
   */
  slugScript?: 'bulgarian' | 'serbian';
}

const ltr = (code: string, label: string, intl = code, extra: Partial<LocaleDefinition> = {}): LocaleDefinition => ({
  code,
  lang: code,
  intl,
  label,
  dir: 'ltr',
  ...extra,
});

export const shippedLocales: Readonly<Record<string, LocaleDefinition>> = Object.fromEntries(
  [
    ltr('en', 'English', 'en-GB'),
    ltr('bg', 'Български', 'bg', { slugScript: 'bulgarian' }),
    { code: 'sr', lang: 'sr-Cyrl', intl: 'sr-Cyrl', label: 'Српски (ћирилица)', dir: 'ltr', slugScript: 'serbian' },
    { code: 'sr-latn', lang: 'sr-Latn', intl: 'sr-Latn', label: 'Srpski (latinica)', dir: 'ltr', derivedFrom: 'sr' },
    ltr('ro', 'Română', 'ro', { commaBelow: true }),
    ltr('es', 'Español'),
    ltr('ca', 'Català'),
    ltr('fr', 'Français'),
    ltr('da', 'Dansk'),
    ltr('de', 'Deutsch'),
    ltr('el', 'Ελληνικά'),
    ltr('mk', 'Македонски', 'mk', { slugScript: 'serbian' }),
    ltr('hr', 'Hrvatski'),
    ltr('hu', 'Magyar'),
  ].map((l) => [l.code, l as LocaleDefinition]),
);

/** The locales of a site that does not choose: the four of the first clusters, with Serbian in both scripts. */
export const DEFAULT_LOCALES = ['en', 'bg', 'sr', 'sr-latn', 'ro'];
export const DEFAULT_LOCALE = 'en';
