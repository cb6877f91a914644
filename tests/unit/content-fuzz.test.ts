/**
 * The content check and reader, fuzzed ("Safe by default", point 6).
 * fast-check generates content folders of every collection: valid sets whose
 * text fields and bodies are hostile (markup, scripts, quotes, template
 * syntax, null bytes, bidirectional overrides, zero-width joiners, lone
 * surrogates, very long strings, huge numbers), and the same sets with
 * mistakes (wrong types, missing and unknown fields, invalid YAML, a
 * frontmatter never closed, control characters, deep nesting, alias bombs,
 * odd Unicode in ids and file names, folders named like files, broken links,
 * files in the wrong places).
 *
 * - The reader and the check never throw; every problem names a file of the
 *   content folder (one that exists, or a missing one in an entry's folder),
 *   and each mistake is reported on its file, with its field.
 * - A valid set passes the check, and what the check read is what the build
 *   (Astro's loader, js-yaml) will read.
 * - A few valid sets with hostile text are built: every page escapes it.
 *
 * - Every problem is in an editor's words: no zod English, no "undefined",
 *   no invisible or bidirectional character in what npm run check shows.
 *
 * The seed is fixed: on a failure fast-check prints the seed and the path of
 * the smallest failing case, to replay with `{ seed, path }`. To look
 * further: KLASTER_FUZZ_SEED (another seed), KLASTER_FUZZ_RUNS (a multiple
 * of the runs), KLASTER_FUZZ_SHRINK=no (report the first failure as found),
 * KLASTER_FUZZ_KEEP (keep a failing build's folder), KLASTER_FUZZ_SLOWEST
 * (print the longest check of one folder). The generators and the mistakes
 * are in tests/helpers/content-arbitraries.ts; what they found is in
 * tests/unit/check-robustness.test.ts.
 */
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEntries } from '../../packages/klaster/src/lib/content/check.ts';
import { formatProblems, type Problem } from '../../packages/klaster/src/lib/content/problems.ts';
import { readContent } from '../../packages/klaster/src/lib/content/read.ts';
import { usesCommaBelow } from '../../packages/klaster/src/lib/locales.ts';
import { toCommaBelow } from '../../packages/klaster/src/lib/romanian.ts';
import { entryPath, paths } from '../../packages/klaster/src/lib/urls.ts';
import { attr, findAll, listFiles, parseHtml, textOf, type HtmlDocument } from '../gates/html.ts';
import { build, tempDir } from '../helpers/build.ts';
import {
  applyMutations,
  componentBody,
  MARKER_TAG,
  markdownBody,
  mutationArb,
  render,
  textSource,
  validText,
  worldArb,
  writeTree,
  type EntrySpec,
  type Tree,
} from '../helpers/content-arbitraries.ts';

const SEED = Number(process.env.KLASTER_FUZZ_SEED ?? 20_261_121);
const RUNS = Number(process.env.KLASTER_FUZZ_RUNS ?? 1);
const TODAY = '2026-11-21';

// The check's folders in memory where the machine has it: the test writes and removes thousands of files.
const work = existsSync('/dev/shm') ? mkdtempSync(join('/dev/shm', 'klaster-content-fuzz-')) : tempDir('content-fuzz');
let images: { png: Uint8Array; jpg: Uint8Array };
let folders = 0;
/** The longest the reader and the check took on one folder, in ms: printed, to catch a pathological input. */
let slowest = 0;

beforeAll(async () => {
  const pixels = sharp({ create: { width: 4, height: 3, channels: 3, background: '#7a2048' } });
  images = { png: await pixels.clone().png().toBuffer(), jpg: await pixels.clone().jpeg().toBuffer() };
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (process.env.KLASTER_FUZZ_SLOWEST) console.log(`slowest check: ${slowest.toFixed(0)} ms`);
});

