// Search terms: what the index adds to a page's words, and what a query is
// turned into, per locale, so that both sides meet. Used by the build, when
// it indexes the site (src/integrations/pagefind.ts), and by the search
// page (search.js), so a word is normalised the same way on both sides.
//
// Pagefind stems en, es, ca, fr, da, de, el, hu, ro and sr itself, and folds
// diacritics; these locales keep their query as typed, but for Romanian,
// whose plurals change vowels (see below: its key is @orama/stemmers'
// Romanian stem, so that the vowel can be found). Three have no stemmer in Pagefind and
// get a substitute from @orama/stemmers: Bulgarian (BulStem), Macedonian
// (BulStem too: the same plural and article endings, tested in
// tests/unit/search-terms.test.ts) and Croatian (the Serbian stemmer, made for
// Serbo-Croatian in Latin script). Serbian in either script is searched in
// one form: Latin, without diacritics (č ć → c, š → s, ž → z, đ and dj → d),
// so a query typed in Cyrillic, in Latin or on a phone without diacritics
// finds the same pages on /sr/ and /sr-latn/.
//
// The stemmers are passed in (the build imports them from the package, the
// page from /klaster/stem-*.js), so this file imports nothing.

/** The stemmer each locale needs from @orama/stemmers, by its export name there. */
export const STEMMER = { bg: 'bulgarian', mk: 'bulgarian', ro: 'romanian', sr: 'serbian', 'sr-latn': 'serbian', hr: 'serbian' };

// Serbian Cyrillic letters in Latin, for the stemmer and the folding below.
// The same table as src/lib/transliterate.ts (a test compares them); a copy
// because this file also runs in the browser, which cannot load TypeScript.
// prettier-ignore
const SERBIAN_LATIN = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i',
  ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', ћ: 'ć', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
};

const CEDILLA = { ş: 'ș', Ş: 'Ș', ţ: 'ț', Ţ: 'Ț' };

/** Words as Pagefind splits them: runs of letters and digits. */
const WORD = /[\p{L}\p{N}]+/gu;

/** Serbian (and Croatian) Latin without diacritics: đ and dj both as d, as people type them. */
function foldSerbian(word) {
  return word
    .replace(/[а-яђјљњћџ]/g, (c) => SERBIAN_LATIN[c] ?? c)
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/dj/g, 'd');
}

/**
 * BulStem as @orama/stemmers ports it (Savoy's light Bulgarian stemmer, as
 * in Lucene): the endings it removes are used, the letters it would change
 * in place are not. Those changes throw on a JavaScript string in strict
 * mode ("Cannot assign to read only property": вълнени, кашмирен, пуловери),
 * and where they work they split what should meet on the demo's texts
 * (пуловери → пуловяр beside пуловер). Without them every key is the start
 * of its word, so a query's key also finds the word itself as a prefix.
 */
function endingsOnly(stem) {
  return (word) => {
    const chars = Object.assign([...word], { substring: (from, to) => chars.slice(from, to).join('') });
    return stem(new Proxy(chars, { set: () => true }));
  };
}

// Three rules written here, because no maintained stemmer has them: Lucene's
// and Snowball's Bulgarian and Serbo-Croatian stemmers are the ones
// @orama/stemmers ports, with the same gaps (tested in
// tests/unit/search-terms.test.ts).

/**
 * Bulgarian neuter nouns in -е take -та in the plural and -то as the article
 * (яке → якета, якето; кафе → кафета): BulStem keeps яке whole (under four
 * letters) but cuts якета to якет, so the forms never met. The -е form is
 * kept, which is also the start of every other form. Macedonian's -иња
 * plural of the same nouns goes too.
 */
function bulgarianNeuter(word) {
  if (word.length < 5) return word;
  // Macedonian neuters in -е take -иња (ќебе → ќебиња, ќебињата): the singular's stem, ќеб.
  if (word.length >= 6 && /иња(?:та)?$/.test(word)) return word.replace(/иња(?:та)?$/, '');
  return word.replace(/(?<=е)(?:тата|та|то)$/, '');
}

/**
 * A Bulgarian plural in -и of four letters (ризи, ризите after the article):
 * BulStem removes plural endings only from longer words, though it cuts the
 * singular's -а (риза → риз). The -и goes too, so singular and plural meet.
 */
