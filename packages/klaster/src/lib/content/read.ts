/**
 * Reads a content folder into raw entries: the parsed `index.yaml` and each
 * `index.<locale>.md(x)` of every entry folder, without validating them.
 * Parse errors become problems; nothing here throws on bad content, nor on
 * a folder where a file should be, a broken link or a file it may not read.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type ScalarTag } from 'yaml';
import { collectionNames, type CollectionName } from './fields.ts';
import { problem, showInvisible, warning, type Problem } from './problems.ts';

export interface RawText {
  file: string;
  locale: string;
  ext: 'md' | 'mdx';
  data: Record<string, unknown>;
  body: string;
  raw: string;
  /** The frontmatter did not parse: already reported, not to be validated. */
  invalid: boolean;
}

export interface RawEntry {
  collection: CollectionName;
  id: string;
  /** The entry folder, relative to the content root, with `/`. */
  dir: string;
  /** Where the facts are: index.yaml (the older layout) or the default language's text. */
  factsFile: string;
  facts: Record<string, unknown> | undefined;
  /** `index.yaml` (older) or `text`: the facts are fields of index.<default>.md (lib/content/layout.ts). */
  layout: 'index.yaml' | 'text';
  texts: RawText[];
  /** Other files in the folder: images, documents. */
  assets: string[];
}

const TEXT_FILE = /^index\.([^.]+)\.(md|mdx)$/;
const FACTS_FILES = ['index.yaml', 'index.yml'];
/** Names of files meant to be read that the reader does not read: a misnamed text or facts file. */
const MISNAMED = /^index(?:$|[.\-_ ])|\.(?:md|mdx|markdown)$/i;

/** The facts file among an entry folder's files: index.yaml, else index.yml. */
export function factsFileName(files: readonly string[]): string | undefined {
  return FACTS_FILES.find((f) => files.includes(f));
}

/**
 * YAML 1.1 timestamps as js-yaml reads them (its regular expressions): Astro
 * reads content with js-yaml, which makes an unquoted `2012-01-27` a date,
 * so the check must too, or a title written so passes the check and fails
 * the build.
 */
const JS_YAML_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const JS_YAML_TIMESTAMP =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?$/;
const timestamp: ScalarTag = {
  tag: 'tag:yaml.org,2002:timestamp',
  default: true,
  identify: (value) => value instanceof Date,
  test: new RegExp(`${JS_YAML_DATE.source}|${JS_YAML_TIMESTAMP.source}`),
  resolve(source) {
    const m = (JS_YAML_DATE.exec(source) ?? JS_YAML_TIMESTAMP.exec(source))!;
    const [year, month, day] = [+m[1], +m[2] - 1, +m[3]];
    if (!m[4]) return new Date(Date.UTC(year, month, day));
    const ms = m[7] ? +m[7].slice(0, 3).padEnd(3, '0') : 0;
    const date = new Date(Date.UTC(year, month, day, +m[4], +m[5], +m[6], ms));
    if (m[9]) date.setTime(date.getTime() - (m[9] === '-' ? -1 : 1) * (+m[10] * 60 + +(m[11] ?? 0)) * 60_000);
    return date;
  },
};

/** Characters js-yaml refuses anywhere in a file (so the build would fail on them): control characters but tab and line ends, U+FFFE, U+FFFF. */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]/;

export interface YamlOptions {
  /** Lines of the file before the YAML (a text's opening ---). */
  lineOffset?: number;
  /** Content, which the build reads with js-yaml: dates as dates, no control characters. */
  content?: boolean;
}

/** What went wrong in the yaml library's words, in an editor's. */
function yamlReason(message: string): string {
  if (/call stack/i.test(message)) return 'lists or groups are nested too deeply inside one another';
  if (/alias count/i.test(message)) return 'the aliases (*name) repeat too much data; write the values out instead';
  // The first line of the message, without the position it repeats (the source excerpt follows it),
  // and with the invisible characters of the text it may quote named.
  return showInvisible(message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''));
}

