/**
 * The site configuration for templates: the validated site.yaml (from the
 * virtual module the integration writes) shaped per locale: the navigation,
 * the footer, the logo and the home page's choices.
 */
import config from 'virtual:klaster/config';
import { hero } from 'virtual:klaster/images';
import { localizedText } from '../lib/site/text.ts';
import { siteFileUrl as siteFile } from '../lib/site/theme.ts';
import { paths } from '../lib/urls.ts';
import { displayName, localize } from '../lib/model.ts';
import type { NavItem, SectionName } from '../lib/site/schema.ts';
import { langTag, type Locale } from '../lib/locales.ts';
import type { Translate } from '../lib/i18n.ts';
import type { Site } from './site.ts';

export { config as siteConfig, hero };

export interface NavLink {
  href: string;
  label: string;
  /** The language of the label, when it is not the page's (a page not translated yet). */
  lang?: string;
  external?: boolean;
}

/** Where a section's link leads and its UI string. */
const sectionLinks: Record<SectionName, { path: (l: Locale) => string; label: string }> = {
  clusters: { path: paths.clusters, label: 'nav.clusters' },
  members: { path: paths.members, label: 'nav.members' },
  catalogue: { path: paths.catalogue, label: 'nav.catalogue' },
  projects: { path: paths.projects, label: 'nav.projects' },
  news: { path: paths.newsList, label: 'nav.news' },
  events: { path: paths.events, label: 'nav.events' },
  newsletter: { path: paths.newsletters, label: 'nav.newsletter' },
  search: { path: paths.search, label: 'nav.search' },
};

export const sectionOn = (section: SectionName) => config.sections[section];

/** The menu when site.yaml has no `nav`: home, then every section that is on. */
const defaultNav: NavItem[] = (Object.keys(sectionLinks) as SectionName[]).filter(sectionOn).map((section) => ({ section }));

/** One link of the menu or the footer, in a locale (without the base path; `href` adds it). */
export function navLink(item: NavItem, locale: Locale, t: Translate, model: Site): NavLink {
  const label = localizedText(item.label, locale);
  if ('section' in item) {
    const s = sectionLinks[item.section];
    return { href: s.path(locale), label: label ?? t(s.label) };
  }
  if ('page' in item) {
    const entry = model.get('pages', item.page);
    const own = entry.texts[locale]?.data.title;
    return { href: paths.page(locale, item.page), label: label ?? displayName(localize(entry, locale).text), lang: label || own ? undefined : langTag(entry.source) };
  }
  return { href: item.url, label: label!, external: true };
}

export function mainNav(locale: Locale, t: Translate, model: Site): NavLink[] {
  const items = config.nav ?? defaultNav;
  const home = { href: paths.home(locale), label: t('nav.home') };
  return [...(config.nav ? [] : [home]), ...items.map((item) => navLink(item, locale, t, model))];
}

export function footerLinks(locale: Locale, t: Translate, model: Site): NavLink[] {
  return config.footer.links.map((item) => navLink(item, locale, t, model));
}

export const logo = config.logo ? { src: siteFile(config.logo.file), alt: (l: Locale) => localizedText(config.logo!.alt, l) ?? '' } : undefined;
export const favicon = config.favicon ? siteFile(config.favicon) : undefined;
export const shareImage = config.shareImage ? siteFile(config.shareImage) : undefined;
