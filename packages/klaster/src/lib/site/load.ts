/**
 * Reading and validating the site configuration. `klaster check`, the build
 * command and the Astro integration all go through `loadSiteConfig`, so they
 * accept exactly the same file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { imageFileProblem, readImageFile } from '../content/image-file.ts';
import { contrastRatio, MIN_CONTRAST, PAGE_BACKGROUND } from '../colour.ts';
import { parseYaml } from '../content/read.ts';
import { closestId, problem, problemsFromZod, type Problem } from '../content/problems.ts';
import { shippedVocabulary, vocabularyNames } from '../vocabulary-presets.ts';
import { siteConfigSchema, type SiteConfig } from './schema.ts';
import { shippedLocales } from '../locale-catalogue.ts';
import { newsletterProviders } from '../newsletter-providers.ts';
import { imageServerProblems } from './image-server-check.ts';

export { SITE_CONFIG_FILE, siteConfigPath } from './paths.ts';
import { siteConfigPath } from './paths.ts';

export interface LoadedSiteConfig {
  /** The validated configuration; undefined when it has errors. */
  config: SiteConfig | undefined;
  /** The site's folder: files named in the configuration are relative to it. */
  root: string;
  /** The configuration file, as problems name it (relative to the site's folder). */
  file: string;
  problems: Problem[];
}


/** Files the configuration names, with the key that names them. */
export function configFiles(config: SiteConfig): { key: string; file: string }[] {
  const out: { key: string; file: string }[] = [];
  if (config.logo) out.push({ key: 'logo.file', file: config.logo.file });
  if (config.favicon) out.push({ key: 'favicon', file: config.favicon });
  if (config.shareImage) out.push({ key: 'shareImage', file: config.shareImage });
  if (config.home.hero) out.push({ key: 'home.hero.image', file: config.home.hero.image });
  for (const role of ['body', 'headings'] as const) {
    config.fonts?.[role]?.files.forEach((f, i) => out.push({ key: `fonts.${role}.files[${i}].file`, file: f.file }));
  }
  return out;
}

