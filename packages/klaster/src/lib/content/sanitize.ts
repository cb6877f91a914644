/**
 * What HTML a Markdown or MDX body may publish, and the sanitiser that holds
 * it to that at build time.
 *
 * The allow-list is hast-util-sanitize's default schema (GitHub's) with what
 * editors of this site use added (`<abbr>`, `<figure>`, `translate`...) and
 * what they must not publish taken out (inputs, `data:` and other URL
 * schemes). Everything not listed is dropped: scripts and styles with their
 * content, event-handler and `style` attributes, URLs with any other scheme
 * (`javascript:` in any case, however it is spelt), iframes, objects, forms.
 * `widenSchema` is the one way to allow more.
 *
 * Astro 7 renders Markdown and MDX with Sätteri, which does not run rehype
 * plugins; `sanitizerPlugin` runs hast-util-sanitize (the sanitiser inside
 * rehype-sanitize) as a Sätteri hast plugin instead, with Sätteri's `rawHtml`
 * feature so that raw HTML in Markdown is parsed into elements first and
 * nothing passes through as unparsed text (`bodyProcessorOptions`).
 *
 * In MDX, HTML is JSX (mdxJsxFlowElement / mdxJsxTextElement nodes, which
 * hast-util-sanitize does not know). Lowercase JSX is held to the same schema
 * as HTML; Klaster's components pass with their written attributes and their
 * content sanitised; any other component, `import`/`export`, `{...}`
 * expressions and Astro directives (`set:html`, `client:load`) are code and
 * are dropped.
 *
 * The content check uses `sanitizeBody` too, to warn about each thing the
 * build will drop (src/lib/content/sanitize-check.ts): one list decides both.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import type { HastPluginDefinition, SourceFormat } from 'satteri';

/** An attribute as the schema lists it: a name, or a name and its allowed values. */
export type PropertyDefinition = NonNullable<Schema['attributes']>[string][number];

/** A hast or MDX node, read loosely: the sanitiser meets whatever the parser made. */
export interface AnyNode {
  type: string;
  children?: AnyNode[];
  [key: string]: unknown;
}

/** Elements removed with everything inside them: their content is code, styles or fallback, not text. */
const STRIPPED = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'noembed',
  'noframes',
  'template',
  'textarea',
  'select',
  'xmp',
  'title',
  'svg',
  'math',
];

/** Tags editors use that GitHub's list lacks. */
const ADDED_TAGS = ['abbr', 'bdi', 'bdo', 'caption', 'cite', 'col', 'colgroup', 'dfn', 'figcaption', 'figure', 'mark', 'small', 'time', 'u', 'wbr'];
/** Tags of GitHub's list this site does not publish: form inputs (task-list boxes), and sources whose srcset no scheme rule covers. */
const REMOVED_TAGS = ['input', 'picture', 'source'];

const defaultAttributes = defaultSchema.attributes ?? {};

/**
 * The allow-list for bodies, as a hast-util-sanitize schema. Attribute names
 * are hast property names (`className`, `tabIndex`). Ids are kept as written,
 * without hast-util-sanitize's `user-content-` prefix: links to a heading's
 * id would break, and Sätteri already prefixes the ids of footnotes.
 */
/**
 * A protocol list no address of another host matches: hast-util-sanitize
 * treats an empty list as "any protocol", so this names one that no browser
 * fetches from, and addresses without a scheme (./photo.jpg, /files/a.png)
 * pass as always.
 */
const RELATIVE_ONLY = ['klaster-relative-only'];

export const bodySchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((t) => !REMOVED_TAGS.includes(t)), ...ADDED_TAGS],
  attributes: {
    ...Object.fromEntries(Object.entries(defaultAttributes).filter(([tag]) => !REMOVED_TAGS.includes(tag))),
    '*': [...(defaultAttributes['*'] ?? []), 'translate'],
  },
  ancestors: { ...defaultSchema.ancestors, caption: ['table'], col: ['table'], colgroup: ['table'] },
  // Images only from the site itself (a file beside the text, or an address in
  // the site): an image from another host would be fetched from it by every
  // visitor's browser (and the Content-Security-Policy blocks it anyway).
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'], src: RELATIVE_ONLY },
  required: {},
  strip: STRIPPED,
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};

