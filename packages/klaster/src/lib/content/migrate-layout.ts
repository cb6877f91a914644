/**
 * Klaster 0.3 reads an entry's facts from the fields of its default
 * language's text (lib/content/layout.ts), which a git-based editor can
 * write, instead of `index.yaml`. This moves one entry's facts there,
 * keeping their comments and order: the facts come first, then the text
 * fields as they were, then the body unchanged.
 */
import { isMap, isScalar, parseDocument, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { CollectionName } from './fields.ts';
import { splitFrontmatter } from './read.ts';

export type LayoutMigration = { text: string } | { skipped: string };

const keyOf = (pair: Pair) => String((pair.key as { value?: unknown })?.value ?? pair.key);

function topKeys(source: string): string[] {
  const root = parseDocument(source).contents;
  return isMap(root) ? ((root as YAMLMap).items as Pair[]).map(keyOf) : [];
}

/**
 * The default language's text with the facts at the top of its fields.
 * `facts` is index.yaml's source, `text` the default language's file (undefined when the entry has none).
 */
export function moveFactsToText(collection: CollectionName, facts: string, text: string | undefined): LayoutMigration {
  const factsSource = facts
    .replace(/^\uFEFF/, '')
    .replace(/^---[ \t]*\r?\n/, '')
    .replace(/\s+$/, '');
  const { frontmatter, body } = text === undefined ? { frontmatter: undefined, body: '' } : splitFrontmatter(text);
  if (text !== undefined && frontmatter === undefined && splitFrontmatter(text).unclosed) {
    return { skipped: 'its text file opens its fields with --- but does not close them; fix it and run klaster migrate again' };
  }
  let textSource = (frontmatter ?? '').replace(/\s+$/, '');
  let factsOut = factsSource;
  const shared = topKeys(factsSource).filter((k) => topKeys(textSource).includes(k));
  if (shared.length) {
    if (collection !== 'products' || shared.some((k) => k !== 'attributes')) {
      return { skipped: `both index.yaml and the text have ${shared.join(', ')}, which one file cannot hold twice; keep index.yaml for this entry` };
    }
    // A product's text attributes join its other attributes.
    const factsDoc = parseDocument(factsSource);
    const textDoc = parseDocument(textSource);
    const into = factsDoc.get('attributes', true);
    const from = textDoc.get('attributes', true);
    if (!isMap(into) || !isMap(from)) return { skipped: 'attributes: is not a map of values in both files; fix it and run klaster migrate again' };
    for (const pair of from.items as Pair[]) (into as YAMLMap).items.push(pair);
    textDoc.delete('attributes');
    factsOut = factsDoc.toString({ lineWidth: 0 }).replace(/\s+$/, '');
    textSource = isMap(textDoc.contents) && (textDoc.contents as YAMLMap).items.length ? textDoc.toString({ lineWidth: 0 }).replace(/\s+$/, '') : '';
  }
  const fields = [factsOut, textSource].filter(Boolean).join('\n');
  return { text: `---\n${fields}\n---\n${body}` };
}

/** Image descriptions, a map by file name when written by hand: the editor's form writes them as a list. */
const ALT_KEYS = ['imageAlt', 'logoAlt'];

/**
 * A text whose image descriptions are a map by file name, with them as the
 * list of `{ image, alt }` items the editor at /admin/ shows and writes (the
 * check reads both the same); undefined when there is nothing to change.
 */
export function altMapsToLists(text: string): string | undefined {
  const { frontmatter, body } = splitFrontmatter(text);
  if (frontmatter === undefined) return undefined;
  const doc = parseDocument(frontmatter);
  let changed = false;
  for (const key of ALT_KEYS) {
    const node = doc.get(key, true);
    if (!isMap(node)) continue;
    const pairs = (node as YAMLMap).items as Pair[];
    if (!pairs.every((p) => isScalar(p.value) && typeof p.value.value === 'string')) continue;
    const list = doc.createNode(pairs.map((p) => ({ image: keyOf(p), alt: (p.value as Scalar).value })));
    for (const item of list.items) (item as YAMLMap).flow = true;
    doc.set(key, list);
    changed = true;
  }
  if (!changed) return undefined;
  return `---\n${doc.toString({ lineWidth: 0 }).replace(/\s+$/, '')}\n---\n${body}`;
}
