/**
 * Search terms per locale (assets/search-terms.js): which locales add words
 * to the index and change queries, and that a query and a page's words meet
 * for the word forms and spellings visitors type. Every locale the package
 * ships is listed; the demo's are measured end to end in
 * tests/browser/search-queries.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { stemmer as bulgarian } from '@orama/stemmers/bulgarian';
import { stemmer as romanian } from '@orama/stemmers/romanian';
import { stemmer as serbian } from '@orama/stemmers/serbian';
// A plain JavaScript module, shared with the search page.
import { searchTerms, STEMMER } from '../../packages/klaster/assets/search-terms.js';
import { serbianToLatin } from '../../packages/klaster/src/lib/transliterate.ts';
import { localeCodes } from '../../packages/klaster/src/lib/locales.ts';
import { withSearchWords } from '../../packages/klaster/src/integrations/search-words.ts';

interface Terms {
  normalises: boolean;
  key(word: string): string;
  extraWords(text: string): string[];
  query(text: string): string;
}
const terms = (locale: string): Terms => searchTerms(locale, { bulgarian, romanian, serbian });

/** Whether a query finds a text as Pagefind would: each query word the start of one of the text's words or added words. */
function finds(locale: string, query: string, text: string): boolean {
  const t = terms(locale);
  const indexed = [...(text.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []), ...t.extraWords(text)].map((w) => w.normalize('NFD').replace(/\p{M}/gu, ''));
  return t
    .query(query)
    .split(' ')
    .filter(Boolean)
    .every((q) => indexed.some((w) => w.startsWith(q.normalize('NFD').replace(/\p{M}/gu, ''))));
}