export interface SchemaExtension {
  /** More tags, e.g. `['video']`; a tag listed here is no longer removed with its content. */
  tagNames?: readonly string[];
  /** More attributes per tag (`'*'`: every tag), by HTML or hast name, or `[name, ...allowed values]`. */
  attributes?: Readonly<Record<string, readonly PropertyDefinition[]>>;
  /** More URL schemes per attribute, e.g. `{ href: ['sms'] }`. */
  protocols?: Readonly<Record<string, readonly string[]>>;
}

const propertyName = (name: string) => find(html, name).property;

/**
 * The body schema widened by a site's explicit configuration. Scripts,
 * event handlers and javascript:/vbscript: addresses cannot be allowed: the
 * site's Content-Security-Policy would block them anyway.
 */
export function widenSchema(extension: SchemaExtension, base: Schema = bodySchema): Schema {
  const tags = extension.tagNames ?? [];
  if (tags.some((t) => t.toLowerCase() === 'script')) throw new Error('<script> cannot be allowed in texts: the Content-Security-Policy forbids inline scripts');
  const attributes: Record<string, PropertyDefinition[]> = Object.fromEntries(
    Object.entries(base.attributes ?? {}).map(([tag, list]) => [tag, [...list]]),
  );
  for (const [tag, list] of Object.entries(extension.attributes ?? {})) {
    for (const definition of list) {
      const [name, ...values] = typeof definition === 'string' ? [definition] : definition;
      if (/^on/i.test(name)) throw new Error(`${name} cannot be allowed in texts: event handlers are scripts, which the Content-Security-Policy forbids`);
      const property = propertyName(name);
      (attributes[tag] ??= []).push(values.length ? [property, ...values] : property);
    }
  }
  const protocols: Record<string, string[]> = Object.fromEntries(
    Object.entries(base.protocols ?? {}).map(([key, list]) => [key, [...(list ?? [])]]),
  );
  for (const [name, list] of Object.entries(extension.protocols ?? {})) {
    const property = propertyName(name);
    const schemes = list.map((p) => p.replace(/:$/, '').toLowerCase());
    const refused = schemes.find((p) => p === 'javascript' || p === 'vbscript');
    if (refused) throw new Error(`${refused}: addresses cannot be allowed in texts: they are scripts, which the Content-Security-Policy forbids`);
    protocols[property] = [...new Set([...(protocols[property] ?? []), ...schemes])];
  }
  return {
    ...base,
    tagNames: [...new Set([...(base.tagNames ?? []), ...tags])],
    strip: (base.strip ?? []).filter((t) => !tags.includes(t)),
    attributes,
    protocols,
  };
}

/** One thing the sanitiser drops, worded for the editor who wrote it. */
export interface Removal {
  kind: 'element' | 'attribute' | 'code';
  /** As written: `<script>`, `onclick="alert(1)" on <a>`, `{1 + 1}`. */
  what: string;
  reason: string;
  /** The element goes but its text stays (a tag that is not allowed, around allowed content). */
  keepsContent?: boolean;
  /** 1-based line in the text, when the tree has positions. */
  line?: number;
}

export function removalMessage(r: Removal): string {
  return `${r.what} will be removed${r.keepsContent ? ' (its text is kept)' : ''}: ${r.reason}`;
}

export interface SanitizeOptions {
  schema?: Schema;
  /** MDX components that may stand in a text (src/lib/mdx-components.ts). */
  components?: readonly string[];
}

export interface Sanitized {
  tree: AnyNode;
  removed: Removal[];
  /** Whether the tree differs from the input (removals, and comments, which are dropped without a word). */
  changed: boolean;
}

