/**
 * The product attributes a site declares (site.yaml `productAttributes`),
 * read when the schemas are first made. Read leniently here; `klaster check`
 * validates the same list with the rest of site.yaml.
 */
import { siteConfigPath } from './paths.ts';
import { rawSiteConfig } from './raw.ts';

export function readAttributeSetting(path = siteConfigPath()): unknown[] {
  const list = rawSiteConfig(path).productAttributes;
  return Array.isArray(list) ? list : [];
}