describe('search terms per locale', () => {
  it('every shipped locale has Pagefind’s stemmer or a substitute', () => {
    // Pagefind 1.5 stems these itself (its index names their WebAssembly); the others get one here.
    const pagefindStems = ['en', 'es', 'ca', 'fr', 'da', 'de', 'el', 'hu', 'ro', 'sr'];
    for (const locale of localeCodes) {
      const own = pagefindStems.includes(locale);
      const substitute = (STEMMER as Record<string, string>)[locale];
      expect(own || substitute, locale).toBeTruthy();
      expect(terms(locale).normalises, locale).toBe(!!substitute || locale === 'da');
    }
    expect(STEMMER).toEqual({ bg: 'bulgarian', mk: 'bulgarian', ro: 'romanian', sr: 'serbian', 'sr-latn': 'serbian', hr: 'serbian' });
  });

  it('leaves queries in the locales Pagefind stems as typed', () => {
    for (const locale of ['en', 'es', 'ca', 'fr', 'de', 'el', 'hu']) {
      expect(terms(locale).query('  Wool Sweaters ')).toBe('Wool Sweaters');
      expect(terms(locale).extraWords('wool sweaters')).toEqual([]);
    }
  });

  it('Romanian: cedilla, comma-below and no diacritics alike; plurals that change ea, oa', () => {
    const ro = terms('ro');
    expect(ro.query('cămaşă şi ţesături')).toBe(ro.query('cămașă și țesături'));
    expect(ro.query('camasa si tesaturi')).toBe(ro.query('cămașă și țesături'));
    expect(ro.key('genți')).toBe(ro.key('geantă'));
    expect(ro.key('școli')).toBe(ro.key('școală'));
    expect(ro.extraWords('Pantaloni chino')).toEqual(['pantalon']);
  });

  it('Romanian: plurals that change a to e (față → fețe, masă → mese) meet their singular', () => {
    const ro = terms('ro');
    for (const [query, text] of [
      ['fete de masa', 'Față de masă jacquard'],
      ['fața de masă', 'Fețe de masă din in'],
      ['mesele', 'O masă de stejar'],
      ['seri', 'Rochie de seară'],
      ['genti din piele', 'Geantă din piele'],
      ['pulovere', 'Pulover din lână merinos'],
    ] as [string, string][]) {
      expect(finds('ro', query, text), `${query} → ${text}`).toBe(true);
    }
    expect(ro.key('fețe')).toBe(ro.key('față'));
    expect(finds('ro', 'fete de masa', 'Geantă din piele')).toBe(false);
  });

  it('Bulgarian: singular, plural, definite forms meet', () => {
    const pairs: [string, string][] = [
      ['панталони', 'Широк ленен панталон'],
      ['колани', 'Кожен колан'],
      ['коланът', 'Кожен колан'],
      ['пуловери', 'Пуловер от мериносова вълна'],
      ['пуловерът', 'Пуловер от мериносова вълна'],
      ['одеяла', 'Вълнено одеяло'],
      ['вълнени одеяла', 'Вълнено одеяло'],
      ['кърпи', 'Вафлена хавлиена кърпа'],
      ['рокля', 'Рокли'],
      ['трикотаж', 'Трикотажни изделия'],
    ];
    for (const [query, text] of pairs) expect(finds('bg', query, text), `${query} → ${text}`).toBe(true);
    expect(finds('bg', 'колани', 'Кожена чанта')).toBe(false);
  });

  it('Bulgarian: neuter plurals in -та and short plurals in -и meet their singular', () => {
    for (const [query, text] of [
      ['якета', 'Яке от софтшел'],
      ['якетата', 'Водоустойчиво яке'],
      ['яке', 'Якета за работа'],
      ['якето', 'Якета за работа'],
      ['ризи', 'Ленена риза'],
      ['ризите', 'Ленена риза'],
      ['риза', 'Ризи от поплин'],
    ] as [string, string][]) {
      expect(finds('bg', query, text), `${query} → ${text}`).toBe(true);
    }
    expect(terms('bg').key('якета')).toBe(terms('bg').key('яке'));
    expect(terms('bg').key('ризи')).toBe(terms('bg').key('риза'));
    expect(finds('bg', 'ризи', 'Ленено яке')).toBe(false);
  });

  it('Bulgarian: the stemmer’s letter changes, which throw on a string, are not used', () => {
    // @orama/stemmers' BulStem writes into the word: on a string this throws in strict mode.
    expect(() => bulgarian('вълнени')).toThrow();
    expect(terms('bg').key('вълнени')).toBe(terms('bg').key('вълнен'));
    expect(terms('bg').key('пуловери')).toBe('пуловер');
  });

  it('Macedonian: the Bulgarian stemmer as a substitute joins plural and article forms', () => {
    for (const [query, text] of [
      ['панталони', 'Панталон од лен'],
      ['џемпери', 'Џемпер од волна'],
      ['кошулата', 'Ленена кошула'],
      ['ќебиња', 'Волнено ќебе'],
      ['ќебињата', 'Волнено ќебе'],
      ['ќебе', 'Топли ќебиња'],
    ] as [string, string][]) {
      expect(finds('mk', query, text), `${query} → ${text}`).toBe(true);
    }
  });

  it('Serbian: either script, with or without diacritics, on both Serbian locales', () => {
    const cyrillic = 'Вунено ћебе. Џемпер од мерино вуне. Ланене панталоне. Кожни каиш. Ђурђевак.';
    const latin = serbianToLatin(cyrillic);
    for (const query of [
      'ћебе',
      'ćebe',
      'cebe',
      'džemper',
      'dzemperi',
      'џемпери',
      'pantalona',
      'панталона',
      'kais',
      'каиш',
      'Đurđevak',
      'djurdjevak',
      'durdevak',
      'vuneno cebe',
    ]) {
      expect(finds('sr', query, cyrillic), `sr: ${query}`).toBe(true);
      expect(finds('sr-latn', query, latin), `sr-latn: ${query}`).toBe(true);
    }
    expect(terms('sr').query('Ћебе')).toBe(terms('sr-latn').query('cebe'));
  });

  it('Danish: ø and æ typed as o and ae, as Pagefind does not fold them', () => {
    for (const [query, text] of [
      ['arbejdstoj', 'Arbejdstøj'],
      ['laeder', 'Bælte i læder'],
      ['økologisk', 'Kjole i økologisk bomuld'],
      ['okologisk bomuld', 'Kjole i økologisk bomuld'],
    ] as [string, string][]) {
      expect(finds('da', query, text), `${query} → ${text}`).toBe(true);
    }
    expect(terms('da').extraWords('Skjorte i hør')).toEqual(['hor']);
    expect(terms('da').extraWords('Skjorte i bomuld')).toEqual([]);
  });

  it('Croatian and Serbian: the fleeting a of -ac and the k of -ik plurals, typed without diacritics', () => {
    for (const [locale, query, text] of [
      ['hr', 'kapuljaca', 'Jakna s kapuljačom'],
      ['hr', 'kapuljace', 'Kapuljača od flisa'],
      ['hr', 'rucnici', 'Ručnik za kupanje'],
      ['sr', 'пешкири', 'Peškir od pamuka'],
      ['sr', 'lonci', 'Бакарни лонац'],
    ] as [string, string, string][]) {
      expect(finds(locale, query, text), `${locale}: ${query} → ${text}`).toBe(true);
    }
  });

  it('Serbian and Croatian: plurals with -ov-, -ev- (каишеви, noževi, gradovi) meet their singular', () => {
    for (const [locale, query, text] of [
      ['sr', 'каишеви', 'Кожни каиш'],
      ['sr', 'kaisevi', 'Кожни каиш'],
      ['sr-latn', 'каишеве', 'Kožni kaiš'],
      ['sr', 'nozevi', 'Кухињски нож'],
      ['hr', 'gradovi', 'Stari grad'],
    ] as [string, string, string][]) {
      expect(finds(locale, query, text), `${locale}: ${query} → ${text}`).toBe(true);
    }
    expect(terms('sr').key('каишеви')).toBe(terms('sr').key('каиш'));
    expect(finds('sr', 'каишеви', 'Кожна торба')).toBe(false);
  });

  it('Croatian: the Serbian stemmer and folding, for words typed without diacritics', () => {
    for (const [query, text] of [
      ['kosulje', 'Lanena košulja'],
      ['dzemperi', 'Džemper od merino vune'],
      ['hlace', 'Lanene hlače'],
    ] as [string, string][]) {
      expect(finds('hr', query, text), `${query} → ${text}`).toBe(true);
    }
  });

  it('its Serbian alphabet is the one of src/lib/transliterate.ts', () => {
    const alphabet = 'абвгдђежзијклљмнњопрстћуфхцчџш';
    expect(terms('sr').query(alphabet)).toBe(terms('sr').query(serbianToLatin(alphabet)));
  });
});

