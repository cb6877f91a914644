/**
 * The UI-string check: every locale has every key of the default locale,
 * every plural form its language needs, and a label for every taxonomy
 * value. Run before each build; a missing string fails it.
 */
import { existsSync } from 'node:fs';
import { defaultLocale, isLocale, langTag, writtenLocales } from './locales.ts';
import { shippedLocales } from './locale-catalogue.ts';
import { loadSiteConfig } from './site/load.ts';
import { taxonomies, taxonomyKey, type TaxonomyName } from './taxonomies.ts';
import { configStrings, flatten, loadSiteStrings, loadUiStrings, overlay, uiStringsPath, type Strings } from './i18n-files.ts';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Required keys: the default locale's, with plural keys reduced to their base. */
function requiredKeys(reference: Map<string, string>): { plain: Set<string>; plural: Set<string> } {
  const plain = new Set<string>();
  const plural = new Set<string>();
  for (const key of reference.keys()) {
    if (PLURAL.test(key)) plural.add(key.replace(PLURAL, ''));
    else plain.add(key);
  }
  for (const name of Object.keys(taxonomies) as TaxonomyName[]) {
    for (const value of taxonomies[name]) plain.add(taxonomyKey(name, value));
  }
  return { plain, plural };
}

/** The message for a value a site added to a vocabulary without a label in a locale; undefined for other keys. */
function missingLabel(locale: string, key: string): string | undefined {
  const m = /^taxonomy\.([^.]+)\.(.+)$/.exec(key);
  if (!m) return undefined;
  const [, name, value] = m;
  const added = (loadSiteConfig().config?.vocabularies?.[name] as { add?: Record<string, unknown> } | undefined)?.add;
  if (!added || !(value in added)) return undefined;
  return `site.yaml: vocabularies.${name}.add.${value}: has no label in ${locale}; add ${locale}: <label> to it`;
}

export function checkUiStrings(
  // The package's strings with the site's own laid over them: a site may supply a locale the package lacks.
  // The labels of the values a site adds to its vocabularies come from site.yaml.
  load: (locale: string) => Strings | undefined = (l) => {
    const own = overlay(loadSiteStrings(l) ?? {}, configStrings(loadSiteConfig().config, l));
    return existsSync(uiStringsPath(l)) ? overlay(loadUiStrings(l), own) : Object.keys(loadSiteStrings(l) ?? {}).length ? own : undefined;
  },
  // Derived locales (Serbian Latin) take their strings from their source.
  locales: readonly string[] = writtenLocales,
): string[] {
  const missing: string[] = [];
  const reference = load(defaultLocale);
  if (!reference) return [`i18n/${defaultLocale}.json does not exist`];
  const { plain, plural } = requiredKeys(flatten(reference));
  for (const locale of locales) {
    const strings = load(locale);
    if (!strings) {
      missing.push(`i18n/${locale}.json does not exist`);
      continue;
    }
    const flat = flatten(strings);
    for (const key of plain) if (!flat.get(key)) missing.push(missingLabel(locale, key) ?? `i18n/${locale}.json: ${key}`);
    const tag = isLocale(locale) ? langTag(locale) : (shippedLocales[locale]?.lang ?? locale);
    const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
    for (const base of plural) {
      for (const category of categories) {
        // "zero"/"two"/"many" may be left to "other" only where the language has no such form.
        if (!flat.get(`${base}_${category}`)) missing.push(`i18n/${locale}.json: ${base}_${category}`);
      }
    }
  }
  return missing;
}

/** Keys in the site's own string files that the package does not have: a typo would otherwise change nothing. */
export function unknownSiteStrings(locales: readonly string[] = writtenLocales): string[] {
  const known = new Set(flatten(loadUiStrings(defaultLocale)).keys());
  const base = (key: string) => key.replace(PLURAL, '');
  const knownBases = new Set([...known].map(base));
  const out: string[] = [];
  for (const locale of locales) {
    const own = loadSiteStrings(locale);
    if (!own) continue;
    for (const key of flatten(own).keys()) {
      if (!known.has(key) && !knownBases.has(base(key))) out.push(`i18n/${locale}.json of the site: "${key}" is not a UI string of Klaster; check the spelling (the package's i18n/${defaultLocale}.json lists every key)`);
    }
  }
  return out;
}
