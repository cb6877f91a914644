import type { APIRoute } from 'astro';
import { projectPaths } from '../../../../data/project.ts';
import { eventCalendar } from '../../../../data/feeds.ts';
import { site as model } from '../../../../data/site.ts';
import type { Locale } from '../../../../lib/locales.ts';

/** Only projects with events: an empty calendar is not a valid iCalendar file (lib/calendar.ts). */
export async function getStaticPaths() {
  const m = await model();
  return (await projectPaths()).filter((p) => m.eventsOf('projects', p.params.id).length > 0);
}
export const GET: APIRoute = async ({ props, site }) => {
  const { locale, id } = props as { locale: Locale; id: string };
  const m = await model();
  return eventCalendar(locale, m.eventsOf('projects', id), m.get('projects', id).facts.acronym, site!);
};
