/**
 * Lighthouse gate, the part that needs no browser: from Lighthouse's
 * results, the four category scores of each page as a report, and a
 * failure for every score under the minimum, naming the audits that cost
 * points.
 */
import type { Failure } from './html.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The parts of a Lighthouse result (LHR) this gate reads. */
export interface LighthouseResult {
  categories: Record<string, { title: string; score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { title: string; score: number | null; scoreDisplayMode: string; displayValue?: string }>;
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
}

export interface PageScores {
  page: string;
  scores: Partial<Record<Category, number | null>>;
  /** Per category below 100: the weighted audits that did not pass. */
  lost: Partial<Record<Category, string[]>>;
  warnings: string[];
}

/** A 0..1 score as Lighthouse shows it, 0..100. */
export const shown = (score: number | null | undefined) => (score === null || score === undefined ? null : Math.round(score * 100));

export function pageScores(page: string, lhr: LighthouseResult): PageScores {
  const scores: PageScores['scores'] = {};
  const lost: PageScores['lost'] = {};
  for (const c of CATEGORIES) {
    const category = lhr.categories[c];
    if (!category) continue;
    scores[c] = shown(category.score);
    const failing = category.auditRefs
      .filter((ref) => ref.weight > 0)
      .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
      .filter(({ audit }) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
      .map(({ ref, audit }) => `${ref.id} (${shown(audit!.score)}${audit!.displayValue ? `, ${audit!.displayValue}` : ''}): ${audit!.title}`);
    if (failing.length) lost[c] = failing;
  }
  const warnings = [...(lhr.runWarnings ?? []), ...(lhr.runtimeError ? [`runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`] : [])];
  return { page, scores, lost, warnings };
}

/** A failure for every category under `min` (0..100), or missing. */
export function scoreFailures(results: PageScores[], min = 95): Failure[] {
  const failures: Failure[] = [];
  for (const r of results) {
    for (const c of CATEGORIES) {
      const score = r.scores[c];
      if (score === null || score === undefined) failures.push({ page: r.page, reason: `no ${c} score${r.warnings.length ? ` (${r.warnings.join('; ')})` : ''}` });
      else if (score < min) failures.push({ page: r.page, reason: `${c} ${score} < ${min}; lost on: ${(r.lost[c] ?? []).join('; ') || 'nothing listed'}` });
    }
  }
  return failures;
}

/** The scores as a Markdown table, then what cost points. */
export function formatScores(results: PageScores[], min = 95): string {
  const lines = [
    `Lighthouse, mobile settings; a score under ${min} fails.`,
    '',
    `| page | ${CATEGORIES.join(' | ')} |`,
    `|---|${CATEGORIES.map(() => '---:').join('|')}|`,
    ...results.map((r) => `| ${r.page} | ${CATEGORIES.map((c) => r.scores[c] ?? '–').join(' | ')} |`),
  ];
  for (const r of results) {
    const lost = CATEGORIES.filter((c) => r.lost[c]?.length);
    if (!lost.length && !r.warnings.length) continue;
    lines.push('', `${r.page}:`);
    for (const c of lost) for (const audit of r.lost[c]!) lines.push(`  ${c}: ${audit}`);
    for (const w of r.warnings) lines.push(`  warning: ${w}`);
  }
  return lines.join('\n');
}
