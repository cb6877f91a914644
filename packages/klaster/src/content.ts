/**
 * Astro's view of the content folder: for each collection, one collection of
 * facts (`<id>/index.yaml`) and one of texts (`<id>/index.<locale>.md(x)`).
 * The schemas are the ones `npm run check` uses (src/lib/content/schemas.ts);
 * lib/site.ts joins facts and texts into entries.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentRoot } from './lib/config.ts';
import { collectionNames, type CollectionName } from './lib/content/fields.ts';
import { factsSchemas, translationSchemas } from './lib/content/schemas.ts';

const root = contentRoot();

function factsCollection(name: CollectionName) {
  return defineCollection({
    loader: glob({
      pattern: '*/index.{yaml,yml}',
      base: `${root}/${name}`,
      generateId: ({ entry }) => entry.split('/')[0],
    }),
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
    schema: translationSchemas[name],
  });
}

export const collections = Object.fromEntries(
  collectionNames.flatMap((name) => [
    [name, factsCollection(name)],
    [`${name}Text`, textsCollection(name)],
  ]),
) as Record<CollectionName | `${CollectionName}Text`, ReturnType<typeof factsCollection>>;
