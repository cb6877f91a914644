import type { APIRoute } from 'astro';
import { eachLocale, eventCalendar } from '../../../data/feeds.ts';
import { site as model } from '../../../data/site.ts';
import { translator } from '../../../lib/i18n.ts';
import type { Locale } from '../../../lib/locales.ts';

/** Only where there are events: an empty calendar is not a valid iCalendar file (lib/calendar.ts). */
export const getStaticPaths = async () => ((await model()).all('events').length ? eachLocale() : []);
export const GET: APIRoute = async ({ props, site }) => {
  const { locale } = props as { locale: Locale };
  const ids = (await model()).all('events').map((e) => e.id);
  const t = translator(locale);
  return eventCalendar(locale, ids, `${t('site.name')}: ${t('event.listTitle')}`, site!);
};
