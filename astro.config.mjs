// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { basePath, cacheDir, siteUrl } from './src/lib/config.ts';
import { defaultLocale, langTag, localeCodes } from './src/lib/locales.ts';
import klaster from './src/integrations/klaster.ts';
import pagefind from './src/integrations/pagefind.ts';
import headers from './src/integrations/headers.ts';
import sitemapFallbacks from './src/integrations/sitemap-fallbacks.ts';
import contentStore from './src/integrations/content-store.ts';
import contentImages from './src/integrations/content-images.ts';
import { bodyProcessorOptions } from './src/lib/content/sanitize.ts';
import { mdxComponentNames } from './src/lib/mdx-components.ts';

export default defineConfig({
  site: siteUrl(),
  base: basePath(),
  trailingSlash: 'always',
  // The build script writes into a temporary folder and swaps it in, so a
  // failed build never leaves a half-written dist/.
  outDir: process.env.KLASTER_OUT_DIR || './dist',
  // Processed images and the content cache live here and are reused by the
  // next build; tests give each fixture its own.
  cacheDir: cacheDir(),
  // Stylesheets as files, never inline: the Content-Security-Policy forbids inline code.
  // Four pages at a time: one at a time, the build waited on file writes for
  // about 30% of the rendering (profile at 1,000 products: rendering 27.7 ->
  // 20.4 s; 8 was no faster). The pages written are the same bytes.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  image: {
    service: {
      entrypoint: 'astro/assets/services/sharp',
      // AVIF at a low effort: a fraction of the encoding time for a few per cent in size.
      config: { avif: { effort: 2 }, webp: { effort: 4 }, jpeg: { mozjpeg: true } },
    },
  },
  // Pages whose cacheKey (src/lib/cache-keys.ts) and code are unchanged are
  // copied from the last build instead of rendered again.
  experimental: { incrementalBuild: true },
  // Bodies are held to one allow-list (src/lib/content/sanitize.ts): the raw
  // HTML of Markdown is parsed, then sanitised; MDX below gets the same.
  markdown: { processor: satteri(bodyProcessorOptions('markdown')) },
  i18n: {
    locales: [...localeCodes],
    defaultLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [
    klaster(),
    contentStore(),
    contentImages(),
    mdx({ processor: satteri(bodyProcessorOptions('mdx', { components: mdxComponentNames })) }),
    pagefind(),
    headers(),
    // The sitemap's language alternates are written by sitemapFallbacks:
    // the i18n option of @astrojs/sitemap compares every address with every
    // other (28 s at 74,000 pages) and lists fallback pages as translations.
    // Without the i18n option the plugin no longer knows the locales' 404 pages.
    sitemap({ filter: (page) => !localeCodes.some((code) => page.endsWith(`/${code}/404/`)) }),
    sitemapFallbacks({ defaultLocale, hreflang: Object.fromEntries(localeCodes.map((code) => [code, langTag(code)])) }),
  ],
});
