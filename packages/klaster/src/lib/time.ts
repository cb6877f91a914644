/** Local event times and their zones. */

/** The UTC offset (`+03:00`) of a time zone at a local date and time. */
export function zoneOffset(local: string, timeZone: string): string {
  const [date, time = '12:00'] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  // Guess the instant as if local were UTC, then correct by the zone's offset there.
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(guess))
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d{2}):?(\d{2})?/.exec(name ?? '');
  return match ? `${match[1]}:${match[2] ?? '00'}` : '+00:00';
}

/** ISO 8601 with offset, for JSON-LD and calendars: `2012-09-04T09:30:00+03:00`. */
export function zonedIso(local: string, timeZone: string): string {
  if (!local.includes('T')) return local;
  return `${local}:00${zoneOffset(local, timeZone)}`;
}

/** Whether an event (end, or start when it has no end) is on or after a day. */
export function isUpcoming(start: string, end: string | undefined, today: string): boolean {
  return (end ?? start).slice(0, 10) >= today;
}