const CODE = 'code is not allowed in texts';
const ELEMENT_REASONS: [string[], string][] = [
  [['script'], 'scripts are not allowed in texts'],
  [['style'], "style sheets are not allowed in texts; the site's stylesheet styles every text"],
  [['iframe', 'frame', 'frameset', 'object', 'embed', 'applet'], 'embedded pages and objects are not allowed in texts; link to them instead'],
  [['form', 'input', 'button', 'select', 'textarea', 'option', 'optgroup', 'fieldset', 'label', 'datalist', 'output'], 'forms and inputs are not allowed in texts'],
  [['svg', 'math'], 'drawings in the text are not allowed; put the picture in an image file'],
];

/** A valid HTML (custom) element name as JSX writes it; anything else in JSX is a component or code. */
const HTML_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** Per process: a tag and a property no text can name, to carry components and node ids through hast-util-sanitize. */
const NONCE = randomBytes(6).toString('hex');
const PLACEHOLDER = `klaster-component-${NONCE}`;
const MARK = `klasterNode${NONCE}`;

const short = (s: string, max = 40) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};
const lineOf = (node: AnyNode) => (node.position as { start?: { line?: number } } | undefined)?.start?.line;
/** `{/* a comment *\/}`: an MDX comment, which renders nothing. */
const isComment = (code: string) => code.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '').trim() === '';

interface JsxAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value?: string | null | { type: string; value: string };
}

interface Origin {
  node: AnyNode;
  kind: 'element' | 'jsx' | 'component';
  parent: number | undefined;
  /** Its line, or its parent's when the parser gave it none. */
  line: number | undefined;
  tagName: string;
  props: Record<string, unknown>;
  /** JSX: the attribute each property came from, as written. */
  attributes?: Map<string, JsxAttribute>;
  /** Components: the attributes they keep. */
  kept?: JsxAttribute[];
  /** Code was removed from its attributes. */
  dirty?: boolean;
}

/** A JSX attribute's value as the hast property HTML parsing would give. */
function propertyValue(name: string, value: string | null | undefined): [string, unknown] {
  const info = find(html, name);
  if (value === null || value === undefined) return [info.property, true];
  if (info.spaceSeparated) return [info.property, value.trim().split(/\s+/).filter(Boolean)];
  if (info.commaSeparated) return [info.property, value.split(',').map((v) => v.trim()).filter(Boolean)];
  if (info.number && value.trim() !== '' && !Number.isNaN(Number(value))) return [info.property, Number(value)];
  return [info.property, value];
}

function writtenValue(property: string, value: unknown): string | null {
  if (value === true) return null;
  if (Array.isArray(value)) return value.join(find(html, property).commaSeparated ? ', ' : ' ');
  return String(value);
}

const sameValue = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;

function elementReason(tagName: string, schema: Schema): string {
  for (const [tags, reason] of ELEMENT_REASONS) if (tags.includes(tagName)) return reason;
  const ancestors = schema.ancestors?.[tagName];
  if (schema.tagNames?.includes(tagName) && ancestors) return `the tag is allowed only inside ${ancestors.map((a) => `<${a}>`).join(' or ')}`;
  return 'the tag is not allowed in texts';
}

function definitionFor(schema: Schema, tagName: string, property: string): PropertyDefinition | undefined {
  const named = (list: readonly PropertyDefinition[] | undefined) =>
    list?.find((d) => (typeof d === 'string' ? d : d[0]) === property);
  return named(schema.attributes?.[tagName]) ?? named(schema.attributes?.['*']);
}

function attributeReason(schema: Schema, tagName: string, property: string, attribute: string, value: unknown): string {
  if (/^on/i.test(attribute)) return 'event handlers are scripts, which are not allowed in texts';
  if (property === 'style' && (tagName === 'th' || tagName === 'td') && /^\s*text-align:\s*[a-z]+;?\s*$/i.test(String(value))) {
    return "a table column's alignment (:-- or --: under its heading) is an inline style, which the site does not publish";
  }
  if (property === 'style') return "inline styles are not allowed in texts; the site's stylesheet styles every text";
  const definition = definitionFor(schema, tagName, property);
  const protocols = schema.protocols?.[property];
  if (property === 'src' && protocols === RELATIVE_ONLY) {
    return 'an image from another site is not published (every visitor would load it from there); put the file beside the text and write ./photo.jpg';
  }
  if (definition && protocols?.length) {
    return `the address must start with ${protocols.map((p) => `${p}:`).join(', ')} or lead within the site`;
  }
  if (definition) return 'the value is not allowed here';
  return `the attribute is not allowed on <${tagName}> in texts`;
}

