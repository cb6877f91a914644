/** The products with a GTIN, for the GS1 Digital Link pages (/01/<GTIN>/): one page per GTIN, the first product by id if two share one. */
import { site } from './site.ts';

export async function gtinProducts(): Promise<Map<string, string>> {
  const model = await site();
  const out = new Map<string, string>();
  for (const id of [...model.entries.products.keys()].sort()) {
    const gtin = model.get('products', id).facts.gtin;
    if (gtin && !out.has(gtin)) out.set(gtin, id);
  }
  return out;
}
