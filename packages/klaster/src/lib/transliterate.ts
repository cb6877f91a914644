/**
 * Cyrillic to Latin, in the two official systems the site needs:
 * - Serbian: the Serbian Latin alphabet (Гајица), letter for letter, with
 *   the digraphs lj, nj, dž for љ, њ, џ;
 * - Bulgarian: the Streamlined System of the Transliteration Act (2009),
 *   including its rule that a final "ия" is written "ia".
 * And slugs: lowercase ASCII ids suggested from any name.
 *
 * Serbian Latin leaves alone what an editor protects: in rendered HTML,
 * code, elements marked translate="no" and elements in another language; in
 * any text, the phrases a text lists in `keepAsWritten` (see serbianLatin).
 *
 * Written here rather than taken from a package: the packages on the
 * registry either mix the two systems, drop the Bulgarian "-ия" rule, or
 * mishandle the capitals of digraphs (ЏЕМПЕР → DŽEMPER, Џемпер → Džemper).
 */

import { Parser } from 'htmlparser2';

type Table = Readonly<Record<string, string>>;

const SERBIAN: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i',
  ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', ћ: 'ć', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
};

const BULGARIAN: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
  ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sht', ъ: 'a', ь: 'y', ю: 'yu', я: 'ya',
};

const isUpper = (ch: string | undefined) => !!ch && ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/**
 * Transliterate one run of text with a table, keeping capitals right.
 * Characters where `kept` is true are left as written, but still count as
 * the neighbours that decide the capitals of a digraph beside them.
 */
function transliterateWith(
  text: string,
  table: Table,
  special?: (chars: string[], i: number) => string | undefined,
  kept?: readonly boolean[],
) {
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const lower = ch.toLowerCase();
    const latin = kept?.[i] ? undefined : (special?.(chars, i) ?? table[lower]);
    if (latin === undefined) {
      out += ch;
      continue;
    }
    if (!isUpper(ch)) {
      out += latin;
    } else if (latin.length > 1 && (isUpper(chars[i + 1]) || (!isLetter(chars[i + 1]) && isUpper(chars[i - 1])))) {
      // A digraph in an all-capitals word: ЉУБЉАНА → LJUBLJANA.
      out += latin.toUpperCase();
    } else {
      // Title case: Љубљана → Ljubljana.
      out += latin.charAt(0).toUpperCase() + latin.slice(1);
    }
  }
  return out;
}

const isLetter = (ch: string | undefined) => !!ch && /\p{L}/u.test(ch);

const isWordChar = (ch: string | undefined) => !!ch && /[\p{L}\p{M}\p{N}]/u.test(ch);

/**
 * Which characters of a text belong to one of the phrases to keep as
 * written, by code point. A phrase counts only as a whole word or words: not
 * where a letter or digit continues it on either side (so "Јумко" keeps
 * "Јумко" but not the start of "Јумкова"). Phrases may overlap or nest; every
 * character any of them covers is kept.
 */
export function keptCharacters(text: string, phrases: readonly string[]): boolean[] {
  const chars = Array.from(text);
  const kept = new Array<boolean>(chars.length).fill(false);
  // Code unit offset → code point index, for indexOf's results.
  const index = new Map<number, number>();
  let unit = 0;
  chars.forEach((ch, i) => {
    index.set(unit, i);
    unit += ch.length;
  });
  index.set(unit, chars.length);
  for (const phrase of phrases) {
    if (!phrase) continue;
    const own = Array.from(phrase);
    const first = own[0];
    const last = own[own.length - 1];
    for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
      const start = index.get(at);
      if (start === undefined) continue; // inside a surrogate pair
      const end = start + own.length;
      if (isWordChar(first) && isWordChar(chars[start - 1])) continue;
      if (isWordChar(last) && isWordChar(chars[end])) continue;
      for (let i = start; i < end; i++) kept[i] = true;
    }
  }
  return kept;
}

/**
 * Serbian Cyrillic to Serbian Latin; other characters are left as they are,
 * and so are the phrases in `keep` (brands, product codes: an entry's
 * `keepAsWritten`), which are matched exactly as written.
 */
export function serbianToLatin(text: string, keep: readonly string[] = []): string {
  const phrases = keep.filter((p) => p && text.includes(p));
  return transliterateWith(text, SERBIAN, undefined, phrases.length ? keptCharacters(text, phrases) : undefined);
}

/** Bulgarian Cyrillic to Latin by the Streamlined System. */
export function bulgarianToLatin(text: string): string {
  return transliterateWith(text, BULGARIAN, (chars, i) => {
    // "ия" at the end of a word is "ia" (София → Sofia).
    const lower = chars[i].toLowerCase();
    if (lower === 'я' && chars[i - 1]?.toLowerCase() === 'и' && !isLetter(chars[i + 1])) return 'a';
    return undefined;
  });
}

const SERBIAN_ONLY = /[ђјљњћџЂЈЉЊЋЏ]/;
const BULGARIAN_ONLY = /[щъьюяйЩЪЬЮЯЙ]/;

/** Which system fits a Cyrillic text: Serbian or Bulgarian letters decide,
 * otherwise the hint (an entry's source locale) does. */
