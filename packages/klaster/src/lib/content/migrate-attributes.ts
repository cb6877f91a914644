/**
 * Klaster 0.2 moved the textile fields of a product (`composition`,
 * `sizes`) under `attributes:` as the textile preset's `material` and
 * `sizes`. This rewrites one product's index.yaml so, keeping its comments,
 * its order and its style (yaml's Document API edits the nodes in place).
 */
import { isMap, parseDocument, type Pair, type YAMLMap } from 'yaml';

/** The moved fields: old top-level key → attribute id. */
export const MOVED_TO_ATTRIBUTES: Readonly<Record<string, string>> = { composition: 'material', sizes: 'sizes' };

/** The file's text with the moved fields under `attributes:`; undefined when nothing moves. */
export function moveToAttributes(source: string): string | undefined {
  const doc = parseDocument(source);
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const items = (root as YAMLMap).items as Pair[];
  const moved = items.filter((p) => Object.hasOwn(MOVED_TO_ATTRIBUTES, String((p.key as { value?: unknown })?.value ?? p.key)));
  if (!moved.length) return undefined;
  let attributes = root.get('attributes', true) as YAMLMap | undefined;
  const at = items.indexOf(moved[0]!);
  if (!isMap(attributes)) {
    attributes = doc.createNode({}) as YAMLMap;
    items.splice(at, 0, doc.createPair('attributes', attributes) as Pair);
  }
  for (const pair of moved) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (!attributes.has(MOVED_TO_ATTRIBUTES[key])) attributes.set(MOVED_TO_ATTRIBUTES[key], pair.value);
    items.splice(items.indexOf(pair), 1);
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
