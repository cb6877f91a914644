import { describe, expect, it } from 'vitest';
import { checkUiStrings } from '../../packages/klaster/src/lib/i18n-check.ts';
import { flatten, loadUiStrings, type Strings } from '../../packages/klaster/src/lib/i18n-files.ts';
import { shippedLocales } from '../../packages/klaster/src/lib/locale-catalogue.ts';
import { languageName, translator } from '../../packages/klaster/src/lib/i18n.ts';
import { locales, textAttributesOf } from '../../packages/klaster/src/lib/locales.ts';

describe('UI strings', () => {
  it('are complete in every configured locale', () => {
    expect(checkUiStrings()).toEqual([]);
  });
  it('a missing key in one locale is reported with the file and the key', () => {
    const load = (l: string) => {
      const s = loadUiStrings(l) as Record<string, Strings>;
      if (l === 'ro') delete (s.nav as Record<string, string>).catalogue;
      return s;
    };
    expect(checkUiStrings(load)).toEqual(['i18n/ro.json: nav.catalogue']);
  });
  it('each plural form the language needs is required', () => {
    const load = (l: string) => {
      const s = loadUiStrings(l) as Record<string, Record<string, string>>;
      if (l === 'sr') delete s.cluster.membersCount_few;
      return s as Strings;
    };
    expect(checkUiStrings(load)).toEqual(['i18n/sr.json: cluster.membersCount_few']);
  });
  it('a missing taxonomy label is reported', () => {
    const load = (l: string) => {
      const s = loadUiStrings(l) as Record<string, Record<string, Record<string, string>>>;
      if (l === 'bg') delete s.taxonomy.fibre.hemp;
      return s as Strings;
    };
    expect(checkUiStrings(load)).toEqual(['i18n/bg.json: taxonomy.fibre.hemp']);
  });
  it('the translator throws on a key that does not exist instead of showing it', () => {
    expect(() => translator('bg')('nav.nothing')).toThrow('Missing UI string "nav.nothing" in i18n/bg.json');
  });
  it('plurals follow each language', () => {
    expect(translator('sr')('catalogue.count', { count: 2 })).not.toBe(translator('sr')('catalogue.count', { count: 5 }));
    expect(translator('en')('catalogue.count', { count: 1 })).toBe('1 product');
  });
  it('writes counts and page numbers with Intl for the locale, and still chooses the plural by the number', () => {
    const t = translator('en');
    expect(t('catalogue.count', { count: 1234 })).toBe('1,234 products');
    expect(t('catalogue.count', { count: 1 })).toBe('1 product');
    expect(t('common.page', { page: 1000 })).toBe('Page 1,000');
  });
  it('marks a text in another locale with its own language and direction', () => {
    const arabic = { code: 'ar', lang: 'ar', dir: 'rtl' as const };
    expect(textAttributesOf(shippedLocales.en, arabic)).toEqual({ lang: 'en', dir: 'ltr' });
    expect(textAttributesOf(arabic, shippedLocales.en)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(textAttributesOf(shippedLocales.sr, shippedLocales.en)).toEqual({ lang: 'sr-Cyrl', dir: 'ltr' });
    expect(textAttributesOf(arabic, arabic)).toEqual({});
  });
  it('names languages in the reader\'s language', () => {
    expect(languageName('bg', 'en')).toBe('Bulgarian');
    expect(languageName('en', 'bg')).toBe('английски');
    expect(locales.map((l) => l.code)).toEqual(['en', 'bg', 'sr', 'sr-latn', 'ro', 'es', 'fr']);
    expect(languageName('es', 'fr')).toBe('espagnol');
    expect(translator('sr-latn')('nav.catalogue')).toBe('Katalog');
  });
});

describe('the UI strings Klaster ships', () => {
  const shipped = Object.values(shippedLocales).filter((l) => !l.derivedFrom);
  it('are complete in every shipped language, configured or not', () => {
    const load = (l: string) => loadUiStrings(l);
    expect(checkUiStrings(load, shipped.map((l) => l.code))).toEqual([]);
  });

  it("have exactly the plural forms of each language's rules", () => {
    for (const locale of shipped) {
      const categories = new Intl.PluralRules(locale.lang).resolvedOptions().pluralCategories.slice().sort();
      const forms = new Map<string, string[]>();
      for (const key of flatten(loadUiStrings(locale.code)).keys()) {
        const m = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
        if (m) forms.set(m[1], [...(forms.get(m[1]) ?? []), m[2]]);
      }
      expect(forms.size, locale.code).toBeGreaterThan(5);
      for (const [base, found] of forms) expect(found.sort(), `${locale.code}: ${base}`).toEqual(categories);
    }
  });

  it('keep every placeholder of the English string', () => {
    const english = flatten(loadUiStrings('en'));
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const locale of shipped) {
      for (const [key, value] of flatten(loadUiStrings(locale.code))) {
        const source = english.get(key) ?? english.get(key.replace(/_(zero|two|few|many)$/, '_other'));
        if (source) expect(placeholders(value), `${locale.code}: ${key}`).toEqual(placeholders(source));
      }
    }
  });
});
