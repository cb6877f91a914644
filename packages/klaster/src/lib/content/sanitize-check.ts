/**
 * What the build's sanitiser will drop from a text, read from its source with
 * lines, for the content check's warnings. The decision is sanitizeBody's,
 * with the same schema as the build; only the parsing differs. The build
 * parses a Markdown text's raw HTML in place (Sätteri's `rawHtml`), which
 * keeps no positions; here each piece of raw HTML is parsed on its own and
 * each of its tags placed at its line.
 */
import { htmlToHast, markdownToHast, mdxToHast } from 'satteri';
import { bodySchema, mayNeedSanitising, removalMessage, sanitizeBody, type AnyNode, type Removal, type SanitizeOptions } from './sanitize.ts';
import { showInvisible } from './problems.ts';

interface Located {
  start?: { line?: number };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A raw HTML node as elements, each at the line of its start tag. */
function parseRaw(raw: AnyNode): AnyNode[] {
  const value = String(raw.value ?? '');
  const first = (raw.position as Located | undefined)?.start?.line;
  let cursor = 0;
  const place = (node: AnyNode): AnyNode => {
    let position: Located | undefined;
    if (node.type === 'element') {
      const tag = new RegExp(`<${escapeRegExp(String(node.tagName))}(?=[\\s/>]|$)`, 'gi');
      tag.lastIndex = cursor;
      // A tag the parser implied (a <tbody>) is not in the source: it takes the place reached so far.
      const at = tag.exec(value)?.index;
      if (at !== undefined) cursor = at + 1;
      if (first !== undefined) position = { start: { line: first + (value.slice(0, at ?? cursor).match(/\n/g)?.length ?? 0) } };
    }
    return { ...node, position, children: node.children?.map(place) };
  };
  return ((htmlToHast(value, { fragment: true }) as unknown as AnyNode).children ?? []).map(place);
}

/**
 * The tree with its raw HTML parsed. Markdown splits inline HTML at each tag
 * (`<svg>`, then `<circle/>`, then `</svg>`): what follows the start of an
 * element removed with its content, up to its end tag, is inside it, as the
 * build's parser sees it, and is not reported again.
 */
function withRawParsed(node: AnyNode, strip: readonly string[]): AnyNode {
  if (!node.children) return node;
  const children: AnyNode[] = [];
  let open: string | undefined;
  for (const child of node.children) {
    if (open) {
      if (child.type === 'raw' && new RegExp(`</${escapeRegExp(open)}\\s*>`, 'i').test(String(child.value))) open = undefined;
      continue;
    }
    if (child.type !== 'raw') {
      children.push(withRawParsed(child, strip));
      continue;
    }
    const parsed = parseRaw(child);
    children.push(...parsed);
    const last = parsed.at(-1);
    const name = last?.type === 'element' ? String(last.tagName) : undefined;
    if (name && strip.includes(name) && !new RegExp(`</${escapeRegExp(name)}\\s*>`, 'i').test(String(child.value))) open = name;
  }
  return { ...node, children };
}

/** What the sanitiser will remove from a body, with 1-based lines of the body. */
export function bodyRemovals(body: string, ext: 'md' | 'mdx', options: SanitizeOptions = {}): Removal[] {
  const format = ext === 'mdx' ? 'mdx' : 'markdown';
  if (!mayNeedSanitising(body, format)) return [];
  let tree: AnyNode;
  try {
    tree = (format === 'mdx' ? mdxToHast(body) : markdownToHast(body)) as unknown as AnyNode;
  } catch {
    return []; // Text that does not compile: the build names the error.
  }
  return sanitizeBody(withRawParsed(tree, (options.schema ?? bodySchema).strip ?? []), options).removed;
}

export interface MarkupWarning {
  /** `line 12`, of the file (the body's line plus the frontmatter's). */
  field: string | undefined;
  message: string;
}

/**
 * The content check's warnings for a text: what the sanitiser will remove,
 * one warning per message (a repeated one names its other lines), leaving
 * out tags the component check already reports on the same line.
 */
export function markupWarnings(input: {
  body: string;
  ext: 'md' | 'mdx';
  /** Lines of the file before the body. */
  lineOffset: number;
  /** The component check's problems for this text, by line of the body. */
  explained: readonly { line: number; message: string }[];
  options?: SanitizeOptions;
}): MarkupWarning[] {
  const byMessage = new Map<string, (number | undefined)[]>();
  for (const r of bodyRemovals(input.body, input.ext, input.options)) {
    const tag = r.what.slice(0, -1).toLowerCase(); // `<partnerlist`
    if (r.kind === 'element' && input.explained.some((p) => p.line === r.line && p.message.toLowerCase().startsWith(tag))) continue;
    // The removed markup as the text has it, its invisible characters named.
    const message = showInvisible(removalMessage(r));
    byMessage.set(message, [...(byMessage.get(message) ?? []), r.line === undefined ? undefined : r.line + input.lineOffset]);
  }
  return [...byMessage].map(([message, lines]) => {
    const [first, ...more] = [...new Set(lines)];
    const also = more.filter((l) => l !== undefined);
    return {
      field: first === undefined ? undefined : `line ${first}`,
      message: also.length ? `${message} (also on line${also.length > 1 ? 's' : ''} ${also.join(', ')})` : message,
    };
  });
}
