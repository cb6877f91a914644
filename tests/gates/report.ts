/**
 * Failures as a readable report: grouped by kind of problem (the reason
 * with its particular values masked), with counts and a few examples, then
 * every failure, page by page.
 */
import type { Failure } from './html.ts';

/** The kind of a reason: quoted values, paths, numbers masked. */
export function kindOf(reason: string): string {
  return reason
    .replace(/“[^”]*”|"[^"]*"|'[^']*'/g, '"…"')
    .replace(/\(line \d+, column \d+\)/g, '')
    .replace(/\s\(.*\)\s*$/s, ' (…)')
    .replace(/\([^()]*\)/g, '(…)')
    .replace(/(https?:\/\/[^\s)]+|\/[^\s,)]*)/g, '…')
    .replace(/\d+/g, 'N')
    .replace(/:\s.*$/s, (rest) => (rest.length > 80 ? `${rest.slice(0, 80)}…` : rest))
    .trim();
}

export function groupFailures(failures: Failure[]): { kind: string; failures: Failure[] }[] {
  const groups = new Map<string, Failure[]>();
  for (const f of failures) {
    const kind = kindOf(f.reason);
    groups.set(kind, [...(groups.get(kind) ?? []), f]);
  }
  return [...groups.entries()].map(([kind, list]) => ({ kind, failures: list })).sort((a, b) => b.failures.length - a.failures.length);
}

export function formatFailures(gate: string, failures: Failure[], { examples = 3, full = true } = {}): string {
  if (!failures.length) return `${gate}: no failures`;
  const pages = new Set(failures.map((f) => f.page)).size;
  const lines = [`${gate}: ${failures.length} failure(s) on ${pages} page(s)`, ''];
  for (const group of groupFailures(failures)) {
    const groupPages = new Set(group.failures.map((f) => f.page)).size;
    lines.push(`- ${group.failures.length} × on ${groupPages} page(s): ${group.kind}`);
    for (const f of group.failures.slice(0, examples)) lines.push(`    ${f.page}: ${f.reason}`);
  }
  if (full) {
    lines.push('', 'Every failure:');
    for (const f of [...failures].sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0))) lines.push(`${f.page}: ${f.reason}`);
  }
  return lines.join('\n');
}