/** Writes a tree to a new folder, runs the reader and the check on it, and removes it. */
function checkTree(tree: Tree, inspect: (root: string, result: { read: ReturnType<typeof readContent>; problems: Problem[] }) => void) {
  const root = join(work, `c${folders++}`);
  writeTree(root, tree);
  try {
    const started = performance.now();
    const read = readContent(root);
    const result = checkEntries(root, read.entries, read.problems, { today: TODAY });
    slowest = Math.max(slowest, performance.now() - started);
    inspect(root, { read, problems: [...result.errors, ...result.warnings, ...result.infos] });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const exists = (path: string) => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};
const isDir = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** Control characters (but the line break of a multi-line example), zero-width and bidirectional marks, overrides and isolates, the byte-order mark. */
const INVISIBLE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

/** What every problem must be: about a file of the content folder, in words an editor can act on. */
function problemShape(root: string, p: Problem): string[] {
  const wrong: string[] = [];
  if (typeof p.file !== 'string' || p.file === '') wrong.push('no file');
  else {
    if (p.file.startsWith('/') || p.file.split('/').includes('..')) wrong.push('a file outside the content folder');
    const abs = join(root, p.file);
    const entryFolder = p.file.includes('/') && isDir(join(abs, '..'));
    if (p.file !== '.' && !exists(abs) && !entryFolder) wrong.push('a file that does not exist, outside any entry folder');
  }
  if (p.field !== undefined && (typeof p.field !== 'string' || p.field === '')) wrong.push('an empty field');
  if (typeof p.message !== 'string' || p.message.trim() === '') wrong.push('no message');
  else {
    if (p.message.includes('[object Object]')) wrong.push('[object Object] in the message');
    if (/\bundefined\b/.test(p.message)) wrong.push('"undefined" in the message');
    if (p.message.length > 1_000) wrong.push(`a message of ${p.message.length} characters`);
    // Zod's own English ("Too big: expected int to be <=9007199254740991"), not an editor's words.
    if (/Too (big|small):|Invalid (input|option|string)|expected (string|number|int|array|object|boolean|record|nonoptional)\b|received /.test(p.message))
      wrong.push("a message in zod's words");
    // What an editor cannot see, or what turns the rest of the terminal line around, is named (<U+202E>) where npm run check shows it.
    if (INVISIBLE.test(formatProblems([p]))) wrong.push('an invisible character in what npm run check shows');
  }
  if (!['error', 'warning', 'info'].includes(p.severity)) wrong.push('no severity');
  return wrong.map((w) => `${w}: ${JSON.stringify(p).slice(0, 300)}`);
}

/** Data as compared: js-yaml reads -0 as 0, which no field tells apart. */
const comparable = (value: unknown): unknown =>
  Object.is(value, -0)
    ? 0
    : Array.isArray(value)
      ? value.map(comparable)
      : value && typeof value === 'object' && !(value instanceof Date)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]))
        : value;

/** Strings as the check and the build see them: no lone surrogates (UTF-8 has none), the same line ends. */
const normalise = (s: string) => s.toWellFormed().replace(/\r\n?/g, '\n');

describe('the content check, fuzzed', () => {
  it(
    'passes valid sets of every collection whose texts are hostile, and reads them as the build does',
    () => {
      const world = worldArb({ text: validText({ long: true }) });
      fc.assert(
        fc.property(world, (entries) => {
          const tree = render(entries, images);
          checkTree(tree, (root, { read, problems }) => {
            const wrong = problems.flatMap((p) => problemShape(root, p));
            expect(wrong).toEqual([]);
            const errors = problems.filter((p) => p.severity === 'error');
            expect(errors).toEqual([]);
            // What the build reads (Astro's frontmatter parser and js-yaml) is what the check read.
            for (const entry of read.entries) {
              const facts = tree.get(entry.factsFile);
              if (facts?.kind === 'facts')
                expect(comparable(entry.facts), entry.factsFile).toEqual(comparable(parseFrontmatter(`---\n${facts.yaml}---\n`).frontmatter));
              for (const text of entry.texts) {
                const node = tree.get(text.file);
                if (node?.kind !== 'text') continue;
                const astro = parseFrontmatter(textSource(node));
                expect(comparable(text.data), text.file).toEqual(comparable(astro.frontmatter));
                expect(normalise(text.body).trim(), text.file).toEqual(normalise(astro.content).trim());
              }
            }
          });
        }),
        { seed: SEED, numRuns: 40 * RUNS, endOnFailure: process.env.KLASTER_FUZZ_SHRINK === 'no' },
      );
    },
    60_000 * RUNS,
  );

  it(
    'never throws on mistakes, names the file of every problem, and the field of each mistake',
    () => {
      const world = worldArb({
        text: validText(),
        body: fc.oneof(markdownBody(validText()), componentBody(validText())),
        ext: fc.constantFrom('md', 'mdx'),
        max: 2,
      });
      const cases = fc.tuple(world, fc.array(mutationArb, { minLength: 1, maxLength: 6 }));
      fc.assert(
        fc.property(cases, ([entries, mutations]) => {
          const { tree, expectations, log } = applyMutations(entries, mutations, images);
          checkTree(tree, (root, { problems }) => {
            const wrong = problems.flatMap((p) => problemShape(root, p));
            const unmet = expectations.filter((x) => !problems.some((p) => p.severity === x.severity && x.test(p))).map((x) => x.what);
            expect({ wrong, unmet }, `${log.join('\n')}\n\n${problems.map((p) => JSON.stringify(p).slice(0, 300)).join('\n')}`).toEqual({
              wrong: [],
              unmet: [],
            });
          });
        }),
        { seed: SEED, numRuns: 120 * RUNS, endOnFailure: process.env.KLASTER_FUZZ_SHRINK === 'no' },
      );
    },
    60_000 * RUNS,
  );
});

// ---------------------------------------------------------------- builds

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'srcset'];

