/**
 * Reads a content folder into raw entries: the parsed `index.yaml` and each
 * `index.<locale>.md(x)` of every entry folder, without validating them.
 * Parse errors become problems; nothing here throws on bad content.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { collectionNames, type CollectionName } from './fields.ts';
import { problem, type Problem } from './problems.ts';

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
  factsFile: string;
  facts: Record<string, unknown> | undefined;
  texts: RawText[];
  /** Other files in the folder: images, documents. */
  assets: string[];
}

const TEXT_FILE = /^index\.([^.]+)\.(md|mdx)$/;
const FACTS_FILES = ['index.yaml', 'index.yml'];

/** The facts file among an entry folder's files: index.yaml, else index.yml. */
export function factsFileName(files: readonly string[]): string | undefined {
  return FACTS_FILES.find((f) => files.includes(f));
}

/** YAML into a plain object, or a problem naming the line. */
export function parseYaml(source: string, file: string, problems: Problem[], lineOffset = 0): Record<string, unknown> | undefined {
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
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
    for (const error of doc.errors) {
      const line = lineOf(error);
      // The first line of the message, without the position it repeats (the source excerpt follows it).
      const first = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      problems.push(problem(file, undefined, `invalid YAML${line ? ` at line ${line}` : ''}: ${first}`));
    }
    return undefined;
  }
  const value = doc.toJS() ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(problem(file, undefined, 'expected fields written as "name: value", found a single value or a list'));
    return undefined;
  }
  return value as Record<string, unknown>;
}

/** Splits `---` frontmatter from the Markdown body. */
export function splitFrontmatter(source: string): { frontmatter: string | undefined; body: string } {
  const text = source.replace(/^\uFEFF/, '');
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { frontmatter: undefined, body: text };
  return { frontmatter: match[1], body: text.slice(match[0].length) };
}

/** The entry folders of a collection folder (not hidden, not starting with _), sorted. */
export function listDirs(path: string): string[] {
  if (!existsSync(path)) return [];
  return readdirSync(path, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !d.name.startsWith('_'))
    .map((d) => d.name)
    .sort();
}

export interface ReadResult {
  entries: RawEntry[];
  problems: Problem[];
}

export function readEntry(root: string, collection: CollectionName, id: string, problems: Problem[]): RawEntry {
  const dir = `${collection}/${id}`;
  const abs = join(root, collection, id);
  const files = readdirSync(abs).filter((f) => !f.startsWith('.')).sort();
  const entry: RawEntry = { collection, id, dir, factsFile: `${dir}/index.yaml`, facts: undefined, texts: [], assets: [] };
  const factsName = factsFileName(files);
  if (!factsName) {
    problems.push(
      problem(`${dir}/index.yaml`, undefined, 'missing: every entry folder needs an index.yaml with its facts (npm run new creates one)'),
    );
  } else {
    entry.factsFile = `${dir}/${factsName}`;
    entry.facts = parseYaml(readFileSync(join(abs, factsName), 'utf8'), entry.factsFile, problems);
  }
  for (const name of files) {
    if (FACTS_FILES.includes(name)) continue;
    const match = TEXT_FILE.exec(name);
    if (!match) {
      if (statSync(join(abs, name)).isFile()) entry.assets.push(name);
      continue;
    }
    const file = `${dir}/${name}`;
    const raw = readFileSync(join(abs, name), 'utf8');
    const { frontmatter, body } = splitFrontmatter(raw);
    const data = frontmatter === undefined ? {} : parseYaml(frontmatter, file, problems, 1);
    entry.texts.push({ file, locale: match[1], ext: match[2] as 'md' | 'mdx', data: data ?? {}, body, raw, invalid: data === undefined });
  }
  return entry;
}

/** Every entry folder of every collection under `root`. */
export function readContent(root: string): ReadResult {
  const problems: Problem[] = [];
  const entries: RawEntry[] = [];
  if (!existsSync(root)) {
    problems.push(problem('.', undefined, `the content folder ${root} does not exist`));
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
    for (const id of listDirs(join(root, collection))) {
      entries.push(readEntry(root, collection, id, problems));
    }
  }
  return { entries, problems };
}
