/**
 * The product attributes a site declares (site.yaml `productAttributes`),
 * read when the schemas are first made. Read leniently here; `klaster check`
 * validates the same list with the rest of site.yaml.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { siteConfigPath } from './paths.ts';

export function readAttributeSetting(path = siteConfigPath()): unknown[] {
  try {
    if (!existsSync(path)) return [];
    const data = parse(readFileSync(path, 'utf8')) as { productAttributes?: unknown } | null;
    return Array.isArray(data?.productAttributes) ? data.productAttributes : [];
  } catch {
    return [];
  }
}
