/**
 * Deterministic pseudo-random numbers and text for the benchmark corpus.
 * Everything is derived from string seeds, so the same seed always gives the
 * same value on every machine: no Math.random, no clock.
 */

/** A 32-bit hash of a string (cyrb53, truncated), used to seed streams. */
export function hashString(text) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/** A seeded generator (mulberry32) with helpers. */
export function rng(seed) {
  let state = typeof seed === 'number' ? seed >>> 0 : hashString(String(seed));
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    /** [0, 1) */
    next,
    /** An integer in [min, max], both included. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** true with probability p. */
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** n distinct items of a list, in list order. */
    sample(list, n) {
      const idx = list.map((_, i) => i);
      for (let i = idx.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [idx[i], idx[j]] = [idx[j], idx[i]];
      }
      return idx.slice(0, Math.min(n, list.length)).sort((a, b) => a - b).map((i) => list[i]);
    },
    /** Picks a key of { key: weight }. */
    weighted(weights) {
      const entries = Object.entries(weights);
      const total = entries.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [key, w] of entries) {
        x -= w;
        if (x < 0) return key;
      }
      return entries[entries.length - 1][0];
    },
  };
  return r;
}

/** Syllables per locale: Latin for English, Cyrillic for Bulgarian and
 * Serbian, Latin with ă â î ș ț for Romanian. */
const SYLLABLES = {
  en: {
    onset: ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'st', 'tr', 'br', 'cl', 'sh', 'ch', 'th', 'pl', 'gr', ''],
    vowel: ['a', 'e', 'i', 'o', 'u', 'ea', 'ou', 'ai', 'ee', 'oo', 'y'],
    coda: ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck', 'ng', 'rd'],
  },
  bg: {
    onset: ['б', 'в', 'г', 'д', 'ж', 'з', 'к', 'л', 'м', 'н', 'п', 'р', 'с', 'т', 'ф', 'х', 'ц', 'ч', 'ш', 'щ', 'ст', 'пр', 'тр', 'бр', 'кр', 'зв', 'пл', ''],
    vowel: ['а', 'е', 'и', 'о', 'у', 'ъ', 'я', 'ю'],
    coda: ['', '', '', 'н', 'р', 'с', 'т', 'л', 'м', 'к', 'й', 'ст'],
  },
  sr: {
    onset: ['б', 'в', 'г', 'д', 'ђ', 'ж', 'з', 'ј', 'к', 'л', 'љ', 'м', 'н', 'њ', 'п', 'р', 'с', 'т', 'ћ', 'ф', 'х', 'ц', 'ч', 'џ', 'ш', 'ст', 'пр', 'тр', ''],
    vowel: ['а', 'е', 'и', 'о', 'у'],
    coda: ['', '', '', 'н', 'р', 'с', 'т', 'л', 'м', 'ј', 'к'],
  },
  ro: {
    onset: ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'ș', 'ț', 'st', 'tr', 'pr', 'cr', 'ș', 'ț', ''],
    vowel: ['a', 'e', 'i', 'o', 'u', 'ă', 'â', 'ea', 'ia', 'oa', 'ă'],
    coda: ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'ș', 'ț', 'nț', 'ști'],
  },
};

const VOCABULARY_SIZE = 4000;
const vocabularies = new Map();

/** A fixed vocabulary of invented words for a locale. */
export function vocabulary(locale) {
  let words = vocabularies.get(locale);
  if (words) return words;
  const s = SYLLABLES[locale];
  const r = rng(`vocabulary:${locale}`);
  const seen = new Set();
  words = [];
  while (words.length < VOCABULARY_SIZE) {
    const n = r.weighted({ 1: 2, 2: 5, 3: 4, 4: 1 });
    let w = '';
    for (let i = 0; i < Number(n); i++) w += r.pick(s.onset) + r.pick(s.vowel) + (i === Number(n) - 1 ? r.pick(s.coda) : '');
    if (locale === 'ro' && r.chance(0.12)) w = `î${w}`;
    if (w.length < 2 || seen.has(w)) continue;
    seen.add(w);
    words.push(w);
  }
  vocabularies.set(locale, words);
  return words;
}

const capitalize = (w) => w.charAt(0).toLocaleUpperCase() + w.slice(1);

/** Text in one locale, drawn from a generator: common words come up often,
 * as in real text (a power law over the vocabulary). */
export function writer(r, locale) {
  const words = vocabulary(locale);
  const word = () => words[Math.floor(words.length * r.next() ** 2.5)];
  const wordsOf = (n) => Array.from({ length: n }, word);
  const sentence = (min = 6, max = 16) => {
    const list = wordsOf(r.int(min, max));
    if (list.length > 6 && r.chance(0.4)) list[r.int(2, list.length - 3)] += ',';
    return `${capitalize(list.join(' '))}.`;
  };
  const paragraph = (min = 2, max = 5) => Array.from({ length: r.int(min, max) }, () => sentence()).join(' ');
  return {
    word,
    /** A name: 2 to 4 words, the first capitalised. */
    name: (min = 2, max = 4) => capitalize(wordsOf(r.int(min, max)).join(' ')),
    sentence,
    paragraph,
    /** A Markdown body: a few paragraphs, or, when long, sections with
     * headings, lists and emphasis. */
    body(long = false) {
      if (!long) {
        const parts = Array.from({ length: r.int(1, 4) }, () => paragraph());
        if (r.chance(0.3)) parts.push(Array.from({ length: r.int(2, 5) }, () => `- ${sentence(3, 8)}`).join('\n'));
        if (r.chance(0.3)) parts[0] = parts[0].replace(/^(\S+ \S+)/, '**$1**');
        return `${parts.join('\n\n')}\n`;
      }
      const parts = [];
      const sections = r.int(6, 12);
      for (let s = 0; s < sections; s++) {
        parts.push(`## ${capitalize(wordsOf(r.int(2, 5)).join(' '))}`);
        for (let p = r.int(2, 5); p > 0; p--) parts.push(paragraph(3, 7));
        if (r.chance(0.5)) parts.push(Array.from({ length: r.int(3, 7) }, () => `- ${sentence(4, 10)}`).join('\n'));
        if (r.chance(0.2)) parts.push(`> ${sentence(8, 20)}`);
      }
      return `${parts.join('\n\n')}\n`;
    },
  };
}

/** An ASCII slug of a few English words, for entry ids. */
export function slugWords(r, n) {
  const words = vocabulary('en');
  return Array.from({ length: n }, () => words[Math.floor(words.length * r.next() ** 2)]).join('-');
}
