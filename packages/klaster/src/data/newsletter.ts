/** The newsletter's months and each month's news, computed once per build. */
import { site, type Site } from './site.ts';
import { monthOf, newsletterMonths } from '../lib/newsletter.ts';
import { builtLocales } from '../lib/locales.ts';

export interface Issues {
  months: string[];
  news: Map<string, string[]>;
}

let issues: Promise<Issues> | undefined;

function build(model: Site): Issues {
  const news = new Map<string, string[]>();
  const sorted = model.all('news').sort((a, b) => (a.facts.date < b.facts.date ? 1 : a.facts.date > b.facts.date ? -1 : a.id < b.id ? -1 : 1));
  for (const item of sorted) {
    const month = monthOf(item.facts.date);
    news.set(month, [...(news.get(month) ?? []), item.id]);
  }
  const months = newsletterMonths(sorted.map((n) => n.facts.date), [...model.entries.newsletters.keys()]);
  return { months, news };
}

export function newsletterIssues(): Promise<Issues> {
  issues ??= site().then(build);
  return issues;
}

export async function monthPaths() {
  const { months } = await newsletterIssues();
  return builtLocales.flatMap((locale) => months.map((month) => ({ params: { locale, month }, props: { locale, month } })));
}
