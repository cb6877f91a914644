/**
 * The content check: validates every entry against the schemas and the
 * integrity rules that span entries, and lists every problem in one run.
 * `npm run check` prints its result; the build runs it before anything else.
 */
import { existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join, relative, resolve, sep } from 'node:path';
import { z } from 'astro/zod';
import { defaultLocale, isLocale, localeCodes, slugHint, usesCommaBelow, writtenLocales, type Locale } from '../locales.ts';
import { slugify } from '../transliterate.ts';
import { contrastRatio, MIN_CONTRAST, PAGE_BACKGROUND } from '../colour.ts';
import { collectionNames, isoDate, referenceRegistry, refId, SLUG, type CollectionName } from './fields.ts';
import {
  factsSchemas,
  requiredInEveryLocale,
  textSchemas,
  translationSchemas,
  type Facts,
  type Text,
} from './schemas.ts';
import { isFile, readContent, type RawEntry } from './read.ts';
import { hasTextFields, splitFacts } from './layout.ts';
import { closestId, describeName, info, problem, problemsFromZod, showInvisible, warning, type Problem } from './problems.ts';
import { isScheduled } from '../model.ts';
import { checkMdxBody, contextProject, findComponentUses, markdownImages, markdownImagesWithLines, mdxComponentNames, type ProjectFacts } from '../mdx-components.ts';
import { markupWarnings } from './sanitize-check.ts';
import { PLACEHOLDER_BODY } from './scaffold.ts';
import { IMAGE_EXTENSIONS, imageFileProblem, narrowImageWarning, readImageFile, type ImageHeader } from './image-file.ts';

/** An image as the schemas give it: its file name, and what renders it
 * (Astro's image metadata in the build, the file name in the check). */
export interface ImageRef<S = unknown> {
  file: string;
  src: S;
}

export { IMAGE_EXTENSIONS };

