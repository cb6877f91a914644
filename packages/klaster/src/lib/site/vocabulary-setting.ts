/**
 * The site's vocabularies as site.yaml sets them, read when taxonomies.ts is
 * first imported (the schemas are made from them). Read leniently here;
 * `klaster check` validates the same keys with the rest of site.yaml.
 */
import type { VocabularyChange, VocabularySetting } from '../vocabulary-presets.ts';
import { siteConfigPath } from './paths.ts';
import { rawSiteConfig } from './raw.ts';

export function readVocabularySetting(path = siteConfigPath()): VocabularySetting {
  const data = rawSiteConfig(path) as { vocabularies?: Record<string, unknown> };
  const v = data.vocabularies && typeof data.vocabularies === 'object' ? data.vocabularies : {};
  const presets = Array.isArray(v.presets) ? v.presets.filter((p): p is string => typeof p === 'string') : undefined;
  const changes: Record<string, VocabularyChange> = {};
  for (const [name, change] of Object.entries(v)) {
    if (name === 'presets' || !change || typeof change !== 'object') continue;
    const c = change as { add?: unknown; remove?: unknown };
    changes[name] = {
      add: c.add && typeof c.add === 'object' ? (c.add as Record<string, unknown>) : undefined,
      remove: Array.isArray(c.remove) ? c.remove.map(String) : undefined,
    };
  }
  return { presets, changes };
}
