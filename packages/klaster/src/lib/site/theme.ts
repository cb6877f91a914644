/**
 * The site's stylesheet of settings (/klaster/theme.css): its colours as the
 * custom properties global.css uses, and its own fonts, served from the
 * site (no request to another host).
 */
import { basename } from 'node:path';
import type { SiteConfig } from './schema.ts';

/** Where a font file of the configuration is served, under /klaster/site/. */
export const siteFileUrl = (file: string) => `/klaster/site/${basename(file)}`;

const FORMAT: Record<string, string> = { woff2: 'woff2', woff: 'woff' };

export function themeCss(config: SiteConfig, href: (path: string) => string): string {
  const out: string[] = [];
  const families: Partial<Record<'body' | 'headings', string>> = {};
  for (const role of ['body', 'headings'] as const) {
    const font = config.fonts?.[role];
    if (!font) continue;
    families[role] = font.family;
    for (const f of font.files) {
      const ext = f.file.split('.').pop()!.toLowerCase();
      out.push(
        `@font-face { font-family: ${JSON.stringify(font.family)}; src: url(${JSON.stringify(href(siteFileUrl(f.file)))}) format("${FORMAT[ext]}"); font-weight: ${f.weight}; font-style: ${f.style}; font-display: swap; }`,
      );
    }
  }
  const vars = [`--brand: ${config.theme.brand};`, `--accent: ${config.theme.accent};`];
  if (families.body) vars.push(`--font-body: ${JSON.stringify(families.body)}, system-ui, sans-serif;`);
  if (families.headings) vars.push(`--font-headings: ${JSON.stringify(families.headings)}, system-ui, sans-serif;`);
  // html:root outweighs the :root of global.css, whichever stylesheet comes first.
  out.push(`html:root { ${vars.join(' ')} }`);
  return `${out.join('\n')}\n`;
}
