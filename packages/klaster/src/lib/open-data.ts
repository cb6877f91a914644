/**
 * Open data: the catalogue as JSON and CSV for other systems. Each record
 * has the language-neutral facts and every translation; images are
 * addresses of the published files. JSON Schemas come from the same zod
 * schemas as the content check.
 */
import { z } from 'astro/zod';
import { localeCodes } from './locales.ts';
import { factsSchemas, textSchemas } from './content/schemas.ts';
import type { CollectionName } from './content/fields.ts';
import type { Entry } from './model.ts';

export const openDataCollections = ['clusters', 'organisations', 'products'] as const;
export type OpenDataCollection = (typeof openDataCollections)[number];

type ImageLike = { file: string; src: { src: string } | string };

/** Replaces image references by their public addresses, keeps everything else. */
function publish(value: unknown, url: (path: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => publish(v, url));
  if (value && typeof value === 'object') {
    const image = value as ImageLike;
    if (typeof image.file === 'string' && 'src' in image) {
      return url(typeof image.src === 'string' ? image.src : image.src.src);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, publish(v, url)]));
  }
  return value;
}

export function record(entry: Entry<CollectionName>, url: (path: string) => string, page: (locale: string) => string) {
  return {
    id: entry.id,
    ...(publish(entry.facts, url) as object),
    translations: Object.fromEntries(
      localeCodes.filter((l) => entry.texts[l]).map((l) => [l, { ...entry.texts[l]!.data, url: page(l) }]),
    ),
  };
}

/** JSON Schema of one record of a collection's open data. */
export function jsonSchema(collection: OpenDataCollection): object {
  const facts = factsSchemas(() => z.string().describe('address of an image'))[collection] as z.ZodObject;
  const text = textSchemas[collection].partial().extend({ url: z.string().describe('the page in this language') });
  const schema = facts.extend({
    id: z.string(),
    translations: z.partialRecord(z.enum(localeCodes as unknown as [string, ...string[]]), text),
  });
  return {
    $id: `${collection}.schema.json`,
    title: `Klaster open data: ${collection}`,
    ...z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }),
  };
}

/** A CSV cell: quoted when needed (RFC 4180). */
function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Flat CSV: one row per record, facts as columns, then name and summary per
 * locale. It starts with a UTF-8 byte-order mark: without one, Excel reads a
 * CSV file in the machine's legacy code page and shows Bulgarian and Serbian
 * as mojibake; other CSV readers skip the mark.
 */
export function toCsv(records: Record<string, unknown>[]): string {
  const factColumns = new Set<string>();
  for (const r of records) for (const key of Object.keys(r)) if (key !== 'translations') factColumns.add(key);
  const textColumns = localeCodes.flatMap((l) => [`name_${l}`, `summary_${l}`, `url_${l}`]);
  const header = [...factColumns, ...textColumns];
  const rows = records.map((r) => {
    const translations = (r.translations ?? {}) as Record<string, Record<string, unknown>>;
    const texts = localeCodes.flatMap((l) => {
      const t = translations[l] ?? {};
      return [t.name ?? t.title, t.summary, t.url];
    });
    return [...[...factColumns].map((c) => r[c]), ...texts].map(cell).join(',');
  });
  return `\uFEFF${[header.join(','), ...rows].join('\r\n')}\r\n`;
}
