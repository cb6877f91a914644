/**
 * The words a page gives the search index beyond its own (see
 * assets/search-terms.js): in Bulgarian and Macedonian the stem of each
 * word, in Serbian (both scripts) and Croatian each word in Latin without
 * diacritics, stemmed. They are added, as the indexer reads a page, at the
 * end of its `data-pagefind-body` element with a low weight, so a query
 * normalised the same way finds every form of a word, in either script; the
 * published page is not changed.
 *
 * The text they are made from is what Pagefind indexes (the body without
 * its `data-pagefind-ignore` parts, scripts and styles), plus the page's
 * filter values (its category, materials, certifications: vocabulary labels
 * in the page's language), which are hidden from the text but are words a
 * visitor searches with.
 *
 * In every locale, a product's vocabulary labels (category, materials,
 * certifications) are added too, with a weight above the text's: a label
 * is what the product is, so "knitwear" ranks the knitwear above pages that
 * only mention the word.
 *
 * Results quote the page's text (assets/search.js): what lies between two
 * anchors this file adds, after the page's name and before the added words,
 * with the page's label parts (maker, category, facts) moved after it.
 */
import { facetAttributes } from '../lib/product-attributes.ts';
import { Parser } from 'htmlparser2';
import { stemmer as bulgarian } from '@orama/stemmers/bulgarian';
import { stemmer as romanian } from '@orama/stemmers/romanian';
import { stemmer as serbian } from '@orama/stemmers/serbian';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageDir } from '../lib/package-dir.ts';
import { escapeHtml } from '../lib/escape.ts';

interface Terms {
  normalises: boolean;
  extraWords(text: string): string[];
}

/**
 * assets/search-terms.js, the plain JavaScript module the search page loads
 * too, found in the installed package (this file also runs compiled, from
 * the package's dist/, where a relative import would miss it).
 */
const { searchTerms } = (await import(pathToFileURL(join(packageDir(), 'assets/search-terms.js')).href)) as {
  searchTerms: (locale: string, stemmers: Record<string, (word: string) => string>) => Terms;
};

const cache = new Map<string, Terms>();

/** The search terms of a locale, with the stemmers it needs. */
export function termsFor(locale: string): Terms {
  let terms = cache.get(locale);
  if (!terms) cache.set(locale, (terms = searchTerms(locale, { bulgarian, romanian, serbian })));
  return terms;
}

/** Weight of the added words: below the page's own text (1), so a page whose own words match ranks first. */
export const EXTRA_WEIGHT = 0.5;

/** The filters whose values are vocabulary labels (the facet attributes too: fibres for clothing), and their weight: a body text's 1 < this < a title's 7. */
const LABELS = new Set(['category', 'certification', ...facetAttributes.map((a) => a.id)]);
export const LABEL_WEIGHT = 2;

/** Anchors (element ids, whose word positions Pagefind records) around the text a result's excerpt is taken from; assets/search.js reads them. */
export const TEXT_ANCHOR = 'klaster-search-text';
export const TAIL_ANCHOR = 'klaster-search-tail';

/**
 * The page as the indexer reads it: its text, then, after the
 * `data-pagefind-body` element's own content, a tail of words that are
 * searched but are not text to quote in a result: the page's label parts
 * (its `<dl>` lists and elements marked `data-klaster-facts`, moved there
 * with their words kept apart), its vocabulary labels, and the extra search
 * words of its locale. Two empty anchors mark the text a result's excerpt
 * comes from: after the page's `<h1>` (the result shows the name already)
 * and before the tail. The published page is not changed; a page without a
 * `data-pagefind-body` is returned as it is.
 */
export function withSearchWords(html: string, locale: string): string {
  const terms = termsFor(locale);
  const text: string[] = [];
  const labels: string[] = [];
  const facts: string[] = [];
  /** [offset, text to insert there]. */
  const inserts: [number, string][] = [];
  let depth = 0;
  let bodyDepth = -1;
  let ignoreDepth = -1;
  let filterDepth = -1;
  let skipDepth = -1;
  let factsDepth = -1;
  let bodyStart = -1;
  let textAt = -1;
  let insertAt = -1;
  let isLabel = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        depth++;
        if (bodyDepth < 0 && bodyDepth !== -2 && 'data-pagefind-body' in attributes) {
          bodyDepth = depth;
          bodyStart = parser.endIndex + 1;
          return;
        }
        if (bodyDepth < 0) return;
        if (ignoreDepth < 0 && 'data-pagefind-ignore' in attributes) ignoreDepth = depth;
        if (filterDepth < 0 && 'data-pagefind-filter' in attributes) {
          filterDepth = depth;
          isLabel = LABELS.has(attributes['data-pagefind-filter']!);
        }
        if (skipDepth < 0 && (name === 'script' || name === 'style' || name === 'template')) skipDepth = depth;
        if (factsDepth < 0 && ignoreDepth < 0 && (name === 'dl' || 'data-klaster-facts' in attributes)) {
          factsDepth = depth;
          // Out of the indexed text; its words go to the tail instead.
          inserts.push([parser.startIndex + 1 + name.length, ' data-pagefind-ignore']);
        }
      },
      ontext(data) {
        if (bodyDepth < 0 || skipDepth >= 0) return;
        if (factsDepth >= 0) facts.push(data);
        else if (ignoreDepth < 0 || filterDepth >= 0) text.push(data);
        if (filterDepth >= 0 && isLabel) labels.push(data);
      },
      onclosetag(name) {
        if (bodyDepth > 0 && depth > bodyDepth && name === 'h1' && textAt < 0) textAt = parser.endIndex + 1;
        if (depth === skipDepth) skipDepth = -1;
        if (depth === filterDepth) {
          filterDepth = -1;
          if (isLabel) labels.push(' · ');
        }
        if (depth === ignoreDepth) ignoreDepth = -1;
        if (depth === factsDepth) factsDepth = -1;
        if (depth === bodyDepth) {
          insertAt = parser.startIndex;
          bodyDepth = -2; // only the first body element, as Pagefind
        }
        depth--;
        // Words are not run together across elements.
        text.push(' ');
        if (factsDepth >= 0) facts.push(' ');
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (insertAt < 0) return html;
  const fact = facts.join('').replace(/\s+/g, ' ').trim();
  const words = terms.extraWords(`${text.join(' ')} ${fact}`);
  const label = labels.join('').trim();
  // Only the indexer reads this copy of the page, so the blocks need no `hidden`.
  let tail = `<div id="${TAIL_ANCHOR}">`;
  if (fact) tail += `<div data-klaster-search-facts>${escapeHtml(fact)}</div>`;
  // The labels' own search words too, so a label typed in the other script or as another form ranks as the label.
  const labelWords = [label, ...terms.extraWords(label)].join(' ');
  if (label) tail += `<div data-pagefind-weight="${LABEL_WEIGHT}" data-klaster-search-labels>${escapeHtml(labelWords)}</div>`;
  // Letters and digits only (search-terms.js splits words so).
  if (words.length) tail += `<div data-pagefind-weight="${EXTRA_WEIGHT}" data-klaster-search-words>${words.join(' ')}</div>`;
  tail += '</div>';
  inserts.push([textAt >= 0 ? textAt : bodyStart, `<span id="${TEXT_ANCHOR}"></span>`], [insertAt, tail]);
  let out = html;
  for (const [at, insert] of inserts.sort((a, b) => b[0] - a[0])) out = out.slice(0, at) + insert + out.slice(at);
  return out;
}
