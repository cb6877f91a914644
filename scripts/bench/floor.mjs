/**
 * The floor: the least an Astro build of the same Markdown can cost. A
 * minimal Astro project, written into the benchmark's temporary folder,
 * with one glob-loader collection over the corpus's index.<locale>.md files
 * and one bare page per file (no components, no layout file, no images),
 * built with the same Astro as Klaster.
 *
 * The project has no package.json of its own: its node_modules is a
 * symbolic link to Klaster's, so it runs exactly Klaster's Astro. Its caches
 * (Astro's and Vite's) stay inside the temporary folder.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
export const REPO = join(import.meta.dirname, '..', '..');

export function astroBin() {
  return join(dirname(require.resolve('astro/package.json', { paths: [REPO] })), 'bin', 'astro.mjs');
}

export function pagefindBin() {
  // pagefind's exports map hides its package.json from require.resolve.
  const dir = join(REPO, 'node_modules', 'pagefind');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.pagefind;
  return join(dir, bin);
}

/** Writes the floor project into `dir`, reading Markdown from `content`. */
export function writeFloor(dir, content) {
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  const modules = join(dir, 'node_modules');
  if (!existsSync(modules)) symlinkSync(join(REPO, 'node_modules'), modules, 'dir');
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://floor.example',
  trailingSlash: 'always',
  outDir: ${JSON.stringify(join(dir, 'dist'))},
  cacheDir: ${JSON.stringify(join(dir, '.astro-cache'))},
  build: { format: 'directory' },
  vite: { cacheDir: ${JSON.stringify(join(dir, '.vite-cache'))}, logLevel: 'warn' },
});
`,
  );
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  pages: defineCollection({
    loader: glob({
      pattern: '*/*/index.*.md',
      base: ${JSON.stringify(content)},
      // products/<id>/index.en.md -> products/<id>/en
      generateId: ({ entry }) => entry.replace(/\\/index\\.([^.]+)\\.md$/, '/$1'),
    }),
  }),
};
`,
  );
  writeFileSync(
    join(dir, 'src', 'pages', '[...slug].astro'),
    `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const pages = await getCollection('pages');
  return pages.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
const title = entry.data.name ?? entry.data.title ?? entry.id;
const lang = entry.id.slice(entry.id.lastIndexOf('/') + 1);
---
<!doctype html>
<html lang={lang}>
  <head><meta charset="utf-8" /><title>{title}</title></head>
  <body><main data-pagefind-body><h1>{title}</h1><p>{entry.data.summary}</p><Content /></main></body>
</html>
`,
  );
  return { root: dir, dist: join(dir, 'dist') };
}
