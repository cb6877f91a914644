import { describe, expect, it } from 'vitest';
import { checkUiStrings } from '../../packages/klaster/src/lib/i18n-check.ts';
import { loadUiStrings, type Strings } from '../../packages/klaster/src/lib/i18n-files.ts';
import { languageName, translator } from '../../packages/klaster/src/lib/i18n.ts';
import { locales } from '../../packages/klaster/src/lib/locales.ts';

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
  it('names languages in the reader\'s language', () => {
    expect(languageName('bg', 'en')).toBe('Bulgarian');
    expect(languageName('en', 'bg')).toBe('английски');
    expect(locales.map((l) => l.code)).toEqual(['en', 'bg', 'sr', 'sr-latn', 'ro']);
    expect(translator('sr-latn')('nav.catalogue')).toBe('Katalog');
  });
});