function describeAttribute(name: string, value: unknown): string {
  if (value === true || value === null || value === undefined) return name;
  return `${name}="${short(Array.isArray(value) ? value.join(' ') : String(value))}"`;
}

/**
 * Sanitises a body's hast tree (from Markdown or MDX, with or without
 * positions) against the schema, and says what it removed.
 */
export function sanitizeBody(tree: AnyNode, options: SanitizeOptions = {}): Sanitized {
  const schema = options.schema ?? bodySchema;
  const components = options.components ?? [];
  const origins: Origin[] = [];
  const removed: Removal[] = [];
  let silent = false;
  // Elements whose subtree changes; the others go back as they came, the very same nodes.
  const dirty = new Set<number>();
  const touch = (id: number | undefined) => {
    for (let i = id; i !== undefined && !dirty.has(i); i = origins[i].parent) dirty.add(i);
  };

  const kids = (node: AnyNode, parent: number | undefined) => (node.children ?? []).flatMap((c) => toPure(c, parent));
  const at = (node: AnyNode, parent: number | undefined) => lineOf(node) ?? (parent === undefined ? undefined : origins[parent].line);

  const element = (node: AnyNode, origin: Omit<Origin, 'parent' | 'node' | 'line'>, parent: number | undefined): AnyNode => {
    const id = origins.push({ ...origin, node, parent, line: at(node, parent) }) - 1;
    if (origin.dirty) touch(id);
    // A tag that imitates the placeholder is not allowed.
    const tagName = origin.tagName === PLACEHOLDER && origin.kind !== 'component' ? `${PLACEHOLDER}-x` : origin.tagName;
    return { type: 'element', tagName, properties: { ...origin.props, [MARK]: id }, children: kids(node, id) };
  };

  function jsx(node: AnyNode, parent: number | undefined): AnyNode[] {
    const name = node.name as string | null;
    if (name === null) {
      touch(parent);
      return kids(node, parent); // <>...</>: a fragment renders its children
    }
    const literal: JsxAttribute[] = [];
    for (const attr of (node.attributes ?? []) as (JsxAttribute | { type: 'mdxJsxExpressionAttribute'; value: string })[]) {
      if (attr.type === 'mdxJsxExpressionAttribute') {
        removed.push({ kind: 'code', what: `{${short(attr.value)}} on <${name}>`, reason: CODE, line: at(node, parent) });
      } else if (attr.value !== null && typeof attr.value === 'object') {
        removed.push({ kind: 'code', what: `${attr.name}={${short(attr.value.value)}} on <${name}>`, reason: `${CODE}; write the value in quotes`, line: at(node, parent) });
      } else if (attr.name.includes(':')) {
        // set:html, client:load...: Astro directives, which would bypass the sanitiser or run code.
        removed.push({ kind: 'code', what: `${describeAttribute(attr.name, attr.value)} on <${name}>`, reason: 'Astro directives are code, which is not allowed in texts', line: at(node, parent) });
      } else literal.push(attr);
    }
    const dirty = literal.length < (node.attributes as unknown[] | undefined ?? []).length;
    if (components.includes(name)) return [element(node, { kind: 'component', tagName: PLACEHOLDER, props: {}, kept: literal, dirty }, parent)];
    if (HTML_NAME.test(name)) {
      const props: Record<string, unknown> = {};
      const attributes = new Map<string, JsxAttribute>();
      for (const attr of literal) {
        const [property, value] = propertyValue(attr.name, attr.value as string | null | undefined);
        props[property] = value;
        attributes.set(property, attr);
      }
      return [element(node, { kind: 'jsx', tagName: name, props, attributes, dirty }, parent)];
    }
    touch(parent);
    removed.push({
      kind: 'element',
      what: `<${name}>`,
      reason: components.length ? `only Klaster's components can be used in texts: ${components.join(', ')}` : 'components are not allowed in texts',
      line: at(node, parent),
    });
    return [];
  }

  function toPure(node: AnyNode, parent: number | undefined): AnyNode[] {
    switch (node.type) {
      case 'root':
        return [{ type: 'root', children: kids(node, parent) }];
      case 'text':
        return [{ type: 'text', value: node.value }];
      case 'element':
        return [element(node, { kind: 'element', tagName: node.tagName as string, props: (node.properties ?? {}) as Record<string, unknown> }, parent)];
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return jsx(node, parent);
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const code = String(node.value ?? '');
        if (isComment(code)) silent = true;
        else removed.push({ kind: 'code', what: `{${short(code)}}`, reason: CODE, line: at(node, parent) });
        touch(parent);
        return [];
      }
      case 'mdxjsEsm': {
        touch(parent);
        const first = at(node, parent);
        String(node.value ?? '')
          .split('\n')
          .forEach((line, i) => {
            if (/^\s*(?:import|export)\b/.test(line)) {
              removed.push({ kind: 'code', what: short(line), reason: `${CODE} (import and export lines)`, line: first === undefined ? undefined : first + i });
            }
          });
        return [];
      }
      case 'raw':
        touch(parent);
        removed.push({ kind: 'element', what: `HTML "${short(String(node.value ?? ''))}"`, reason: 'HTML that was not parsed cannot be checked', line: at(node, parent) });
        return [];
      case 'comment':
      case 'doctype':
        silent = true;
        touch(parent);
        return [];
      default:
        touch(parent);
        removed.push({ kind: 'element', what: `a ${node.type} node`, reason: 'it is not part of the allowed HTML', line: at(node, parent) });
        return [];
    }
  }

  const pure = toPure(tree, undefined)[0] ?? { type: 'root', children: [] };
  const working: Schema = {
    ...schema,
    tagNames: [...(schema.tagNames ?? []), PLACEHOLDER],
    attributes: { ...schema.attributes, '*': [...(schema.attributes?.['*'] ?? []), MARK] },
  };
  const clean = sanitize(pure as never, working) as unknown as AnyNode;

  // What survived, by id.
  const kept = new Map<number, Record<string, unknown>>();
  const collect = (node: AnyNode) => {
    if (node.type === 'element') kept.set((node.properties as Record<string, unknown>)[MARK] as number, node.properties as Record<string, unknown>);
    node.children?.forEach(collect);
  };
  collect(clean);

  // What did not, in document order; nothing inside an element removed with its content.
  const gone = new Set<number>();
  origins.forEach((o, id) => {
    if (o.parent !== undefined && gone.has(o.parent)) {
      gone.add(id);
      return;
    }
    const label = o.kind === 'component' ? (o.node.name as string) : o.tagName;
    const after = kept.get(id);
    if (!after) {
      const stripped = (schema.strip ?? []).includes(o.tagName);
      if (stripped) gone.add(id);
      touch(o.parent);
      const keepsContent = !stripped && (o.node.children?.length ?? 0) > 0;
      removed.push({ kind: 'element', what: `<${label}>`, reason: elementReason(o.tagName, schema), keepsContent, line: o.line });
      return;
    }
    for (const [property, before] of Object.entries(o.props)) {
      if (property === MARK) continue;
      const attribute = o.attributes?.get(property)?.name ?? find(html, property).attribute.toLowerCase();
      if (!(property in after)) {
        touch(id);
        removed.push({ kind: 'attribute', what: `${describeAttribute(attribute, before)} on <${label}>`, reason: attributeReason(schema, o.tagName, property, attribute, before), line: o.line });
      } else if (!sameValue(before, after[property])) {
        touch(id);
        const dropped = Array.isArray(before) ? before.filter((v) => !(after[property] as unknown[]).includes(v)) : [before];
        removed.push({ kind: 'attribute', what: `${describeAttribute(attribute, dropped)} on <${label}>`, reason: 'the value is not allowed here', line: o.line });
      }
    }
  });

  const back = (node: AnyNode): AnyNode => {
    if (node.type === 'element') {
      const id = (node.properties as Record<string, unknown>)[MARK] as number;
      if (origins[id] && !dirty.has(id)) return origins[id].node;
    }
    const children = node.children?.map(back);
    if (node.type !== 'element') return children ? { ...node, children } : node;
    const { [MARK]: id, ...props } = node.properties as Record<string, unknown>;
    const o = origins[id as number];
    if (o?.kind === 'component') return { type: o.node.type, name: o.node.name, attributes: o.kept, data: o.node.data, children };
    if (o?.kind === 'jsx') {
      const attributes = [...o.attributes!].flatMap(([property, attr]) =>
        !(property in props)
          ? []
          : sameValue(o.props[property], props[property])
            ? [attr]
            : [{ type: 'mdxJsxAttribute' as const, name: attr.name, value: writtenValue(property, props[property]) }],
      );
      return { type: o.node.type, name: o.node.name, attributes, data: o.node.data, children };
    }
    const out: AnyNode = { type: 'element', tagName: node.tagName, properties: props, children: children ?? [] };
    if (o?.node.data) out.data = o.node.data;
    return out;
  };

  removed.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { tree: back(clean), removed, changed: silent || removed.length > 0 };
}

