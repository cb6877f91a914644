/**
 * The content check's last result in `astro dev`, shared between the
 * integration (which runs the check when a file changes) and the middleware
 * that shows it on every page. They share it through `globalThis` because
 * Astro's dev server renders pages in the same Node process as the
 * integrations, in another module graph (Vite's module runner): a plain
 * module variable would be two variables. That Astro renders in-process in
 * dev is not documented, hence this file's place; without it the middleware
 * sees no result and pages render as before.
 */
const KEY = Symbol.for('klaster.devCheck');

export interface DevCheckState {
  /** The check's problems (errors only) as `npm run check` lists them; empty when the content is fine. */
  errors: string;
  count: number;
}

type Holder = { [KEY]?: DevCheckState };

export function setDevCheckState(state: DevCheckState): void {
  (globalThis as Holder)[KEY] = state;
}

export function devCheckState(): DevCheckState | undefined {
  return (globalThis as Holder)[KEY];
}
