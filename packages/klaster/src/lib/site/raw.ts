/**
 * site.yaml as plain data, read once per process and file, for the settings
 * modules need when they are first imported (locales, vocabularies, product
 * attributes: the schemas are made from them). Lenient: a file that is
 * missing or not YAML gives no settings here, and `klaster check` reports it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { siteConfigPath } from './paths.ts';

const read = new Map<string, Record<string, unknown>>();

export function rawSiteConfig(path = siteConfigPath()): Record<string, unknown> {
  let data = read.get(path);
  if (!data) {
    try {
      const parsed: unknown = existsSync(path) ? parse(readFileSync(path, 'utf8')) : undefined;
      data = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      data = {};
    }
    read.set(path, data);
  }
  return data;
}
