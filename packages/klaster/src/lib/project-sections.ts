/** The sections of a project microsite, in navigation order. */
export const projectSections = ['overview', 'partners', 'events', 'news', 'results', 'indicators'] as const;
export type ProjectSection = (typeof projectSections)[number];

/** A section's path below the project's home (`''` for the overview). */
export function sectionPath(section: ProjectSection): string {
  return section === 'overview' ? '' : `${section}/`;
}

/** Indicator bars: the share of the target achieved, capped for drawing. */
export function progress(target: number, achieved: number | undefined): { ratio: number; percent: number } {
  if (!achieved || target <= 0) return { ratio: 0, percent: 0 };
  const ratio = achieved / target;
  return { ratio, percent: Math.round(ratio * 100) };
}

export interface IndicatorFacts {
  id: string;
  target: number;
  achieved?: number;
  breakdown?: { id: string; target: number; achieved?: number }[];
}

export interface IndicatorRow {
  id: string;
  label: string;
  target: number;
  achieved?: number;
  /** A line of a breakdown, under its indicator. */
  sub: boolean;
  ratio: number;
  percent: number;
}

/**
 * The rows of an indicator table: each indicator followed by its breakdown,
 * labelled in a locale (the id where a label is missing); only one indicator
 * when `only` names it.
 */
export function indicatorRows(indicators: readonly IndicatorFacts[], labels: Record<string, string> = {}, only?: string): IndicatorRow[] {
  return indicators
    .filter((ind) => only === undefined || ind.id === only)
    .flatMap((ind) =>
      [ind, ...(ind.breakdown ?? [])].map((row, i) => ({
        id: row.id,
        label: labels[row.id] ?? row.id,
        target: row.target,
        achieved: row.achieved,
        sub: i > 0,
        ...progress(row.target, row.achieved),
      })),
    );
}
