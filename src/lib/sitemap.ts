/**
 * Corrections to the sitemap @astrojs/sitemap writes with its i18n option,
 * which lists every locale's address of a page as a translation:
 * - a page showing another locale's text (its canonical link points at the
 *   original) is not a translation: it leaves the sitemap, and the
 *   alternates that name it go too;
 * - the root language picker is listed as the default locale's page
 *   (two "en" alternates per entry); it is the x-default.
 * The sitemap's XML is the plugin's own, one element per tag, so plain
 * matching of its elements is enough.
 */

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");

/** The <loc> of every <url> of a sitemap. */
export function sitemapUrls(xml: string): string[] {
  return [...xml.matchAll(/<url>\s*<loc>([^<]*)<\/loc>/g)].map((m) => decode(m[1]));
}

export function pruneSitemap(xml: string, options: { drop: ReadonlySet<string>; xDefault?: string }): string {
  const { drop, xDefault } = options;
  return xml
    .replace(/<url>[\s\S]*?<\/url>/g, (block) => {
      const loc = /<loc>([^<]*)<\/loc>/.exec(block)?.[1];
      return loc !== undefined && drop.has(decode(loc)) ? '' : block;
    })
    .replace(/<xhtml:link\b[^>]*\/>/g, (link) => {
      const href = /\shref="([^"]*)"/.exec(link)?.[1];
      if (href === undefined) return link;
      if (drop.has(decode(href))) return '';
      if (xDefault !== undefined && decode(href) === xDefault) return link.replace(/\shreflang="[^"]*"/, ' hreflang="x-default"');
      return link;
    });
}

/** The canonical address a page's HTML names, if any. */
export function canonicalOf(html: string): string | undefined {
  const tag = /<link\b[^>]*\brel="canonical"[^>]*>/.exec(html)?.[0];
  const href = tag && /\shref="([^"]*)"/.exec(tag)?.[1];
  return href === undefined ? undefined : decode(href);
}
