/** /data/<collection>.json, .csv and .schema.json: the catalogue as open data. */
import type { APIRoute } from 'astro';
import { site } from '../../data/site.ts';
import { jsonSchema, openDataCollections, record, toCsv, type OpenDataCollection } from '../../lib/open-data.ts';
import { entryPath, withBase } from '../../lib/urls.ts';
import type { Locale } from '../../lib/locales.ts';

export function getStaticPaths() {
  return openDataCollections.flatMap((collection) =>
    ['json', 'csv', 'schema.json'].map((ext) => ({ params: { file: `${collection}.${ext}` }, props: { collection, ext } })),
  );
}

export const GET: APIRoute = async ({ props, site: origin }) => {
  const { collection, ext } = props as { collection: OpenDataCollection; ext: string };
  if (ext === 'schema.json') return new Response(JSON.stringify(jsonSchema(collection), null, 2));
  const model = await site();
  const base = import.meta.env.BASE_URL;
  const abs = (path: string) => new URL(withBase(path, base), origin).href;
  const records = model.all(collection).map((entry) =>
    record(entry, (src) => new URL(src, origin).href, (l) => abs(entryPath[collection](l as Locale, entry.id))),
  ) as Record<string, unknown>[];
  if (ext === 'csv') return new Response(toCsv(records), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
  return new Response(JSON.stringify({ collection, count: records.length, items: records }, null, 2));
};