/** What a file name may not hold to be part of an address: the build reads `?`, `#` and `%` as URL syntax and cannot find the file. */
const NOT_IN_ADDRESS = /[?#%]/;
const renameAddress = 'has ?, # or % in its name, which an address reads as something else; rename the file (letters, digits, hyphens)';

export interface CheckedText<C extends CollectionName> {
  file: string;
  ext: 'md' | 'mdx';
  data: Partial<Text<C>>;
  body: string;
}

export interface CheckedEntry<C extends CollectionName = CollectionName> {
  collection: C;
  id: string;
  dir: string;
  facts: Facts<C>;
  texts: Partial<Record<Locale, CheckedText<C>>>;
}

export type CheckedContent = { [C in CollectionName]: Map<string, CheckedEntry<C>> };

export interface CheckResult {
  errors: Problem[];
  warnings: Problem[];
  /** What the build will do that an editor may not expect: news scheduled for a later day. */
  infos: Problem[];
  content: CheckedContent;
  /** How many images the facts name (the build must publish them). */
  images: number;
}

interface ImageState {
  /** The entry's folder, absolute. */
  dir: string;
  images: number;
  /** The header of every image the facts name that the build can use, by absolute path. */
  headers: Map<string, ImageHeader>;
}

/**
 * The image factory of the check: a file name that must exist beside the
 * entry, and hold a picture of the format its name says (image-file.ts).
 */
function checkImageFactory(state: ImageState) {
  return () =>
    z.string({ error: 'expected the file name of an image beside the entry' }).superRefine((file, ctx) => {
      const ext = file.split('.').pop()?.toLowerCase() ?? '';
      if (!IMAGE_EXTENSIONS.includes(ext)) {
        ctx.addIssue({ code: 'custom', message: `not an image file; use ${IMAGE_EXTENSIONS.join(', ')}` });
        return;
      }
      if (NOT_IN_ADDRESS.test(file)) {
        ctx.addIssue({ code: 'custom', message: renameAddress });
        return;
      }
      if (!file.includes('/') && existsSync(join(state.dir, file)) && !isFile(join(state.dir, file))) {
        ctx.addIssue({ code: 'custom', message: 'is a folder, not an image file' });
        return;
      }
      const path = join(state.dir, file);
      const image = file.includes('/') ? { kind: 'missing' as const } : readImageFile(path);
      const message = image.kind === 'missing' ? 'no such file beside the entry' : imageFileProblem(file, image);
      if (message) ctx.addIssue({ code: 'custom', message });
      else if (image.kind === 'image') state.headers.set(path, image.header);
    }).transform((file) => {
      state.images++;
      return { file, src: file };
    });
}

type Path = (string | '*')[];

/** Where a schema holds references: paths such as partners.*.organisation. */
export function referencePaths(schema: z.ZodType): { path: Path; to: CollectionName }[] {
  const found: { path: Path; to: CollectionName }[] = [];
  const walk = (s: z.ZodType, path: Path) => {
    const meta = referenceRegistry.get(s);
    if (meta) {
      found.push({ path, to: meta.to });
      return;
    }
    const def = (s as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    switch (def.type) {
      case 'object':
        for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) walk(child, [...path, key]);
        break;
      case 'array':
        walk(def.element as z.ZodType, [...path, '*']);
        break;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
        walk(def.innerType as z.ZodType, path);
        break;
      case 'pipe':
        walk(def.in as z.ZodType, path);
        break;
      case 'union':
        for (const option of def.options as z.ZodType[]) walk(option, path);
        break;
    }
  };
  walk(schema, []);
  return found;
}

function valuesAt(data: unknown, path: Path, prefix = ''): { field: string; value: unknown }[] {
  if (path.length === 0) return data === undefined ? [] : [{ field: prefix, value: data }];
  const [head, ...rest] = path;
  if (data === null || typeof data !== 'object') return [];
  if (head === '*') {
    if (!Array.isArray(data)) return [];
    return data.flatMap((item, i) => valuesAt(item, rest, `${prefix}[${i}]`));
  }
  const next = (data as Record<string, unknown>)[head];
  return valuesAt(next, rest, prefix ? `${prefix}.${head}` : head);
}

function keysOf(schema: z.ZodType): Set<string> {
  let s = schema as unknown as { _zod: { def: Record<string, unknown> } };
  while (s._zod.def.type !== 'object') s = s._zod.def.innerType as typeof s;
  return new Set(Object.keys(s._zod.def.shape as object));
}

const CEDILLA = /[şţŞŢ]/;

function findStrings(value: unknown, path: string, out: { field: string; text: string }[]) {
  if (typeof value === 'string') out.push({ field: path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => findStrings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) findStrings(v, path ? `${path}.${k}` : k, out);
  }
}

export interface CheckOptions {
  /** The day the build is for, YYYY-MM-DD: expired certificates are judged by it. */
  today: string;
}

/** Checks an already read list of entries. */
export function checkEntries(root: string, raw: RawEntry[], readProblems: Problem[], options: CheckOptions): CheckResult {
  const errors: Problem[] = [...readProblems.filter((p) => p.severity === 'error')];
  const warnings: Problem[] = [...readProblems.filter((p) => p.severity === 'warning')];
  const infos: Problem[] = [];
  const imageState: ImageState = { dir: root, images: 0, headers: new Map() };
  const facts = factsSchemas(checkImageFactory(imageState));
  const content = Object.fromEntries(collectionNames.map((c) => [c, new Map()])) as CheckedContent;
  const refPaths = Object.fromEntries(
    collectionNames.map((c) => [c, referencePaths(facts[c] as z.ZodType)]),
  ) as Record<CollectionName, ReturnType<typeof referencePaths>>;

  // Ids: a lowercase ASCII slug, one entry per id.
  const seenIds = new Map<string, string>();
  for (const entry of raw) {
    const sourceHint = typeof entry.facts?.sourceLocale === 'string' ? entry.facts.sourceLocale : undefined;
    if (!SLUG.test(entry.id)) {
      const suggestion = slugify(entry.id, slugHint(sourceHint));
      errors.push(
        problem(
          entry.dir,
          undefined,
          `the id "${describeName(entry.id)}" is not a lowercase ASCII slug (letters a-z, digits, single hyphens); rename the folder to "${suggestion || 'a-latin-name'}"`,
        ),
      );
    }
    const key = `${entry.collection}/${entry.id.normalize('NFC').toLowerCase()}`;
    const other = seenIds.get(key);
    if (other) {
      errors.push(
        problem(entry.dir, undefined, `two entries with one id: ${showInvisible(other)} and ${showInvisible(entry.dir)} are the same id; rename one of them`),
      );
    } else seenIds.set(key, entry.dir);
  }

  for (const entry of raw) {
    const c = entry.collection;
    const factsKeys = keysOf(facts[c] as z.ZodType);
    const textKeys = keysOf(textSchemas[c]);
    if (entry.facts === undefined) continue;

    // Facts that belong in a text file, and the reverse.
    const factsData = { ...entry.facts };
    for (const key of Object.keys(factsData)) {
      if (textKeys.has(key) && !factsKeys.has(key)) {
        errors.push(
          problem(entry.factsFile, key, `is translatable text; write it in each index.<locale>.md, not in index.yaml`),
        );
        delete factsData[key];
      }
    }
    imageState.dir = join(root, entry.dir);
    const parsedFacts = (facts[c] as z.ZodType).safeParse(factsData);
    if (!parsedFacts.success) errors.push(...problemsFromZod(entry.factsFile, parsedFacts.error, factsData));
    const rawSource = entry.facts.sourceLocale ?? defaultLocale;
    const sourceLocale = (typeof rawSource === 'string' && isLocale(rawSource) ? rawSource : defaultLocale) as Locale;
    const f = (parsedFacts.success ? parsedFacts.data : { sourceLocale }) as Facts<typeof c> & { sourceLocale: Locale };
    const checked: CheckedEntry = { collection: c, id: entry.id, dir: entry.dir, facts: f as never, texts: {} };
    let textsValid = true;
    const present = new Set(entry.texts.map((t) => t.locale));

    for (const text of entry.texts) {
      if (!isLocale(text.locale)) {
        errors.push(
          problem(
            text.file,
            undefined,
            `a translation for the locale "${describeName(text.locale)}", which is not configured; the locales are ${localeCodes.join(', ')} (rename the file, or add the locale to locales in site.yaml)`,
          ),
        );
        continue;
      }
      const data = { ...text.data };
      for (const key of Object.keys(data)) {
        if (factsKeys.has(key) && !textKeys.has(key)) {
          // The editor at /admin/ may copy a fact into a translation's file (Decap's relation widget does): the same value is no second fact.
          if (entry.layout === 'text' && isDeepStrictEqual(data[key], entry.facts[key])) {
            delete data[key];
            continue;
          }
          errors.push(
            problem(
              text.file,
              key,
              entry.layout === 'text'
                ? `is a language-neutral fact; write it once in ${entry.factsFile.slice(entry.dir.length + 1)} (the default language's file), not in a translation`
                : `is a language-neutral fact; write it once in index.yaml, not in a translation file`,
            ),
          );
          delete data[key];
        }
      }
      const isSource = text.locale === f.sourceLocale;
      const schema = isSource ? textSchemas[c] : translationSchemas[c];
      if (text.invalid) {
        // The YAML did not parse: already reported.
        textsValid = false;
        continue;
      }
      const parsed = (schema as z.ZodType).safeParse(data);
      if (!parsed.success) {
        errors.push(...problemsFromZod(text.file, parsed.error, data));
        textsValid = false;
        continue;
      }
      if (text.body.split('\n').some((line) => line.trim() === PLACEHOLDER_BODY)) {
        errors.push(problem(text.file, 'body', 'is still the placeholder npm run new wrote; write the text of the page in its place (or delete the line for a page with no text)'));
      }
      checked.texts[text.locale] = { file: text.file, ext: text.ext, data: parsed.data as never, body: text.body };
    }

    if (!present.has(f.sourceLocale) && entry.layout === 'text' && entry.factsFile.startsWith(`${entry.dir}/index.${f.sourceLocale}.`)) {
      errors.push(
        problem(
          entry.factsFile,
          undefined,
          `has the facts but no text: the entry's source language is ${f.sourceLocale} (sourceLocale), so write its text fields here too, or set sourceLocale to the language it is written in`,
        ),
      );
    } else if (!present.has(f.sourceLocale)) {
      errors.push(
        problem(
          `${entry.dir}/index.${f.sourceLocale}.md`,
          undefined,
          `missing: the entry's source language is ${f.sourceLocale} (sourceLocale${f.sourceLocale === defaultLocale ? ', English by default' : ''}), so this file must exist with every required field`,
        ),
      );
    }
    for (const field of requiredInEveryLocale[c] ?? []) {
      for (const l of writtenLocales) {
        const t = checked.texts[l];
        if (!textsValid) break;
        if (!t || !(t.data as Record<string, unknown>)[field]) {
          errors.push(
            problem(t?.file ?? `${entry.dir}/index.${l}.md`, field, `is required in every language (a legal text); write it in ${l}`),
          );
        }
      }
    }
    if (!parsedFacts.success || !textsValid) continue;
    checkEntryRules(checked, entry, options, errors, infos);
    (content[c] as Map<string, CheckedEntry>).set(entry.id, checked);
  }

  // References to entries that do not exist. Entries that failed their own
  // checks still exist: a reference to them is not reported twice.
  const existing = new Set(raw.map((r) => `${r.collection}/${r.id}`));
  const idsOf = (to: CollectionName) => raw.filter((r) => r.collection === to).map((r) => r.id);
  for (const entry of raw) {
    for (const { path, to } of refPaths[entry.collection]) {
      for (const { field, value: written } of valuesAt(entry.facts, path)) {
        const value = typeof written === 'string' ? refId(written) : written;
        if (typeof value === 'string' && SLUG.test(value) && !existing.has(`${to}/${value}`)) {
          const guess = closestId(value, idsOf(to));
          errors.push(
            problem(
              entry.factsFile,
              field,
              `refers to "${value}", but there is no ${to}/${value}; ${guess ? `did you mean "${describeName(guess)}"? Otherwise create the entry` : 'check the spelling or create the entry'}`,
            ),
          );
        }
      }
    }
  }
  checkComponents(raw, content, errors, warnings);
  makersWithoutEmail(raw, content, warnings);
  for (const entry of raw) checkBodyImages(root, entry, errors);
  for (const entry of raw) entryWarnings(root, entry, options, imageState.headers, warnings);
  return { errors, warnings, infos, content, images: imageState.images };
}

/**
 * A maker of products without an e-mail of its own: visitors' enquiries
 * about its products ("Request a quote", the shortlist) go to its cluster's
 * e-mail, else the site's (footer.email), which must forward them.
 */
function makersWithoutEmail(raw: RawEntry[], content: CheckedContent, warnings: Problem[]) {
  const makers = new Set([...content.products.values()].map((p) => p.facts.maker));
  for (const entry of raw) {
    if (entry.collection !== 'organisations' || !makers.has(entry.id)) continue;
    const org = content.organisations.get(entry.id);
    if (org && !org.facts.email) {
      warnings.push(
        warning(
          entry.factsFile,
          'email',
          "is missing, and this member makes products: visitors' enquiries about them go to its cluster's e-mail, else the site's (footer.email in site.yaml); add the member's own address, such as email: sales@example.org",
        ),
      );
    }
  }
}

/**
 * Warnings, found in what an entry's files say whether or not they have
 * errors: an editor fixing a file sees everything that is wrong with it.
 */
function entryWarnings(root: string, entry: RawEntry, options: CheckOptions, headers: ReadonlyMap<string, ImageHeader>, warnings: Problem[]) {
  for (const text of entry.texts) {
    if (!usesCommaBelow(text.locale) || text.invalid) continue;
    const strings: { field: string; text: string }[] = [];
    findStrings(text.data, '', strings);
    strings.push({ field: 'body', text: text.body });
    for (const s of strings.filter((s) => CEDILLA.test(s.text))) {
      warnings.push(warning(text.file, s.field, 'Romanian cedilla letters (ş, ţ) found; write comma-below ș, ț (the build converts them)'));
    }
  }
  if (entry.collection === 'products' && Array.isArray(entry.facts?.certifications)) {
    (entry.facts.certifications as unknown[]).forEach((cert, i) => {
      const { scheme, validUntil } = (cert ?? {}) as { scheme?: unknown; validUntil?: unknown };
      const until = isoDate.safeParse(validUntil);
      if (until.success && until.data < options.today) {
        warnings.push(
          warning(entry.factsFile, `certifications[${i}].validUntil`, `the ${typeof scheme === 'string' ? scheme : 'product'} certificate expired on ${until.data}; it is shown as expired`),
        );
      }
    });
  }
  // Product images narrower than the widest size the pages offer.
  if (entry.collection === 'products' && Array.isArray(entry.facts?.images)) {
    (entry.facts.images as unknown[]).forEach((file, i) => {
      const header = typeof file === 'string' ? headers.get(join(root, entry.dir, file)) : undefined;
      const narrow = header && narrowImageWarning(header);
      if (narrow) warnings.push(warning(entry.factsFile, `images[${i}]`, `found "${describeName(String(file))}"; ${narrow}`));
    });
  }
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The Markdown images of every text (`![description](./photo.jpg)`, in a
 * Figure or not), which the build processes as it does the images of
 * index.yaml: each must exist and hold a picture of the format its name
 * says. Images on other sites and at addresses of the site are left alone.
 */
function checkBodyImages(root: string, entry: RawEntry, errors: Problem[]) {
  const dir = resolve(root, entry.dir);
  for (const text of entry.texts) {
    if (text.invalid || !text.body.includes('![')) continue;
    const lineOffset = text.raw.slice(0, text.raw.length - text.body.length).split('\n').length - 1;
    // A Figure's image that does not exist is reported with the Figure (mdx-components.ts).
    const inFigures = new Set(
      text.ext === 'mdx' ? findComponentUses(text.body).flatMap((u) => (u.name === 'Figure' && u.children ? markdownImages(u.children).map((i) => i.src) : [])) : [],
    );
    for (const image of markdownImagesWithLines(text.body)) {
      if (URL_SCHEME.test(image.src) || image.src.startsWith('/') || image.src.startsWith('#')) continue;
      let name: string;
      try {
        name = decodeURI(image.src.replace(/[?#].*$/, ''));
      } catch {
        name = image.src;
      }
      const path = resolve(dir, name);
      const found = readImageFile(path);
      const where = `line ${image.line + lineOffset}`;
      if (found.kind === 'missing') {
        if (inFigures.has(image.src)) continue;
        const shown = relative(root, path).split(sep).join('/');
        errors.push(problem(text.file, where, `the image ${image.src}: there is no file ${shown}; put the picture in the entry's folder or correct the name`));
        continue;
      }
      const message = imageFileProblem(name.slice(name.lastIndexOf('/') + 1), found);
      if (message) errors.push(problem(text.file, where, `the image ${image.src}: ${message}`));
    }
  }
}

/**
 * The MDX components in every text: known names and attributes, existing
 * projects, indicators and pictures; and, as warnings, the HTML and code the
 * build's sanitiser will remove from it.
 */
function checkComponents(raw: RawEntry[], content: CheckedContent, errors: Problem[], warnings: Problem[]) {
  const projects = new Map<string, ProjectFacts | undefined>();
  for (const entry of raw) if (entry.collection === 'projects') projects.set(entry.id, content.projects.get(entry.id)?.facts);
  for (const entry of raw) {
    const checked = content[entry.collection].get(entry.id);
    if (!checked) continue;
    const defaultProject = contextProject(entry.collection, entry.id, checked.facts);
    for (const text of entry.texts) {
      if (text.invalid) continue;
      const lineOffset = text.raw.slice(0, text.raw.length - text.body.length).split('\n').length - 1;
      const found = !text.body.includes('<') ? [] : checkMdxBody({
        ext: text.ext,
        body: text.body,
        fileName: text.file.slice(text.file.lastIndexOf('/') + 1),
        defaultProject,
        projects,
        assets: entry.assets,
        imageExtensions: IMAGE_EXTENSIONS,
      });
      for (const p of found) errors.push(problem(text.file, `line ${p.line + lineOffset}`, p.message));
      const markup = markupWarnings({ body: text.body, ext: text.ext, lineOffset, explained: found, options: { components: mdxComponentNames } });
      for (const w of markup) warnings.push(warning(text.file, w.field, w.message));
    }
  }
}

/** Rules within one entry that a schema alone cannot express. */
function checkEntryRules(entry: CheckedEntry, raw: RawEntry, options: CheckOptions, errors: Problem[], infos: Problem[]) {
  const factsFile = raw.factsFile;
  const source = (entry.facts as { sourceLocale: Locale }).sourceLocale;
  const altRule = (files: string[], altField: string, required: boolean) => {
    for (const [l, t] of Object.entries(entry.texts)) {
      const alt = ((t!.data as Record<string, unknown>)[altField] ?? {}) as Record<string, string>;
      for (const key of Object.keys(alt)) {
        if (!files.includes(key)) {
          errors.push(
            problem(t!.file, `${altField}.${key}`, `no such image in index.yaml; the images are ${files.join(', ') || 'none'}`),
          );
        }
      }
      if (required && l === source) {
        for (const file of files.filter((f) => !alt[f])) {
          errors.push(problem(t!.file, `${altField}.${file}`, 'is required: describe every image in the source language'));
        }
      }
    }
  };
  switch (entry.collection) {
    case 'products': {
      const f = entry.facts as Facts<'products'>;
      altRule(f.images.map((i) => (i as unknown as ImageRef).file), 'imageAlt', true);
      break;
    }
    case 'programmes': {
      const f = entry.facts as Facts<'programmes'>;
      altRule(f.logos.map((i) => (i as unknown as ImageRef).file), 'logoAlt', false);
      break;
    }
    case 'news': {
      const f = entry.facts as Facts<'news'>;
      const t = entry.texts[source];
      if (f.cover && t && !(t.data as Text<'news'>).coverAlt) {
        errors.push(problem(t.file, 'coverAlt', 'is required in the source language when there is a cover image'));
      }
      if (isScheduled(f, options.today)) {
        infos.push(
          info(factsFile, 'date', `scheduled: published from ${f.date} on; a build before that day (this one is as of ${options.today}) leaves it out of the site`),
        );
      }
      break;
    }
    case 'newsletters': {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(entry.id)) {
        errors.push(problem(raw.dir, undefined, `a newsletter's folder is named by its month, YYYY-MM (e.g. 2022-03); found "${describeName(entry.id)}"`));
      }
      break;
    }
    case 'projects': {
      const f = entry.facts as Facts<'projects'>;
      if (f.accentColour) {
        const ratio = contrastRatio(f.accentColour, PAGE_BACKGROUND);
        if (ratio < MIN_CONTRAST) {
          errors.push(
            problem(
              factsFile,
              'accentColour',
              `found ${f.accentColour}, whose contrast with the white page is ${ratio.toFixed(2)}:1; WCAG AA needs at least ${MIN_CONTRAST}:1, so choose a darker colour`,
            ),
          );
        }
      }
      const ids = new Set<string>();
      f.indicators.forEach((ind, i) => {
        for (const id of [ind.id, ...(ind.breakdown ?? []).map((b) => b.id)]) {
          if (ids.has(id)) errors.push(problem(factsFile, `indicators[${i}]`, `the indicator id "${id}" is used twice`));
          ids.add(id);
        }
      });
      f.results.forEach((r, i) => {
        if (!raw.assets.includes(r.file)) {
          errors.push(problem(factsFile, `results[${i}].file`, `found "${describeName(r.file)}", but there is no such file beside the entry`));
        } else if (NOT_IN_ADDRESS.test(r.file)) {
          errors.push(problem(factsFile, `results[${i}].file`, `found "${describeName(r.file)}", which ${renameAddress}`));
        }
      });
      break;
    }
  }
}

/** Reads and checks a content folder. */
export function checkContent(root: string, options: CheckOptions): CheckResult {
  const { entries, problems } = readContent(root, { defaultLocale, split: splitFacts, hasText: hasTextFields });
  return checkEntries(root, entries, problems, options);
}
