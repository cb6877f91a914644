/**
 * "Today" for the build: statuses (planned, running, completed), upcoming
 * and past events, expired certificates, scheduled news (dated after it). Set KLASTER_BUILD_DATE=YYYY-MM-DD
 * to build as of another day (tests do, so their results do not change
 * with the calendar); by default it is the day the build runs.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): string {
  const fixed = env.KLASTER_BUILD_DATE;
  if (fixed) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fixed)) throw new Error(`KLASTER_BUILD_DATE must be YYYY-MM-DD, found "${fixed}"`);
    return fixed;
  }
  return new Date().toISOString().slice(0, 10);
}
