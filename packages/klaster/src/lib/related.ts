/**
 * Related products: others of the same category, taken around the
 * product's own place in the category list so that each product shows its
 * neighbours. Constant work per page, whatever the category's size.
 */
export function relatedProducts(sameCategory: readonly string[], id: string, count: number): string[] {
  const others = sameCategory.length - 1;
  if (others <= 0) return [];
  const at = sameCategory.indexOf(id);
  const out: string[] = [];
  for (let step = 1; out.length < Math.min(count, others); step++) {
    out.push(sameCategory[(at + step) % sameCategory.length]);
  }
  return out;
}