/** YAML into a plain object, or a problem naming the line. */
export function parseYaml(source: string, file: string, problems: Problem[], { lineOffset = 0, content = false }: YamlOptions = {}): Record<string, unknown> | undefined {
  if (content) {
    const bad = NON_PRINTABLE.exec(source);
    if (bad) {
      const line = source.slice(0, bad.index).split('\n').length + lineOffset;
      const code = showInvisible(bad[0]);
      problems.push(problem(file, undefined, `invalid YAML at line ${line}: an invisible control character ${code} that YAML does not allow; delete it (text pasted from a word processor often carries one)`));
      return undefined;
    }
  }
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true, ...(content ? { customTags: [timestamp] } : {}) });
  if (doc.errors.length > 0) {
    const lineOf = (error: (typeof doc.errors)[number]) => (error.linePos?.[0]?.line ?? 0) + lineOffset;
    // Tab indentation breaks every line it is on, and what follows: one message says it all.
    const tabs = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT').map(lineOf);
    if (tabs.length) {
      const [first, ...more] = [...new Set(tabs)];
      const also = more.length ? ` (tabs also on line${more.length > 1 ? 's' : ''} ${more.join(', ')})` : '';
      problems.push(problem(file, undefined, `invalid YAML at line ${first}: indent with spaces, not tabs${also}`));
      return undefined;
    }
    const messages = new Set<string>();
    for (const error of doc.errors) {
      const line = lineOf(error);
      messages.add(`invalid YAML${line ? ` at line ${line}` : ''}: ${yamlReason(error.message)}`);
    }
    for (const message of messages) problems.push(problem(file, undefined, message));
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS() ?? {};
  } catch (error) {
    // An alias bomb, or nesting too deep to copy.
    problems.push(problem(file, undefined, `invalid YAML: ${yamlReason(error instanceof Error ? error.message : String(error))}`));
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
    problems.push(problem(file, undefined, 'expected fields written as "name: value", found a single value or a list'));
    return undefined;
  }
  return value as Record<string, unknown>;
}

/** The opening `---` of a text's fields, after any blank lines (Astro skips them too). */
const OPENING = /^(?:[ \t]*\r?\n)*---[ \t]*(?:\r?\n|$)/;
/** The fields between `---` lines, each alone on its line. */
const FRONTMATTER = /^(?:[ \t]*\r?\n)*---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

export interface SplitText {
  /** The YAML between the `---` lines; undefined when the text has none. */
  frontmatter: string | undefined;
  body: string;
  /** Lines before the YAML: the opening `---` and any blank lines above it. */
  line: number;
  /** An opening `---` that no `---` line closes. */
  unclosed: boolean;
}

/** Splits `---` frontmatter from the Markdown body. */
export function splitFrontmatter(source: string): SplitText {
  const text = source.replace(/^\uFEFF/, '');
  const opening = OPENING.exec(text);
  const match = opening && FRONTMATTER.exec(text);
  if (!match) return { frontmatter: undefined, body: text, line: 0, unclosed: !!opening };
  return { frontmatter: match[1] ?? '', body: text.slice(match[0].length), line: opening![0].split('\n').length - 1, unclosed: false };
}

const isDirectory = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** A file (a link to one counts), not a folder nor a broken link. */
export const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The entry folders of a collection folder (not hidden, not starting with _), sorted. */
export function listDirs(path: string): string[] {
  if (!isDirectory(path)) return [];
  return readdirSync(path, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !d.name.startsWith('_'))
    .map((d) => d.name)
    .sort();
}

export interface ReadResult {
  entries: RawEntry[];
  problems: Problem[];
}

