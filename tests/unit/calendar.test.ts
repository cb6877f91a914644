import { describe, expect, it } from 'vitest';
import { calendar, toUtcArray, type CalendarEvent } from '../../packages/klaster/src/lib/calendar.ts';

const fair: CalendarEvent = {
  uid: 'fair@klaster', title: 'Apparel fair, Düsseldorf', description: 'Line one; with, commas', url: 'https://x.example/en/events/fair/',
  location: 'Messe, Düsseldorf, Germany', start: '2012-07-22T09:30', end: '2012-07-24T18:00', timezone: 'Europe/Berlin', categories: ['Fair'],
};

/** Unfolds and parses iCalendar text into its events' properties. */
function parse(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') { events.push(current!); current = undefined; }
    else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon).split(';')[0]] = line.slice(colon + 1);
    }
  }
  return events;
}

describe('calendars', () => {
  it('convert local times in the event zone to UTC, summer and winter', () => {
    expect(toUtcArray('2012-07-22T09:30', 'Europe/Berlin')).toEqual([2012, 7, 22, 7, 30]);
    expect(toUtcArray('2013-01-15T10:00', 'Europe/Sofia')).toEqual([2013, 1, 15, 8, 0]);
    expect(toUtcArray('2013-01-15', 'Europe/Sofia')).toEqual([2013, 1, 15]);
  });
  it('write valid iCalendar that parses back', () => {
    const text = calendar([fair, { ...fair, uid: 'day@klaster', start: '2014-03-20', end: '2014-03-21', title: 'Day of clusters' }], 'Events', '2026-11-21');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('VERSION:2.0');
    expect(text).toContain('X-WR-CALNAME:Events');
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const [a, b] = parse(text);
    expect(a.UID).toBe('fair@klaster');
    expect(a.DTSTART).toBe('20120722T073000Z');
    expect(a.DTEND).toBe('20120724T160000Z');
    expect(a.SUMMARY).toBe('Apparel fair\\, Düsseldorf');
    expect(a.DESCRIPTION).toBe('Line one\\; with\\, commas');
    expect(a.DTSTAMP).toBe('20261121T000000Z');
    expect(b.DTSTART).toBe('20140320');
    expect(b.DTEND).toBe('20140322');
  });
  it('are never written empty: RFC 5545 needs at least one event', () => {
    expect(() => calendar([], 'Events', '2026-11-21')).toThrow(/at least one event/);
  });
  it('builds the same bytes from the same events', () => {
    expect(calendar([fair], 'x', '2026-11-21')).toBe(calendar([fair], 'x', '2026-11-21'));
  });
});
