/**
 * The site's locales as site.yaml names them, read before anything else:
 * locales.ts needs them when it is first imported, and the schemas of the
 * content and of site.yaml itself are made from them. Read leniently here;
 * `klaster check` validates the same keys with the rest of site.yaml.
 */
import { DEFAULT_LOCALE, DEFAULT_LOCALES, shippedLocales, type LocaleDefinition } from '../locale-catalogue.ts';
import { siteConfigPath } from './paths.ts';
import { rawSiteConfig } from './raw.ts';

export interface LocaleSetting {
  locales: LocaleDefinition[];
  defaultLocale: string;
}

function definition(item: unknown): LocaleDefinition | undefined {
  if (typeof item === 'string') return shippedLocales[item];
  if (!item || typeof item !== 'object') return undefined;
  const o = item as Partial<LocaleDefinition>;
  if (typeof o.code !== 'string') return undefined;
  const base = shippedLocales[o.code];
  const lang = o.lang ?? base?.lang ?? o.code;
  return { ...base, code: o.code, lang, intl: o.intl ?? base?.intl ?? lang, label: o.label ?? base?.label ?? o.code, dir: o.dir ?? base?.dir ?? 'ltr', ...o } as LocaleDefinition;
}

export function readLocaleSetting(path = siteConfigPath()): LocaleSetting {
  const data = rawSiteConfig(path) as { locales?: unknown; defaultLocale?: unknown };
  const listed = Array.isArray(data.locales) ? data.locales.map(definition).filter((l): l is LocaleDefinition => !!l) : [];
  const locales = listed.length ? listed : DEFAULT_LOCALES.map((code) => shippedLocales[code]);
  const codes = locales.map((l) => l.code);
  const defaultLocale = typeof data.defaultLocale === 'string' && codes.includes(data.defaultLocale) ? data.defaultLocale : codes.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : codes[0];
  return { locales, defaultLocale };
}