/** What a file holds, or a problem that says why it cannot be read. */
function readText(abs: string, file: string, problems: Problem[]): string | undefined {
  try {
    return readFileSync(abs, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push(
      problem(
        file,
        undefined,
        code === 'EISDIR'
          ? 'is a folder, not a file: rename the folder, and write this file beside the other files of the entry'
          : `cannot be read (${code ?? String(error)}): check that it is a file and that you may read it`,
      ),
    );
    return undefined;
  }
}

/**
 * How to find facts among the fields of the default language's text, when
 * an entry has no index.yaml (lib/content/layout.ts; injected, because the
 * schemas it needs read the site's settings, which this module parses).
 */
export interface LayoutOptions {
  defaultLocale: string;
  split: (collection: CollectionName, data: Record<string, unknown>) => { facts: Record<string, unknown>; texts: Record<string, unknown> };
  hasText: (texts: Record<string, unknown>) => boolean;
}

/** The text file that carries the facts in the editor's layout, if the folder has one. */
export function factsTextName(files: readonly string[], defaultLocale: string): string | undefined {
  return [`index.${defaultLocale}.md`, `index.${defaultLocale}.mdx`].find((f) => files.includes(f));
}

export function readEntry(root: string, collection: CollectionName, id: string, problems: Problem[], layout?: LayoutOptions): RawEntry {
  const dir = `${collection}/${id}`;
  const abs = join(root, collection, id);
  const files = readdirSync(abs).filter((f) => !f.startsWith('.')).sort();
  const entry: RawEntry = { collection, id, dir, factsFile: `${dir}/index.yaml`, facts: undefined, layout: 'index.yaml', texts: [], assets: [] };
  const factsName = factsFileName(files);
  const carrier = !factsName && layout ? factsTextName(files, layout.defaultLocale) : undefined;
  if (carrier) {
    entry.layout = 'text';
    entry.factsFile = `${dir}/${carrier}`;
  } else if (!factsName) {
    const where = layout ? `index.${layout.defaultLocale}.md (the default language's text) with its facts among its fields` : 'an index.yaml with its facts';
    problems.push(problem(`${dir}/${layout ? `index.${layout.defaultLocale}.md` : 'index.yaml'}`, undefined, `missing: every entry folder needs ${where} (npm run new creates it)`));
  } else {
    entry.factsFile = `${dir}/${factsName}`;
    const source = readText(join(abs, factsName), entry.factsFile, problems);
    if (source !== undefined) entry.facts = parseYaml(source, entry.factsFile, problems, { content: true });
  }
  for (const name of files) {
    if (FACTS_FILES.includes(name)) {
      if (name !== factsName) {
        problems.push(problem(`${dir}/${name}`, undefined, `a second facts file beside ${factsName}, which is the one read; keep one of them`));
      }
      continue;
    }
    const match = TEXT_FILE.exec(name);
    if (!match) {
      if (isFile(join(abs, name))) {
        entry.assets.push(name);
        if (MISNAMED.test(name)) {
          problems.push(
            warning(`${dir}/${name}`, undefined, `is not read: an entry's texts are in index.<locale>.md or index.<locale>.mdx (such as index.en.md), its facts among the default language's fields or in index.yaml; rename the file if it is one of them`),
          );
        }
      }
      continue;
    }
    const file = `${dir}/${name}`;
    const locale = match[1];
    const ext = match[2] as 'md' | 'mdx';
    const raw = readText(join(abs, name), file, problems);
    if (raw === undefined) {
      entry.texts.push({ file, locale, ext, data: {}, body: '', raw: '', invalid: true });
      continue;
    }
    const { frontmatter, body, line, unclosed } = splitFrontmatter(raw);
    if (unclosed) {
      problems.push(
        problem(file, undefined, `the fields at the top open with --- on line ${line + 1}, but no line --- closes them: add a line with only --- after the last field`),
      );
    }
    const data = unclosed ? undefined : frontmatter === undefined ? {} : parseYaml(frontmatter, file, problems, { lineOffset: line, content: true });
    if (name === carrier && layout) {
      if (data === undefined) {
        // Already reported; the facts are unknown too.
        entry.texts.push({ file, locale, ext, data: {}, body, raw, invalid: true });
        continue;
      }
      const { facts, texts } = layout.split(collection, data);
      entry.facts = facts;
      const idValue = facts.id;
      delete facts.id;
      if (idValue !== undefined && idValue !== id) {
        problems.push(
          problem(file, 'id', `is "${showInvisible(String(idValue))}", but the entry's folder is named "${showInvisible(id)}": the id is the folder's name; write id: ${id}, or rename the folder`),
        );
      }
      // A file with the facts alone is no translation: the entry is written in another language.
      if (!layout.hasText(texts) && !body.trim()) continue;
      entry.texts.push({ file, locale, ext, data: texts, body, raw, invalid: false });
      continue;
    }
    entry.texts.push({ file, locale, ext, data: data ?? {}, body, raw, invalid: data === undefined });
  }
  return entry;
}

/** Every entry folder of every collection under `root`. */
export function readContent(root: string, layout?: LayoutOptions): ReadResult {
  const problems: Problem[] = [];
  const entries: RawEntry[] = [];
  if (!existsSync(root)) {
    problems.push(problem('.', undefined, `the content folder ${root} does not exist`));
    return { entries, problems };
  }
  if (!isDirectory(root)) {
    problems.push(problem('.', undefined, `the content folder ${root} is a file, not a folder`));
    return { entries, problems };
  }
  const known = new Set<string>(collectionNames);
  for (const name of listDirs(root)) {
    if (!known.has(name)) {
      problems.push(
        problem(name, undefined, `unknown collection folder; the collections are ${collectionNames.join(', ')}`),
      );
    }
  }
  for (const collection of collectionNames) {
    if (existsSync(join(root, collection)) && !isDirectory(join(root, collection))) {
      problems.push(problem(collection, undefined, `is a file, not a folder: a collection is a folder holding one folder per entry (${collection}/<id>/index.yaml)`));
    }
    for (const id of listDirs(join(root, collection))) {
      entries.push(readEntry(root, collection, id, problems, layout));
    }
  }
  return { entries, problems };
}
