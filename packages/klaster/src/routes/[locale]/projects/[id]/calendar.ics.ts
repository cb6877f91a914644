import type { APIRoute } from 'astro';
import { projectPaths } from '../../../../data/project.ts';
import { eventCalendar } from '../../../../data/feeds.ts';
import { site as model } from '../../../../data/site.ts';
import type { Locale } from '../../../../lib/locales.ts';

export const getStaticPaths = projectPaths;
export const GET: APIRoute = async ({ props, site }) => {
  const { locale, id } = props as { locale: Locale; id: string };
  const m = await model();
  return eventCalendar(locale, m.eventsOf('projects', id), m.get('projects', id).facts.acronym, site!);
};
