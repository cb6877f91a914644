import type { APIRoute } from 'astro';
import { projectPaths } from '../../../../data/project.ts';
import { newsFeed } from '../../../../data/feeds.ts';
import { site as model } from '../../../../data/site.ts';
import { localize } from '../../../../lib/model.ts';
import type { Locale } from '../../../../lib/locales.ts';
import { paths } from '../../../../lib/urls.ts';

export const getStaticPaths = projectPaths;
export const GET: APIRoute = async ({ props, site }) => {
  const { locale, id } = props as { locale: Locale; id: string };
  const m = await model();
  const project = m.get('projects', id);
  const text = localize(project, locale).text;
  return newsFeed(locale, m.newsOf('projects', id), `${project.facts.acronym}: ${text.name}`, text.summary, paths.projectNews(locale, id), site!);
};