function bulgarianIrregular(key) {
  return key.length === 4 && key.endsWith('и') ? key.slice(0, -1) : key;
}

/**
 * Serbian and Croatian one-syllable nouns take -ov-/-ev- before the plural's
 * endings (каиш → каишеви, град → градови, нож → ножеви), which the stemmer
 * keeps (kaisev). Where its key ends so, the augment goes and the rest is
 * stemmed again, as the singular was.
 */
function serbianAugment(key, stem) {
  return key.length >= 5 && /[^aeiou][oe]v$/.test(key) ? stem(key.slice(0, -2)) : key;
}

/**
 * The Serbian key of a word folded to plain Latin. The a of -ac is
 * "fleeting" (lonac, lonca) and the stemmer drops it from some forms only
 * (kapuljača, typed kapuljaca → kapuljc, but kapuljačom → kapuljac): it goes
 * from every key. And -ik nouns, whose k is c before the plural's i
 * (ručnik → ručnici), keep the stem's k.
 */
function serbianKey(folded, stem) {
  const key = serbianAugment(stem(folded), stem).replace(/([^aeiou])ac$/, '$1c');
  return key.length >= 4 ? key.replace(/ic$/, 'ik') : key;
}

/**
 * The normaliser of a locale. `stemmers` holds the stemmer functions named
 * in STEMMER ({ bulgarian, serbian }); a locale that needs none ignores it.
 */
export function searchTerms(locale, stemmers = {}) {
  const lang = locale.toLowerCase();
  const words = (text) => text.toLocaleLowerCase(lang === 'sr-latn' ? 'sr' : lang).match(WORD) ?? [];
  let key;
  if (lang === 'bg' || lang === 'mk') {
    const stem = endingsOnly(stemmers.bulgarian);
    key = (word) => (/[а-яѐ-ӿ]/.test(word) ? bulgarianIrregular(stem(bulgarianNeuter(word))) : word);
  } else if (lang === 'ro') {
    // Romanian plurals change a stem's vowels (geantă → genți, școală → școli,
    // față → fețe, masă → mese), which the stemmer does not undo: ea and oa
    // are searched as e and o, on a word without diacritics (ș ț ă â î as
    // s t a a i, cedilla letters too), and the stem's last e as a, so that
    // both forms of a word get one key.
    const stem = stemmers.romanian;
    key = (word) => stem(word.normalize('NFD').replace(/\p{M}/gu, '').replace(/ea/g, 'e').replace(/oa/g, 'o')).replace(/e([^aeiou]*)$/, 'a$1');
  } else if (lang === 'sr' || lang === 'sr-latn' || lang === 'hr') {
    const stem = (word) => foldSerbian(stemmers.serbian(word));
    // Folded before stemming and after (the stemmer writes č ć š ž đ), so a word typed without diacritics gets the same key.
    key = (word) => serbianKey(foldSerbian(word), stem);
  } else if (lang === 'da') {
    // Pagefind folds the diacritics Unicode decomposes (å → a), not ø and æ,
    // which Danes without their keyboard type as o and ae: both sides get that spelling.
    key = (word) => word.replace(/ø/g, 'o').replace(/æ/g, 'ae');
  }
  const ro = lang === 'ro';
  return {
    /** Whether this locale adds words to the index and changes queries. */
    normalises: key !== undefined,
    /** The key of one lowercase word (the word itself where the locale has none). */
    key: (word) => (key ? key(word) : word),
    /**
     * The words the index adds to a page's text: each word's key, once, where
     * it is not already one of the page's words. Sorted, so the same text gives the same bytes.
     */
    extraWords(text) {
      if (!key) return [];
      const own = new Set(words(text));
      const extra = new Set();
      for (const word of own) {
        const k = key(word);
        if (k && !own.has(k)) extra.add(k);
      }
      return [...extra].sort();
    },
    /** The query Pagefind is given for what the visitor typed. */
    query(text) {
      const typed = ro ? text.replace(/[şŞţŢ]/g, (c) => CEDILLA[c]) : text;
      return key ? words(typed).map(key).join(' ') : typed.trim();
    },
    /** The keys of a text's words, for marking matches in an excerpt. */
    keys: (text) => words(text).map((w) => (key ? key(w) : w)),
  };
}
