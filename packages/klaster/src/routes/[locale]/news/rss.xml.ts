import type { APIRoute } from 'astro';
import { eachLocale, newsFeed } from '../../../data/feeds.ts';
import { site as model } from '../../../data/site.ts';
import { translator } from '../../../lib/i18n.ts';
import type { Locale } from '../../../lib/locales.ts';
import { paths } from '../../../lib/urls.ts';

export const getStaticPaths = eachLocale;
export const GET: APIRoute = async ({ props, site }) => {
  const { locale } = props as { locale: Locale };
  const t = translator(locale);
  const ids = (await model()).all('news').map((n) => n.id);
  return newsFeed(locale, ids, `${t('site.name')}: ${t('news.listTitle')}`, t('news.listIntro'), paths.newsList(locale), site!);
};
