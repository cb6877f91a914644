/**
 * The UI strings of a locale, in layers: the package's `i18n/<locale>.json`,
 * then the site's own `i18n/<locale>.json` (any key may be overridden), then
 * the texts of site.yaml (the site's name and tagline, the footer and home
 * page text).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageDir } from './package-dir.ts';
import { derivedFrom, type Locale } from './locales.ts';
import { transliterateDeep } from './transliterate.ts';
import { loadSiteConfig, siteConfigPath } from './site/load.ts';
import { exactText, localizedText } from './site/text.ts';
import type { Localized, SiteConfig } from './site/schema.ts';

export type Strings = { [key: string]: string | Strings };

/** The package's strings of a locale. */
export function uiStringsPath(locale: string): string {
  return join(packageDir(), 'i18n', `${locale}.json`);
}

/** The site's overrides of a locale, beside its site.yaml. */
export function siteStringsPath(locale: string): string {
  return resolve(siteConfigPath(), '..', 'i18n', `${locale}.json`);
}

export function loadUiStrings(locale: string): Strings {
  return JSON.parse(readFileSync(uiStringsPath(locale), 'utf8')) as Strings;
}

export function loadSiteStrings(locale: string): Strings | undefined {
  const path = siteStringsPath(locale);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Strings) : undefined;
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

/** `b` laid over `a`, key by key. */
export function overlay(a: Strings, b: Strings | undefined): Strings {
  if (!b) return a;
  const out: Strings = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const under = out[key];
    out[key] = typeof value === 'object' && typeof under === 'object' ? overlay(under, value) : value;
  }
  return out;
}

/** The strings site.yaml gives a locale. */
export function configStrings(config: SiteConfig | undefined, locale: Locale): Strings {
  if (!config) return {};
  const site: Strings = {};
  const home: Strings = {};
  const set = (into: Strings, key: string, value: string | undefined) => {
    if (value !== undefined) into[key] = value;
  };
  set(site, 'name', localizedText(config.name, locale));
  set(site, 'tagline', localizedText(config.tagline, locale));
  set(site, 'footer', localizedText(config.footer.text, locale));
  set(home, 'intro', localizedText(config.home.intro, locale));
  // Labels of the values a site adds to its vocabularies: in this locale only
  // (or transliterated from its source), so a missing label is reported, not
  // shown in another language.
  const taxonomy: Strings = {};
  for (const [name, change] of Object.entries(config.vocabularies ?? {})) {
    if (name === 'presets' || Array.isArray(change)) continue;
    const labels: Strings = {};
    for (const [value, label] of Object.entries((change as { add?: Record<string, Localized> }).add ?? {})) set(labels, value, exactText(label, locale));
    taxonomy[name] = labels;
  }
  return { site, home, taxonomy };
}

/** The package's and the site's strings of a locale (a derived locale's transliterated from its source's, unless written). */
function fileStrings(locale: Locale): Strings {
  const from = derivedFrom(locale);
  // A locale Klaster does not ship has the site's strings alone (the check requires every key of them).
  const own = (code: string) => overlay(existsSync(uiStringsPath(code)) ? loadUiStrings(code) : {}, loadSiteStrings(code));
  if (from && !existsSync(uiStringsPath(locale))) return overlay(transliterateDeep(own(from)), loadSiteStrings(locale));
  return own(locale);
}

/** A locale's UI strings, every layer applied. */
export function uiStrings(locale: Locale): Strings {
  // A configuration with problems adds nothing here: the check reports it before any build.
  return overlay(fileStrings(locale), configStrings(loadSiteConfig().config, locale));
}
