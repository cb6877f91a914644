/** getStaticPaths helpers: every locale, every entry. */
import { localeCodes, type Locale } from '../lib/locales.ts';
import type { CollectionName } from '../lib/content/fields.ts';
import { site } from './site.ts';

export function localePaths() {
  return localeCodes.map((locale) => ({ params: { locale }, props: { locale } }));
}

export async function entryPaths(collection: CollectionName) {
  const model = await site();
  const ids = [...model.entries[collection].keys()];
  return localeCodes.flatMap((locale: Locale) => ids.map((id) => ({ params: { locale, id }, props: { locale, id } })));
}
