/**
 * Klaster as an Astro integration. A site's astro.config.mjs is one line:
 *
 *     import { defineKlasterConfig } from 'klaster';
 *     export default defineKlasterConfig();
 *
 * `defineKlasterConfig` returns the whole Astro configuration Klaster needs
 * (routing, i18n, images, the incremental build, the integrations below);
 * `klaster()` is the integration itself, which injects every route of
 * src/routes/ and runs the checks before a build.
 */
import type { AstroIntegration, AstroUserConfig } from 'astro';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { basePath, cacheDir, siteUrl } from './src/lib/config.ts';
import { defaultLocale, langTag, localeCodes } from './src/lib/locales.ts';
import checks from './src/integrations/klaster.ts';
import pagefind from './src/integrations/pagefind.ts';
import headers from './src/integrations/headers.ts';
import imageServer from './src/integrations/image-server.ts';
import admin from './src/integrations/admin.ts';
import { adminContentSecurityPolicy } from './src/lib/cms/admin.ts';
import devPreview from './src/integrations/dev-check.ts';
import sitemapFallbacks from './src/integrations/sitemap-fallbacks.ts';
import contentStore from './src/astro-internals/content-store.ts';
import contentImages from './src/astro-internals/content-images.ts';
import guard from './src/astro-internals/guard.ts';
import { routeFiles } from './src/integrations/routes.ts';
import { virtualModules } from './src/integrations/virtual.ts';
import { loadSiteConfig } from './src/lib/site/load.ts';
import { formActionOrigin } from './src/lib/newsletter-providers.ts';
import { routeEnabled } from './src/lib/site/sections.ts';
import { formatProblems } from './src/lib/content/problems.ts';
import { bodyProcessorOptions } from './src/lib/content/sanitize.ts';
import { mdxComponentNames } from './src/lib/mdx-components.ts';
import { SERVICE_CONFIG } from './src/lib/image-plan.ts';
import { imageServerConfig, imageServerOrigin } from './src/lib/image-server.ts';

/** The package's folder: routes, components and UI strings are read from here. */
const packageRoot = new URL('../', import.meta.url);

export function klaster(): AstroIntegration {
  return {
    name: 'klaster',
    hooks: {
      'astro:config:setup': ({ injectRoute, updateConfig }) => {
        const loaded = loadSiteConfig();
        if (!loaded.config) {
          // `klaster build` checks the configuration before Astro starts; this is `astro dev` or `astro build` run directly.
          throw new Error(`The site configuration has problems:\n${formatProblems(loaded.problems)}\nRun \`klaster check\` after fixing them.`);
        }
        const config = loaded.config;
        // A section that is switched off has no routes at all.
        for (const route of routeFiles(new URL('src/routes/', packageRoot))) {
          if (routeEnabled(route.pattern, config.sections)) {
            injectRoute({ pattern: route.pattern, entrypoint: route.entrypoint, prerender: true });
          }
        }
        updateConfig({
          vite: {
            // The package ships TypeScript and .astro sources: Vite compiles them
            // like the site's own, also when installed from npm.
            ssr: { noExternal: ['klaster'] },
            plugins: [virtualModules(config, loaded.root)],
          },
        });
      },
    },
  };
}

/** The environment's variables that are set (an empty one does not override site.yaml). */
function definedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => !!e[1]));
}

/** The Astro configuration of a Klaster site; `overrides` are merged on top (shallowly). */
export function defineKlasterConfig(overrides: AstroUserConfig = {}): AstroUserConfig {
  const store = contentStore();
  const images = contentImages();
  // The origin and base path: the environment (CI, previews), else site.yaml.
  // A configuration with problems is reported by the integration above.
  const config = loadSiteConfig().config;
  return {
    site: siteUrl({ KLASTER_SITE: config?.url, ...definedEnv() }),
    base: basePath({ KLASTER_BASE: config?.base, ...definedEnv() }),
    trailingSlash: 'always',
    // The build command writes into a temporary folder and swaps it in, so a
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
      // Astro's sharp service, making all the files of a source from one
      // decoding of it, with the encoder settings of the image plan
      // (src/astro-internals/image-service.ts, src/lib/image-plan.ts). By
      // the package's name, not a path: Astro names every processed image
      // after a hash that includes the entrypoint, and a path would make the
      // names depend on the folder the site is built in.
      service: { entrypoint: 'klaster/image-service', config: SERVICE_CONFIG },
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
    ...overrides,
    integrations: [
      klaster(),
      checks(),
      store,
      images,
      mdx({ processor: satteri(bodyProcessorOptions('mdx', { components: mdxComponentNames })) }),
      pagefind(),
      // Before headers: the image server's origin joins the Content-Security-Policy.
      imageServer(config?.images),
      admin(config?.cms),
      headers({
        formOrigin: formActionOrigin(config?.newsletter),
        imageOrigin: imageServerOrigin(imageServerConfig(config?.images, { base: '/' })),
        adminPolicy: config?.cms ? adminContentSecurityPolicy(config.cms) : undefined,
      }),
      devPreview(),
      // The sitemap's language alternates are written by sitemapFallbacks:
      // the i18n option of @astrojs/sitemap compares every address with every
      // other (28 s at 74,000 pages) and lists fallback pages as translations.
      // Without the i18n option the plugin no longer knows the locales' 404 pages.
      // Nor the shortlist (built by a script) and the GS1 Digital Link pages (they lead to product pages).
      sitemap({
        filter: (page) => !localeCodes.some((code) => page.endsWith(`/${code}/404/`) || page.endsWith(`/${code}/shortlist/`)) && !/\/01\/\d+\/$/.test(page),
      }),
      sitemapFallbacks({ defaultLocale, hreflang: Object.fromEntries(localeCodes.map((code) => [code, langTag(code)])) }),
      ...(overrides.integrations ?? []),
      // Last: checks what all the others wrote.
      guard({ copiedImages: images.copiedImages, storeAnswered: store.storeAnswered }),
    ],
  };
}

export default klaster;
