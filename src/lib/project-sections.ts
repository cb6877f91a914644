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