export function guessCyrillicLanguage(text: string, hint?: string): 'sr' | 'bg' {
  if (SERBIAN_ONLY.test(text)) return 'sr';
  if (BULGARIAN_ONLY.test(text)) return 'bg';
  return hint === 'sr' ? 'sr' : 'bg';
}

/** Any text to a lowercase ASCII slug: `Кюстендил Мода` → `kyustendil-moda`,
 * `Џемпер од вуне` (Serbian) → `dzemper-od-vune`. */
export function slugify(text: string, hint?: string): string {
  const latin = guessCyrillicLanguage(text, hint) === 'sr' ? serbianToLatin(text) : bulgarianToLatin(text);
  return latin
    .replace(/đ/g, 'dj')
    .replace(/Đ/g, 'Dj')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Applies a transliteration to every string in a value (YAML fields, UI strings). */
export function transliterateDeep<T>(value: T, fn: (text: string) => string = serbianToLatin): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v) => transliterateDeep(v, fn)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, transliterateDeep(v, fn)])) as T;
  }
  return value;
}

const NEVER = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'var']);
/** Attributes whose values are text a reader sees or hears. */
const TEXT_ATTRIBUTES = new Set(['alt', 'title', 'aria-label', 'placeholder']);
const isSerbianTag = (lang: string) => /^sr(-|$)/i.test(lang);

/**
 * Transliterates the text of rendered HTML and its text attributes (alt,
 * title, aria-label, placeholder), never tags, other attributes, comments or
 * URLs. Left as written: code, elements marked translate="no", and elements
 * in another language (a lang attribute other than Serbian), with their
 * attributes.
 *
 * The HTML is read by htmlparser2's tokenizer, which knows where a tag ends
 * (a ">" inside a quoted attribute value does not end it) and closes
 * elements the way browsers do (a <p> ends at the next <p>). Only the spans
 * of text and of text attribute values are rewritten; everything else is
 * copied from the input as it was, character for character.
 */
export function transliterateHtml(html: string, fn: (text: string) => string = serbianToLatin): string {
  /** Spans of the input to rewrite, in order: [start, end). */
  const edits: [number, number][] = [];
  const stack: boolean[] = [];
  const kept = () => stack.length > 0 && stack[stack.length - 1];
  /** The text attributes of the tag being read, by the span of their values. */
  let attributes: [number, number][] = [];
  let text: [number, number] | undefined;
  const endText = () => {
    if (text) edits.push(text);
    text = undefined;
  };
  const parser: Parser = new Parser(
    {
      ontext() {
        // Text comes in pieces (around character references): one run is transliterated as a whole.
        if (kept()) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        if (text && text[1] === start) text[1] = end;
        else {
          endText();
          text = [start, end];
        }
      },
      onopentagname() {
        endText();
        attributes = [];
      },
      onattribute(name, _value, quote) {
        if (!TEXT_ATTRIBUTES.has(name) || quote === undefined) return;
        // The attribute runs from its name (startIndex) to the end of its value (endIndex, after a closing quote).
        const source = html.slice(parser.startIndex, parser.endIndex);
        const value = /^[^=]*=\s*["']?/.exec(source);
        if (!value) return;
        attributes.push([parser.startIndex + value[0].length, parser.endIndex - (quote ? 1 : 0)]);
      },
      onopentag(name, attribs) {
        const lang = attribs.lang;
        const keep =
          NEVER.has(name) ||
          attribs.translate?.toLowerCase() === 'no' ||
          (lang !== undefined && !isSerbianTag(lang)) ||
          (kept() && !(lang && isSerbianTag(lang)));
        if (!keep) edits.push(...attributes);
        attributes = [];
        stack.push(keep);
      },
      onclosetag() {
        endText();
        stack.pop();
      },
      oncomment: endText,
      onprocessinginstruction: endText,
    },
    { decodeEntities: true },
  );
  parser.end(html);
  endText();
  let out = '';
  let at = 0;
  for (const [start, end] of edits.sort((a, b) => a[0] - b[0])) {
    out += html.slice(at, start) + fn(html.slice(start, end));
    at = end;
  }
  return out + html.slice(at);
}

/** The forms a phrase can take in rendered HTML text: as written, with & and < escaped, or with &, <, >, " and ' escaped. */
function htmlForms(phrase: string): string[] {
  const min = phrase.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const all = min.replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return [phrase, min, all];
}

/**
 * Serbian Latin for one entry: its phrases to keep as written (the text's
 * `keepAsWritten` list: brands, product codes) are left alone in every field
 * (`deep`, `text`) and in the rendered body (`html`).
 */
export function serbianLatin(keepAsWritten: readonly string[] = []) {
  const phrases = [...new Set(keepAsWritten.map((p) => p.trim()).filter(Boolean))];
  const inHtml = [...new Set(phrases.flatMap(htmlForms))];
  const text = (value: string) => serbianToLatin(value, phrases);
  return {
    text,
    deep: <T>(value: T): T => transliterateDeep(value, text),
    html: (html: string) => transliterateHtml(html, (value) => serbianToLatin(value, inHtml)),
  };
}
