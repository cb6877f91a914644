/** Feeds and calendars shaped from the model for one locale. */
import rss from '@astrojs/rss';
import { site } from './site.ts';
import { view } from './view.ts';
import { calendar, type CalendarEvent } from '../lib/calendar.ts';
import { buildDate } from '../lib/build-date.ts';
import { countryName } from '../lib/format.ts';
import { langTag, builtLocales, type Locale } from '../lib/locales.ts';
import { paths } from '../lib/urls.ts';
import type { Entry } from '../lib/model.ts';
import type { Body } from './site.ts';

export async function eventCalendar(locale: Locale, ids: string[], name: string | undefined, origin: URL): Promise<Response> {
  const model = await site();
  const v = view(locale, import.meta.env.BASE_URL, origin);
  const events: CalendarEvent[] = ids.map((id) => {
    const e = model.get('events', id);
    const text = v.loc(e).text;
    return {
      uid: `${e.id}@klaster`,
      title: text.title,
      description: text.summary,
      url: v.abs(paths.event(locale, e.id)),
      location: [text.venue, text.city, countryName(e.facts.country, locale)].filter(Boolean).join(', '),
      start: e.facts.start,
      end: e.facts.end,
      timezone: e.facts.timezone,
      categories: [v.label('eventKind', e.facts.kind)],
      coordinates: e.facts.coordinates,
    };
  });
  return new Response(calendar(events, name ?? events[0]?.title ?? '', buildDate()), { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
}

/** An RSS feed of news items; `page` is the address of the list it follows. */
export async function newsFeed(locale: Locale, ids: string[], title: string, description: string, page: string, origin: URL) {
  const model = await site();
  const v = view(locale, import.meta.env.BASE_URL, origin);
  const items = ids
    .map((id) => model.get('news', id))
    .sort((a, b) => (a.facts.date < b.facts.date ? 1 : a.facts.date > b.facts.date ? -1 : a.id < b.id ? -1 : 1))
    .map((n: Entry<'news', Body>) => {
      const text = v.loc(n).text;
      return { title: text.title, description: text.summary, link: v.abs(paths.news(locale, n.id)), pubDate: new Date(`${n.facts.date}T00:00:00Z`) };
    });
  return rss({
    title,
    description,
    site: v.abs(page),
    items,
    customData: `<language>${langTag(locale)}</language>`,
    trailingSlash: true,
  });
}

export const eachLocale = () => builtLocales.map((locale) => ({ params: { locale }, props: { locale } }));