describe('search words in the indexed page', () => {
  const page = (body: string) => `<!doctype html><html lang="bg"><body><header>Колани</header><main data-pagefind-body>${body}</main></body></html>`;

  it('adds the stems of the body’s text and filter values at its end, with a low weight', () => {
    const html = withSearchWords(
      page(
        '<h1>Кожени колани</h1><div hidden data-pagefind-ignore><span data-pagefind-filter="category">Аксесоари</span><span data-pagefind-meta="image">/x.webp</span></div><script>пуловери</script>',
      ),
      'bg',
    );
    expect(html).toContain('<div data-pagefind-weight="2" data-klaster-search-labels>Аксесоари · аксесоар</div>');
    const block = html.match(/<div data-pagefind-weight="0.5" data-klaster-search-words>([^<]*)<\/div><\/div><\/main>/);
    expect(block, html).not.toBeNull();
    const words = block![1]!.split(' ');
    expect(words).toEqual(expect.arrayContaining(['колан', 'коже', 'аксесоар']));
    expect(words.some((w) => w.startsWith('пулов') || w.includes('webp'))).toBe(false);
  });

  it('adds a product’s vocabulary labels in every locale, escaped, weighing more than its text', () => {
    const html = withSearchWords(
      page(
        '<p>Warm</p><div hidden data-pagefind-ignore><span data-pagefind-filter="category">Knitwear</span><span data-pagefind-filter="material">Wool &amp; <b>cashmere</b></span><span data-pagefind-filter="member">Rila Knit</span></div>',
      ),
      'en',
    );
    expect(html).toContain('<div data-pagefind-weight="2" data-klaster-search-labels>Knitwear · Wool &amp; cashmere ·</div></div></main>');
    expect(html).not.toContain('data-klaster-search-words');
  });

  it('marks the text a result quotes: after the page’s name, before the added words; leaves pages without a body unchanged', () => {
    const html = withSearchWords(page('<h1>Кожени колани</h1><p>Ръчна изработка.</p>'), 'en');
    expect(html).toContain('<h1>Кожени колани</h1><span id="klaster-search-text"></span><p>Ръчна изработка.</p><div id="klaster-search-tail"></div></main>');
    expect(withSearchWords(page('<p>Текст</p>'), 'en')).toContain('<main data-pagefind-body><span id="klaster-search-text"></span><p>Текст</p>');
    expect(withSearchWords('<html><body><p>колани</p></body></html>', 'bg')).toBe('<html><body><p>колани</p></body></html>');
  });

  it('moves a page’s label parts out of the quoted text, still searched, their words apart', () => {
    const html = withSearchWords(
      page(
        '<h1>Колан</h1><section class="enquiry" data-klaster-facts><a href="#">Поискайте оферта</a></section><dl class="facts"><dt>Производител</dt><dd>Липник</dd></dl><p>Полиран с восък.</p>',
      ),
      'bg',
    );
    expect(html).toContain('<section data-pagefind-ignore class="enquiry" data-klaster-facts>');
    expect(html).toContain('<dl data-pagefind-ignore class="facts">');
    expect(html).toContain('<div id="klaster-search-tail"><div data-klaster-search-facts>Поискайте оферта Производител Липник</div>');
    // Their words get their stems too.
    expect(html.match(/data-klaster-search-words>([^<]*)</)![1]!.split(' ')).toContain(terms('bg').key('поискайте'));
  });

  it('writes Serbian pages’ words in plain Latin', () => {
    const html = withSearchWords('<html lang="sr"><body><main data-pagefind-body><h1>Вунено ћебе</h1></main></body></html>', 'sr');
    expect(html).toMatch(/data-klaster-search-words>[^<]*\bceb\b/);
  });
});