/** A page's HTML with every tag reduced to its name: what is left is text, where markup from content would show. */
const withoutAttributes = (html: string) => html.replace(/<([a-z][a-z0-9-]*)(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/gi, '<$1>');

/** What content must never be able to make in a page. */
function pageProblems(html: string, doc: HtmlDocument): string[] {
  const problems: string[] = [];
  // Outside attribute values (where `<` needs no escaping), the script from content is never raw.
  if (/<script[^>]*>\s*alert\(1337\)/i.test(withoutAttributes(html))) problems.push('the hostile script, unescaped');
  // A control character is a parse error in HTML (the validator's and the browser's).
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.exec(html);
  if (control)
    problems.push(
      `the control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')}: ${JSON.stringify(html.slice(Math.max(0, control.index - 60), control.index + 20))}`,
    );
  for (const el of findAll(doc, () => true)) {
    if (el.name === MARKER_TAG) problems.push(`a <${MARKER_TAG}> element made from content`);
    if (el.name === 'script') {
      const type = attr(el, 'type');
      if (type === 'application/ld+json') {
        // No `<` at all: `</script>` would end the block, `<!--` would change how the browser reads it.
        if (textOf(el).includes('<')) problems.push(`a < in a JSON-LD block: ${textOf(el).slice(0, 80)}`);
        try {
          JSON.parse(textOf(el));
        } catch {
          problems.push(`a JSON-LD block cut short: ${textOf(el).slice(0, 80)}`);
        }
      } else if (attr(el, 'src') === undefined) problems.push(`an inline script: ${textOf(el).slice(0, 80)}`);
      else if (!attr(el, 'src')!.startsWith('/')) problems.push(`a script from elsewhere: ${attr(el, 'src')}`);
    }
    for (const [name, value] of Object.entries(el.attribs)) {
      if (/^on/i.test(name)) problems.push(`an event handler: <${el.name} ${name}="${value}">`);
      if (URL_ATTRIBUTES.includes(name) && /^\s*javascript:/i.test(value)) problems.push(`a javascript: address: <${el.name} ${name}="${value}">`);
    }
  }
  return problems;
}

/** The page of an entry in its source locale, and the text field that names it. */
function pageOf(entry: EntrySpec): { path: string; field: string } | undefined {
  const l = entry.source;
  if (entry.collection === 'newsletters') return { path: paths.newsletter(l, entry.id), field: 'title' };
  if (entry.collection === 'programmes') return undefined;
  const path = entryPath[entry.collection](l, entry.id);
  return { path, field: ['news', 'events', 'pages'].includes(entry.collection) ? 'title' : 'name' };
}

describe('valid content with hostile text, built', () => {
  it(
    'builds, and every page shows the text as text: no script, handler or element from it',
    () => {
      const world = worldArb({ text: validText({ payload: true }), one: true });
      fc.assert(
        fc.property(world, (entries) => {
          const dir = tempDir('content-fuzz-build');
          const content = join(dir, 'content');
          try {
            writeTree(content, render(entries, images));
            const read = readContent(content);
            const checked = checkEntries(content, read.entries, read.problems, { today: TODAY });
            expect(checked.errors).toEqual([]);
            const run = build(content, join(dir, 'dist'), { KLASTER_CACHE_DIR: join(dir, 'cache') });
            expect(run.status, run.output.slice(-3000)).toBe(0);
            const dist = join(dir, 'dist');
            const failures: string[] = [];
            for (const file of listFiles(dist).filter((f) => f.endsWith('.html'))) {
              const html = readFileSync(join(dist, file), 'utf8');
              failures.push(...pageProblems(html, parseHtml(html)).map((p) => `${file}: ${p}`));
            }
            let shown = 0;
            for (const entry of entries) {
              const page = pageOf(entry);
              if (!page) continue;
              const file = join(dist, page.path, 'index.html');
              if (!existsSync(file)) {
                failures.push(`${page.path}: no page`);
                continue;
              }
              const checkedEntry = checked.content[entry.collection].get(entry.id);
              const name = (checkedEntry?.texts[entry.source]?.data as Record<string, unknown> | undefined)?.[page.field];
              if (typeof name !== 'string') continue;
              const text = normalise(
                findAll(parseHtml(readFileSync(file, 'utf8')), (el) => el.name === 'html')
                  .map(textOf)
                  .join(' '),
              ).replace(/\s+/g, ' ');
              // As the build writes it: Romanian with comma-below letters (ş → ș).
              const expected = normalise(usesCommaBelow(entry.source) ? toCommaBelow(name) : name)
                .replace(/\s+/g, ' ')
                .trim();
              if (!text.includes(expected)) failures.push(`${page.path}: the ${page.field} ${JSON.stringify(expected.slice(0, 120))} is not shown as text`);
              else shown++;
            }
            expect(failures, `the site is in ${dir} while KLASTER_FUZZ_KEEP is set`).toEqual([]);
            // Clusters, organisations, products, projects, news, events and pages have a name or title.
            expect(shown).toBeGreaterThanOrEqual(7);
          } finally {
            if (!process.env.KLASTER_FUZZ_KEEP) rmSync(dir, { recursive: true, force: true });
          }
        }),
        { seed: SEED, numRuns: 3 * RUNS, endOnFailure: true },
      );
    },
    10 * 60_000,
  );
});
