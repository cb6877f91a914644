/**
 * Problems found in content, worded for editors: the file (relative to the
 * content folder), the field, what was found and what is allowed.
 */
import type { z } from 'astro/zod';
import { closest, distance } from 'fastest-levenshtein';
import { MOVED_TO_ATTRIBUTES } from './migrate-attributes.ts';

export interface Problem {
  file: string;
  field?: string;
  message: string;
  /** An error stops the build; a warning does not; info only says what the build will do (a scheduled news item). */
  severity: 'error' | 'warning' | 'info';
}

export function problem(file: string, field: string | undefined, message: string): Problem {
  return { file, field, message, severity: 'error' };
}

export function warning(file: string, field: string | undefined, message: string): Problem {
  return { file, field, message, severity: 'warning' };
}

export function info(file: string, field: string | undefined, message: string): Problem {
  return { file, field, message, severity: 'info' };
}

/** `partners[1].role`, from a zod path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Characters an editor cannot see, or that reorder the line they are on
 * (control characters, zero-width spaces and joiners, bidirectional marks
 * and overrides, the byte-order mark).
 */
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/g;

/** Text from the content as a message repeats it: each invisible character named, `<U+200D>`. */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** A name from the content (a field, a folder), shortened and with its invisible characters named. */
export function describeName(name: string): string {
  return showInvisible(name.length > 60 ? `${name.slice(0, 57)}...` : name);
}

/** A found value, shortened for a one-line message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an impossible date' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') {
    const short = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return showInvisible(JSON.stringify(short));
  }
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  return String(value);
}

/**
 * The existing id closest to a misspelt one, when it is close enough to be
 * what was meant (at most a third of its letters differ, or two); by
 * Levenshtein distance.
 */
export function closestId(wanted: string, ids: readonly string[]): string | undefined {
  if (!ids.length) return undefined;
  const guess = closest(wanted, ids);
  return distance(wanted, guess) <= Math.max(2, Math.floor(wanted.length / 3)) ? guess : undefined;
}

/** What a value of a type looks like, in plain words with a YAML example, for zod's type names. */
const PLAIN_TYPES: Record<string, string> = {
  array: 'a list, like [a, b]',
  tuple: 'a list, like [a, b]',
  set: 'a list, like [a, b]',
  object: 'a group of fields, like { name: value }',
  record: 'a group of fields, like { name: value }',
  map: 'a group of fields, like { name: value }',
  string: 'text, like "some words"',
  number: 'a number, like 42',
  int: 'a whole number, like 42',
  bigint: 'a whole number, like 42',
  boolean: 'true or false, like true (without quotes)',
  date: 'a date, like 2012-01-27',
};

const items = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** Zod's own wording of an issue ("Invalid input: expected array, received string") in an editor's words. */
function plainMessage(issue: z.core.$ZodIssue): string {
  if ((issue.code === 'too_big' || issue.code === 'too_small') && /^Too (big|small):/.test(issue.message)) {
    // A limit without a message of its own ("Too big: expected int to be <=9007199254740991").
    const big = issue.code === 'too_big';
    const limit = Number(big ? issue.maximum : issue.minimum);
    const inclusive = issue.inclusive !== false;
    if (issue.origin === 'string') return `must be ${big ? 'at most' : 'at least'} ${items(limit, 'character')} long`;
    if (issue.origin === 'array' || issue.origin === 'set') return `must list ${big ? 'at most' : 'at least'} ${items(limit, 'item')}`;
    return `must be ${big ? (inclusive ? 'at most' : 'less than') : inclusive ? 'at least' : 'more than'} ${limit}`;
  }
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input: expected')) {
    const plain = PLAIN_TYPES[issue.expected];
    return plain ? `expected ${plain}` : issue.message.replace(/^Invalid input: (expected \w+).*$/, '$1');
  }
  if (issue.code === 'invalid_union' && issue.message === 'Invalid input') {
    // A value that may be one of several types (text or a number): name each.
    const expected = issue.errors
      .map((branch) => branch.find((i) => i.code === 'invalid_type' && i.path.length === 0))
      .map((i) => (i?.code === 'invalid_type' ? PLAIN_TYPES[i.expected] : undefined));
    if (expected.length && expected.every(Boolean)) return `expected ${[...new Set(expected)].join(', or ')}`;
  }
  return issue.message;
}

/** One problem per zod issue, with the found value spelled out. */
export function problemsFromZod(file: string, error: z.ZodError, data: unknown): Problem[] {
  return error.issues.map((issue) => {
    const moved = issue.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys.filter((k) => Object.hasOwn(MOVED_TO_ATTRIBUTES, k)) : [];
    if (moved.length) {
      return problem(
        file,
        moved[0],
        `is now written under attributes: as ${MOVED_TO_ATTRIBUTES[moved[0]!]}: (a product attribute of the textile preset); run npx klaster migrate to move ${moved.length > 1 ? 'them' : 'it'}`,
      );
    }
    if (issue.code === 'unrecognized_keys') {
      return problem(
        file,
        fieldPath(issue.path) || undefined,
        `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(describeName).join(', ')}`,
      );
    }
    const found = valueAt(data, issue.path);
    const field = fieldPath(issue.path) || undefined;
    const message = plainMessage(issue);
    if (found === undefined) return problem(file, field, `is required but missing; ${message}`);
    // A date, number or true/false where text belongs: YAML read it so because it has no quotes.
    const read = found instanceof Date ? 'a date' : typeof found === 'number' ? 'a number' : typeof found === 'boolean' ? 'true or false' : undefined;
    if (read && (issue.code === 'invalid_type' || issue.code === 'invalid_union') && message.includes('text')) {
      return problem(file, field, `found ${describeValue(found)}, which YAML reads as ${read}; ${message}: put it in quotes to write it as text`);
    }
    return problem(file, field, `found ${describeValue(found)}; ${message}`);
  });
}

/** Problems as the terminal shows them: grouped by file, sorted. */
export function formatProblems(problems: readonly Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const list = byFile.get(p.file) ?? [];
    list.push(p);
    byFile.set(p.file, list);
  }
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(showInvisible(file));
    for (const p of list) {
      const label = p.severity === 'error' ? '' : `${p.severity}: `;
      lines.push(`  ${label}${p.field ? `${showInvisible(p.field)}: ` : ''}${p.message}`);
    }
  }
  return lines.join('\n');
}

/** Escapes a workflow command's message (GitHub Actions). */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escapes a workflow command's property value (GitHub Actions). */
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const ANNOTATION_LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * Problems as GitHub Actions annotations (`::error file=...,title=...::message`),
 * shown on the pull request's files and in the run's summary. `path` gives
 * a problem's file relative to the repository's root; a field `line N` (a
 * body's markup) becomes the annotation's line.
 */
export function githubAnnotations(problems: readonly Problem[], path: (p: Problem) => string): string[] {
  return problems.map((p) => {
    const line = p.field && /^line (\d+)$/.exec(p.field)?.[1];
    const properties = [
      `file=${escapeProperty(path(p))}`,
      ...(line ? [`line=${line}`] : []),
      `title=${escapeProperty(`klaster check: ${p.field && !line ? p.field : 'content'}`)}`,
    ];
    return `::${ANNOTATION_LEVEL[p.severity]} ${properties.join(',')}::${escapeData(p.message)}`;
  });
}
