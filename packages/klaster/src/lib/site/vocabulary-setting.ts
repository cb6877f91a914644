/**
 * The site's vocabularies as site.yaml sets them, read when taxonomies.ts is
 * first imported (the schemas are made from them). Read leniently here;
 * `klaster check` validates the same keys with the rest of site.yaml.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { VocabularyChange, VocabularySetting } from '../vocabulary-presets.ts';
import { siteConfigPath } from './paths.ts';

export function readVocabularySetting(path = siteConfigPath()): VocabularySetting {
  let data: { vocabularies?: Record<string, unknown> } = {};
  try {
    if (existsSync(path)) data = (parse(readFileSync(path, 'utf8')) as typeof data) ?? {};
  } catch {
    // Not YAML: the check says so.
  }
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
