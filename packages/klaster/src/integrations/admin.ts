/**
 * /admin/, when site.yaml enables the editor (`cms:`): Decap CMS's page, its
 * configuration generated from the schemas, and Decap's own bundle copied
 * from the npm package (lib/cms/admin.ts). Written once the pages are, so
 * it is no page of the site: not in the sitemap, the search index or feeds.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ADMIN_FOLDER, adminConfigFile, adminPage, DECAP_SCRIPT, DECAP_VERSION } from '../lib/cms/admin.ts';
import type { CmsSetting } from '../lib/cms/setting.ts';
import { contentRoot } from '../lib/config.ts';
import { siteConfigPath } from '../lib/site/paths.ts';

/**
 * Where the npm package's bundle is. decap-cms is an optional peer
 * dependency (about 650 packages): only a site with a `cms:` block installs it.
 */
export function decapBundle(from: string = import.meta.url): string {
  try {
    return createRequire(from).resolve(`decap-cms/dist/${DECAP_SCRIPT}`);
  } catch {
    throw new Error(
      `site.yaml: cms: the browser editor (Decap CMS) is not installed.\nFix: run \`npm install decap-cms@${DECAP_VERSION}\` in the site's folder and commit package.json and package-lock.json, or remove the cms: block.`,
    );
  }
}

/** Writes /admin/ into a built site (`dir`). */
export function writeAdmin(dir: string, setting: CmsSetting, siteRoot: string = process.cwd()): void {
  const admin = join(dir, ADMIN_FOLDER);
  mkdirSync(admin, { recursive: true });
  writeFileSync(join(admin, 'index.html'), adminPage());
  writeFileSync(join(admin, 'config.yml'), adminConfigFile(setting, { siteRoot, contentRoot: contentRoot(), siteFile: siteConfigPath() }));
  // The bundle loads its chunks (languages, the Markdown editor...) and WebAssembly files from beside it.
  const dist = dirname(decapBundle());
  for (const file of decapFiles(readdirSync(dist))) copyFileSync(join(dist, file), join(admin, file));
}

/** The files of Decap's dist folder /admin/ serves: the bundle, its chunks, its WebAssembly and its licence notice (no source maps, no second build). */
export function decapFiles(names: readonly string[]): string[] {
  return names.filter((n) => /^(?:\d+\.)?decap-cms\.js$/.test(n) || /^[0-9a-f]+\.wasm$/.test(n) || n === `${DECAP_SCRIPT}.LICENSE.txt`).sort();
}

export default function admin(setting: CmsSetting | undefined): AstroIntegration {
  return {
    name: 'klaster-admin',
    hooks: {
      // Before any page is built: a site asking for the editor without it installed fails at once.
      'astro:config:setup': () => {
        if (setting) decapBundle();
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!setting) return;
        writeAdmin(fileURLToPath(dir), setting);
        logger.info(`Wrote /${ADMIN_FOLDER}/: the editor (Decap CMS) with its configuration from the content schemas`);
      },
    },
  };
}
