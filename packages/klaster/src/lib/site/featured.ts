/** The entries a home-page setting picks: its ids in order, or the newest N. */
import type { Featured } from './schema.ts';

export function featuredIds(rule: Featured, newestFirst: readonly string[]): string[] {
  return Array.isArray(rule) ? [...rule] : newestFirst.slice(0, rule.newest);
}
