/**
 * Where an entry's facts are written. Two layouts are read:
 *
 * - the editor's layout (Klaster 0.3): the facts are fields of the site's
 *   default language's text, `index.<default>.md`, beside that language's
 *   text fields; every other `index.<locale>.md` holds only its texts. This
 *   is what a git-based editor (Decap CMS, `/admin/`) writes: it keeps the
 *   language-neutral fields (`i18n: none`) in the default locale's file.
 * - the older layout: the facts in `index.yaml` (or `index.yml`), the texts
 *   in `index.<locale>.md`. `klaster migrate` moves it to the editor's.
 *
 * In the default language's file, a key is a fact when the collection's
 * facts schema has it. Three keys are both facts and texts, and keep apart
 * by their shape: a product's `attributes` (the text attributes are texts,
 * the others facts), a project's `indicators` and `results` (a list is the
 * facts; a map of labels, the texts).
 *
 * `id` is the entry's folder name, which the editor writes when it creates
 * an entry (its slug template): it may be written, and must then match.
 */
import { z } from 'astro/zod';
import type { CollectionName } from './fields.ts';
import { factsSchemas, textSchemas } from './schemas.ts';
import { productAttributes } from '../product-attributes.ts';

/** The key the editor writes with the entry's folder name. */
export const ID_KEY = 'id';

function keysOf(schema: z.ZodType): Set<string> {
  let s = schema as unknown as { _zod: { def: Record<string, unknown> } };
  while (s._zod.def.type !== 'object') s = (s._zod.def.innerType ?? s._zod.def.in) as typeof s;
  return new Set(Object.keys(s._zod.def.shape as object));
}

const keyCache = new Map<CollectionName, { facts: Set<string>; texts: Set<string> }>();

/** The keys of a collection's facts and of its texts. */
export function layoutKeys(collection: CollectionName): { facts: Set<string>; texts: Set<string> } {
  let keys = keyCache.get(collection);
  if (!keys) {
    const facts = factsSchemas(() => z.string());
    keys = { facts: keysOf(facts[collection] as z.ZodType), texts: keysOf(textSchemas[collection]) };
    keyCache.set(collection, keys);
  }
  return keys;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);

export interface SplitFields {
  facts: Record<string, unknown>;
  texts: Record<string, unknown>;
}

/** The fields of a default language's text that carries the facts, parted into facts and texts. */
export function splitFacts(collection: CollectionName, data: Record<string, unknown>): SplitFields {
  const { facts: factKeys, texts: textKeys } = layoutKeys(collection);
  const facts: Record<string, unknown> = {};
  const texts: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const isFact = factKeys.has(key);
    const isText = textKeys.has(key);
    if (isFact && isText) {
      if (collection === 'products' && key === 'attributes' && isPlainObject(value)) {
        const textIds = new Set(productAttributes.filter((a) => a.type === 'text').map((a) => a.id));
        const f = Object.fromEntries(Object.entries(value).filter(([id]) => !textIds.has(id)));
        const t = Object.fromEntries(Object.entries(value).filter(([id]) => textIds.has(id)));
        if (Object.keys(f).length || !Object.keys(t).length) facts[key] = f;
        if (Object.keys(t).length) texts[key] = t;
      } else if (isPlainObject(value)) texts[key] = value;
      else facts[key] = value;
    } else if (isFact || key === ID_KEY) facts[key] = value;
    else texts[key] = value;
  }
  return { facts, texts };
}

/** Whether a text's fields hold any text (the default language's file may hold only the facts). */
export function hasTextFields(texts: Record<string, unknown>): boolean {
  return Object.entries(texts).some(([key, value]) => key !== 'sourceHash' && key !== 'keepAsWritten' && value !== undefined && value !== null && value !== '');
}
