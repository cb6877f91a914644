/** The e-mail version of a monthly newsletter: self-contained HTML a mail tool can send. */
import type { APIRoute } from 'astro';
import { monthPaths, newsletterIssues } from '../../../../data/newsletter.ts';
import { site } from '../../../../data/site.ts';
import { view, img } from '../../../../data/view.ts';
import { bodyHtml } from '../../../../data/body.ts';
import { paths } from '../../../../lib/urls.ts';
import { formatDate, formatMonth } from '../../../../lib/format.ts';
import { newsletterEmail, type EmailFunding } from '../../../../lib/newsletter.ts';
import { unsubscribeTag } from '../../../../lib/newsletter-providers.ts';
import { siteConfig } from '../../../../data/config.ts';
import { localize } from '../../../../lib/model.ts';
import { langTag, type Locale } from '../../../../lib/locales.ts';
import { getImage } from 'astro:assets';

export const getStaticPaths = monthPaths;

export const GET: APIRoute = async ({ props, site: origin }) => {
  const { locale, month } = props as { locale: Locale; month: string };
  const model = await site();
  const v = view(locale, import.meta.env.BASE_URL, origin!);
  const { t } = v;
  const { news } = await newsletterIssues();
  const intro = model.entries.newsletters.get(month);
  const introLoc = intro ? v.loc(intro) : undefined;
  const title = introLoc?.text.title ?? t('newsletter.issue', { month: formatMonth(month, locale) });
  const items = await Promise.all(
    (news.get(month) ?? []).map(async (id) => {
      const n = model.get('news', id);
      const l = v.link(n);
      const cover = n.facts.cover ? await getImage({ src: img(n.facts.cover).src, width: 1104, format: 'jpg' }) : undefined;
      return {
        title: l.name,
        summary: l.summary ?? '',
        date: formatDate(n.facts.date, locale),
        url: new URL(l.href, origin).href,
        image: cover ? new URL(cover.src, origin).href : undefined,
        imageAlt: l.loc.text.coverAlt,
      };
    }),
  );
  // A project's newsletter carries its programmes' funding acknowledgement, each once.
  const programmes = [...new Set((intro?.facts.projects ?? []).map((id) => model.get('projects', id).facts.programme))];
  const funding: EmailFunding[] = programmes.map((id) => {
    const programme = model.get('programmes', id);
    const text = localize(programme, locale).text;
    const emblem = programme.facts.funder === 'european-union' && programme.facts.emblem;
    return {
      emblem: emblem ? { src: v.abs('/klaster/eu-emblem.png'), alt: t('funding.emblemAlt') } : undefined,
      statement: text.statement,
      name: text.fundName ? `${text.name} · ${text.fundName}` : text.name,
      disclaimer: text.disclaimer,
    };
  });
  const unsubscribe = unsubscribeTag(siteConfig.newsletter);
  const html = newsletterEmail({
    lang: langTag(locale),
    siteName: t('site.name'),
    title,
    introHtml: introLoc ? bodyHtml(introLoc.body) : undefined,
    items,
    webUrl: v.abs(paths.newsletter(locale, month)),
    webLabel: t('newsletter.web'),
    readMore: t('common.readMore'),
    footer: unsubscribe ? t('newsletter.footerSubscribed') : t('newsletter.footer'),
    unsubscribe: unsubscribe ? { url: unsubscribe, label: t('newsletter.unsubscribe') } : undefined,
    funding,
  });
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
};
