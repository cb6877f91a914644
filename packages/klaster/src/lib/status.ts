/** A project's status on a given day, from its dates. */
export type ProjectStatus = 'planned' | 'running' | 'completed';

export function projectStatus(start: string, end: string, today: string): ProjectStatus {
  if (today < start) return 'planned';
  if (today > end) return 'completed';
  return 'running';
}
