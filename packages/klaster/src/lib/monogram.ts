/**
 * The letters of an organisation's monogram, drawn where it has no logo:
 * an acronym that opens its name as it is ("HITS Cluster" → HITS, up to
 * four letters), else the initials of its first two words of more than
 * three letters ("Foundation for the Development of Entrepreneurship" → FD,
 * "Фондация за развитие на предприемачеството" → ФР), else of its first
 * words. In the name's own script, upper-cased in its language.
 */
const LETTER = /[\p{L}\p{N}]/u;

export function monogram(name: string, lang?: string): string {
  const words = name
    .split(/[\s\-–—/&.,:;()"“”„«»'’]+/u)
    .map((w) =>
      Array.from(w)
        .filter((c) => LETTER.test(c))
        .join(''),
    )
    .filter(Boolean);
  if (words.length === 0) return '';
  const first = words[0]!;
  const letters = Array.from(first);
  if (letters.length >= 2 && letters.length <= 4 && first === first.toLocaleUpperCase(lang) && first !== first.toLocaleLowerCase(lang)) return first;
  const long = words.filter((w) => Array.from(w).length > 3);
  const chosen = (long.length > 0 ? long : words).slice(0, 2);
  return chosen.map((w) => Array.from(w)[0]!.toLocaleUpperCase(lang)).join('');
}
