/**
 * iCalendar files (RFC 5545) for events, through the ics package: one file
 * per event and a calendar per project and per locale. Times are converted
 * from the venue's local time and zone to UTC, so every calendar program
 * shows them right; all-day events stay dates. DTSTAMP is the build date, so
 * the same content builds the same bytes.
 */
import { createEvents, type EventAttributes } from 'ics';
import { zoneOffset } from './time.ts';

export interface CalendarEvent {
  uid: string;
  title: string;
  description: string;
  url: string;
  location: string;
  start: string;
  end?: string;
  timezone: string;
  categories: string[];
  coordinates?: { lat: number; lon: number };
}

type DateArray = [number, number, number] | [number, number, number, number, number];

/** A local date-time in a zone, as a UTC date array; a plain date stays a date. */
export function toUtcArray(local: string, timezone: string): DateArray {
  if (!local.includes('T')) {
    const [y, m, d] = local.split('-').map(Number);
    return [y, m, d];
  }
  const offset = zoneOffset(local, timezone);
  const instant = new Date(`${local}:00${offset}`);
  return [instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate(), instant.getUTCHours(), instant.getUTCMinutes()];
}

/** The day after a date: iCalendar all-day events end on the following day. */
function nextDay(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
}

function attributes(e: CalendarEvent, stamp: number): EventAttributes {
  const allDay = !e.start.includes('T');
  const start = toUtcArray(e.start, e.timezone);
  const base = {
    uid: e.uid,
    title: e.title,
    description: e.description,
    url: e.url,
    location: e.location,
    categories: e.categories,
    timestamp: stamp,
    start,
    startInputType: 'utc' as const,
    startOutputType: 'utc' as const,
    ...(e.coordinates ? { geo: e.coordinates } : {}),
  };
  if (allDay) return { ...base, end: nextDay(e.end ?? e.start) } as EventAttributes;
  const end = e.end && e.end.includes('T') ? toUtcArray(e.end, e.timezone) : undefined;
  return (end
    ? { ...base, end, endInputType: 'utc', endOutputType: 'utc' }
    : { ...base, duration: { hours: 2 } }) as EventAttributes;
}

/** A calendar of one or more events; RFC 5545 allows no calendar without a component, so none is written empty. */
export function calendar(events: CalendarEvent[], name: string, buildDate: string): string {
  if (events.length === 0) throw new Error(`The calendar "${name}" has no events; an iCalendar file needs at least one event (RFC 5545), so leave it out`);
  const stamp = Date.parse(`${buildDate}T00:00:00Z`);
  const { error, value } = createEvents(
    events.map((e) => attributes(e, stamp)),
    { productId: 'klaster//calendar', calName: name, method: 'PUBLISH' },
  );
  if (error || !value) throw new Error(`Could not write the calendar "${name}": ${error?.message ?? 'no output'}`);
  return value;
}