/** The checks zod cannot make: files that must exist, colours that must be readable. */
function checkConfig(config: SiteConfig, root: string, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const { key, file: path } of configFiles(config)) {
    if (!existsSync(join(root, path))) {
      problems.push(problem(file, key, `found "${path}", but there is no such file in ${root}; put the file there or correct the path`));
    } else if (!key.startsWith('fonts.')) {
      // The pictures: only the hero goes through Astro's image pipeline, which
      // needs its size; a logo, favicon or share image is published as it is,
      // and a drawing without a size of its own is fine there.
      const image = readImageFile(join(root, path));
      const drawing = key !== 'home.hero.image' && image.kind === 'unreadable' && /\.svg$/i.test(path);
      const message = drawing ? undefined : imageFileProblem(path.slice(path.lastIndexOf('/') + 1), image);
      if (message) problems.push(problem(file, key, `found "${path}"; ${message}`));
    }
  }
  const codes = (config.locales ?? []).map((l) => (typeof l === 'string' ? l : l.code));
  if (codes.length) {
    codes.forEach((code, i) => {
      if (codes.indexOf(code) !== i) problems.push(problem(file, `locales[${i}]`, `lists ${code} twice; list each locale once`));
      const from = shippedLocales[code]?.derivedFrom;
      if (from && !codes.includes(from)) problems.push(problem(file, `locales[${i}]`, `${code} is made from ${from}, which is not listed; add ${from} to locales`));
    });
    if (config.defaultLocale !== undefined && !codes.includes(config.defaultLocale)) {
      problems.push(problem(file, 'defaultLocale', `found "${config.defaultLocale}", which is not one of locales (${codes.join(', ')})`));
    }
  }
  const declared = new Set((config.productAttributes ?? []).map((a) => a.vocabulary).filter(Boolean));
  for (const [name, change] of Object.entries(config.vocabularies ?? {})) {
    if (name === 'presets' || Array.isArray(change)) continue;
    const known = shippedVocabulary(name) ?? (declared.has(name) ? [] : undefined);
    if (!known) {
      const near = closestId(name, vocabularyNames);
      problems.push(
        problem(
          file,
          `vocabularies.${name}`,
          `is not a vocabulary of Klaster${near ? ` (did you mean ${near}?)` : ''} nor of a product attribute; the vocabularies are ${vocabularyNames.join(', ')}`,
        ),
      );
      continue;
    }
    (change as { remove?: string[] }).remove?.forEach((value, i) => {
      if (!known.includes(value)) {
        const near = closestId(value, known);
        problems.push(problem(file, `vocabularies.${name}.remove[${i}]`, `found "${value}", which is not a value of ${name}${near ? ` (did you mean ${near}?)` : ''}`));
      }
    });
  }
  // The catalogue's own facets (facets.ts standardFacetNames; `material` is the textile preset's attribute, which a site may replace).
  const standard = new Set(['category', 'cluster', 'member', 'certification', 'country']);
  (config.productAttributes ?? []).forEach((a, i) => {
    const key = `productAttributes[${i}]`;
    if (standard.has(a.id)) problems.push(problem(file, `${key}.id`, `"${a.id}" is one of the catalogue's own facets; choose another id`));
    if ((config.productAttributes ?? []).findIndex((b) => b.id === a.id) !== i) problems.push(problem(file, `${key}.id`, `"${a.id}" is declared twice`));
    // A list without a vocabulary holds free values (sizes); a choice and a composition need one.
    const needsVocabulary = a.type === 'choice' || a.type === 'composition';
    const takesVocabulary = needsVocabulary || a.type === 'list';
    if (needsVocabulary && !a.vocabulary) problems.push(problem(file, `${key}.vocabulary`, `a ${a.type} attribute names the vocabulary of its values; add vocabulary: and list the values under vocabularies.<name>.add`));
    if (!takesVocabulary && a.vocabulary) problems.push(problem(file, `${key}.vocabulary`, `a ${a.type} attribute has no vocabulary; remove vocabulary: or make it a choice, list or composition`));
    if (takesVocabulary && a.vocabulary && !shippedVocabulary(a.vocabulary) && !Object.keys((config.vocabularies?.[a.vocabulary] as { add?: object } | undefined)?.add ?? {}).length) {
      problems.push(problem(file, `${key}.vocabulary`, `"${a.vocabulary}" has no values; add them under vocabularies.${a.vocabulary}.add with a label per locale`));
    }
    if (a.facet && !(takesVocabulary && a.vocabulary)) {
      problems.push(problem(file, `${key}.facet`, `only attributes with a vocabulary (choice, list, composition) can be facets; ${a.id} is a ${a.type}${a.type === 'list' ? ' of free values' : ''}`));
    }
  });
  // Served side by side under /klaster/site/: two files of one name would be one address.
  const seen = new Map<string, string>();
  for (const { key, file: path } of configFiles(config)) {
    const name = path.split('/').pop()!;
    const other = seen.get(name);
    if (other) problems.push(problem(file, key, `has the file name "${name}" of ${other} too; give one of the files another name`));
    seen.set(name, key);
  }
  if (config.newsletter) {
    const { provider, action, list } = config.newsletter;
    const p = newsletterProviders[provider];
    const message = p.checkAction?.(new URL(action));
    if (message) problems.push(problem(file, 'newsletter.action', `found "${action}"; ${message}, such as ${p.example}`));
    if (p.needsList && !list) problems.push(problem(file, 'newsletter.list', `${p.label} needs the list to subscribe to; add list: with the list's ID (for Listmonk, the public list's UUID)`));
    if (!p.needsList && list) problems.push(problem(file, 'newsletter.list', `found "${list}", but ${p.label}'s form names its list in the action address; remove list:`));
  }
  problems.push(...imageServerProblems(config, file));
  for (const key of ['brand', 'accent'] as const) {
    const colour = config.theme[key];
    const ratio = contrastRatio(colour, PAGE_BACKGROUND);
    if (ratio < MIN_CONTRAST) {
      problems.push(
        problem(
          file,
          `theme.${key}`,
          `found ${colour}, whose contrast with white is ${ratio.toFixed(2)}:1; text and links in this colour need at least ${MIN_CONTRAST}:1 (WCAG AA), so choose a darker shade`,
        ),
      );
    }
  }
  return problems;
}

export function loadSiteConfig(path: string = siteConfigPath()): LoadedSiteConfig {
  const root = resolve(path, '..');
  const file = relative(root, path) || path;
  if (!existsSync(path)) {
    return {
      config: undefined,
      root,
      file,
      problems: [problem(file, undefined, `the site configuration ${path} does not exist; create it (npm create klaster writes one) or set KLASTER_CONFIG to its path`)],
    };
  }
  const problems: Problem[] = [];
  const data = parseYaml(readFileSync(path, 'utf8'), file, problems) ?? (problems.length ? undefined : {});
  if (data === undefined) return { config: undefined, root, file, problems };
  const parsed = siteConfigSchema.safeParse(data);
  if (!parsed.success) return { config: undefined, root, file, problems: problemsFromZod(file, parsed.error, data) };
  const more = checkConfig(parsed.data, root, file);
  return { config: more.length ? undefined : parsed.data, root, file, problems: more };
}

let current: SiteConfig | undefined;

/**
 * The configuration of the site being built, read once per process. The
 * build checks it first (`klaster check`), so here a problem is a bug or a
 * file changed during the build: it stops with the check's messages.
 */
export function siteConfig(): SiteConfig {
  if (current) return current;
  const loaded = loadSiteConfig();
  if (!loaded.config) throw new Error(`The site configuration has problems:\n${loaded.problems.map((p) => `  ${p.file}: ${p.field ? `${p.field}: ` : ''}${p.message}`).join('\n')}`);
  current = loaded.config;
  return current;
}
