/** The products with a GTIN, for the GS1 Digital Link pages (/01/<GTIN>/): one page per GTIN, the first product by id if two share one. */
import { pageKeys, site } from './site.ts';
import { builtLocales, type Locale } from '../lib/locales.ts';

export async function gtinProducts(): Promise<Map<string, string>> {
  const model = await site();
  const out = new Map<string, string>();
  for (const id of [...model.entries.products.keys()].sort()) {
    const gtin = model.get('products', id).facts.gtin;
    if (gtin && !out.has(gtin)) out.set(gtin, id);
  }
  return out;
}

/**
 * The paths of the GS1 Digital Link pages, with the locale as a prefix or
 * without (`localized` false: the default locale's). A page shows the
 * product's name and first image only, so the shared cache key keeps it while
 * no entry's fields change (lib/cache-keys.ts).
 */
export async function gtinPaths(localized: boolean) {
  const [products, keys] = await Promise.all([gtinProducts(), pageKeys()]);
  const cacheKey = keys.shared;
  const list = [...products];
  if (!localized) return list.map(([gtin, product]) => ({ params: { gtin }, props: { product }, cacheKey }));
  return builtLocales.flatMap((locale: Locale) => list.map(([gtin, product]) => ({ params: { locale, gtin }, props: { locale, product }, cacheKey })));
}
