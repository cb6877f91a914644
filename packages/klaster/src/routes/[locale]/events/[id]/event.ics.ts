import type { APIRoute } from 'astro';
import { entryPaths } from '../../../../data/paths.ts';
import { eventCalendar } from '../../../../data/feeds.ts';
import type { Locale } from '../../../../lib/locales.ts';

export const getStaticPaths = () => entryPaths('events');
export const GET: APIRoute = ({ props, site }) => {
  const { locale, id } = props as { locale: Locale; id: string };
  return eventCalendar(locale, [id], undefined, site!);
};