/**
 * Whether sanitising could change a text, from its source alone: false only
 * when it holds no markup or code, no link or image destination, and nothing
 * Markdown turns into something the schema refuses (code blocks, which the
 * highlighter colours with inline styles; task-list boxes; table columns
 * aligned with `:--`, which Sätteri aligns with inline styles). Lets the
 * build skip the sanitiser for plain prose; a test holds it to the
 * sanitiser's own verdict.
 */
export function mayNeedSanitising(source: string, format: SourceFormat): boolean {
  if (/<|\]\(|\]:|`{3}|~{3}|^(?: {4}|\t)|\[[ xX]\]|xmpp:|^[ \t|:-]*(?::-|-:)[ \t|:-]*$/m.test(source)) return true;
  return format === 'mdx' && /[{}]|^\s*(?:import|export)\b/m.test(source);
}

/**
 * A fingerprint of what the sanitiser does: the schema, the components, and
 * this file. Astro keeps rendered Markdown and whole pages between builds,
 * and knows they are stale when its configuration changes; functions are not
 * part of what it compares, so the plugin carries this.
 */
function fingerprint(options: SanitizeOptions): string {
  const schema = JSON.stringify(options.schema ?? bodySchema, (_key, value: unknown) => (value instanceof RegExp ? String(value) : value));
  return createHash('sha256')
    .update(schema)
    .update(`\0${(options.components ?? []).join(',')}\0`)
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('base64url')
    .slice(0, 22);
}

/**
 * The sanitiser as a Sätteri hast plugin. It runs after Sätteri's own
 * conversion (and after Astro's syntax highlighting, whose inline colours it
 * removes), before Astro marks images and adds heading ids. A text whose
 * source holds nothing the sanitiser could change is left alone without
 * reading its tree.
 */
export function sanitizerPlugin(options: SanitizeOptions = {}) {
  return {
    name: 'klaster-sanitize',
    allowList: fingerprint(options),
    after(root: unknown, ctx: { source: string; sourceFormat: SourceFormat; replaceNode(node: never, replacement: never): void }) {
      if (!mayNeedSanitising(ctx.source, ctx.sourceFormat)) return;
      const result = sanitizeBody(root as AnyNode, options);
      if (result.changed) ctx.replaceNode(root as never, result.tree as never);
    },
  } satisfies HastPluginDefinition & { allowList: string };
}

/**
 * Options for Astro's Sätteri processor (`satteri(...)` in astro.config.mjs).
 * Markdown has its raw HTML parsed into elements (Sätteri's `rawHtml`), so
 * that the sanitiser sees every tag. MDX has no raw HTML (its HTML is JSX),
 * and must not have the feature: with it, Sätteri loses the mark of JSX
 * written in the text when a plugin replaces the tree, and `<img>` written
 * as JSX would become a Markdown image.
 */
export function bodyProcessorOptions(format: SourceFormat, options: SanitizeOptions = {}) {
  return { hastPlugins: [sanitizerPlugin(options)], features: format === 'markdown' ? { rawHtml: true } : {} };
}
