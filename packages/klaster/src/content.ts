/**
 * Astro's view of the content folder: for each collection, one collection of
 * facts and one of texts (`<id>/index.<locale>.md(x)`). The facts are the
 * fields of the default language's text, or `<id>/index.yaml` in the older
 * layout (lib/content/layout.ts), read as the check reads them.
 * The schemas are the ones `npm run check` uses (src/lib/content/schemas.ts);
 * lib/site.ts joins facts and texts into entries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentRoot } from './lib/config.ts';
import { collectionNames, type CollectionName } from './lib/content/fields.ts';
import { splitFacts } from './lib/content/layout.ts';
import { factsFileName, factsTextName, listDirs, parseYaml, splitFrontmatter } from './lib/content/read.ts';
import { factsSchemas, translationSchemas } from './lib/content/schemas.ts';
import { defaultLocale } from './lib/locales.ts';

const root = contentRoot();

/** An entry's facts and the file they are in, as the check reads them; undefined when it has none (the check reports it). */
function readFacts(name: CollectionName, id: string): { file: string; data: Record<string, unknown> } | undefined {
  const dir = join(root, name, id);
  const files = readdirSync(dir);
  const yaml = factsFileName(files);
  if (yaml) {
    const file = join(dir, yaml);
    const data = parseYaml(readFileSync(file, 'utf8'), file, [], { content: true });
    return data && { file, data };
  }
  const text = factsTextName(files, defaultLocale);
  if (!text) return undefined;
  const file = join(dir, text);
  const { frontmatter, line } = splitFrontmatter(readFileSync(file, 'utf8'));
  const data = frontmatter === undefined ? {} : parseYaml(frontmatter, file, [], { lineOffset: line, content: true });
  if (!data) return undefined;
  const { facts } = splitFacts(name, data);
  delete facts.id;
  return { file, data: facts };
}

/** The facts of every entry folder of a collection, in either layout. */
function factsLoader(name: CollectionName): Loader {
  return {
    name: 'klaster-facts',
    load: async (context: LoaderContext) => {
      const { store, parseData, generateDigest, watcher, config } = context;
      const base = join(root, name);
      const sync = async (id: string) => {
        const found = readFacts(name, id);
        if (!found) {
          store.delete(id);
          return;
        }
        const digest = generateDigest(found.data);
        const existing = store.get(id);
        if (existing && existing.digest === digest) return;
        const data = await parseData({ id, data: found.data, filePath: found.file });
        store.set({ id, data, digest, filePath: relative(fileURLToPath(config.root), found.file).split(sep).join('/') });
      };
      const ids = listDirs(base);
      for (const id of store.keys()) if (!ids.includes(id)) store.delete(id);
      for (const id of ids) await sync(id);
      if (!watcher) return;
      watcher.add(base);
      const onChange = async (path: string) => {
        const rel = relative(base, path);
        if (rel.startsWith('..')) return;
        const id = rel.split(sep)[0];
        if (!id || id.startsWith('.') || id.startsWith('_')) return;
        if (listDirs(base).includes(id)) await sync(id);
        else store.delete(id);
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', onChange);
    },
  };
}

function factsCollection(name: CollectionName) {
  return defineCollection({
    loader: factsLoader(name),
    // Images keep their file name beside the processed image: texts describe
    // them by file name (imageAlt: { front.jpg: ... }).
    schema: ({ image }) =>
      factsSchemas(() =>
        image().transform((src) => ({ file: String(src).replace(/^.*[\\/]/, ''), src })),
      )[name],
  });
}

function textsCollection(name: CollectionName) {
  return defineCollection({
    loader: glob({
      pattern: '*/index.*.{md,mdx}',
      base: `${root}/${name}`,
      // `<entry id>/<locale>`
      generateId: ({ entry }) => {
        const [id, file] = entry.split('/');
        return `${id}/${file.split('.')[1]}`;
      },
      // Pages render the stored HTML; the raw Markdown would only double the
      // store, which the build holds in memory (a third of it at 10,000 products).
      retainBody: false,
    }),
    // The default language's text may carry the facts too (lib/content/layout.ts): they are read as facts.
    schema: z.preprocess(
      (data) => (data && typeof data === 'object' ? splitFacts(name, data as Record<string, unknown>).texts : data),
      translationSchemas[name],
    ),
  });
}

export const collections = Object.fromEntries(
  collectionNames.flatMap((name) => [
    [name, factsCollection(name)],
    [`${name}Text`, textsCollection(name)],
  ]),
) as Record<CollectionName | `${CollectionName}Text`, ReturnType<typeof factsCollection>>;
