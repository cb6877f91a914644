/**
 * The MDX components editors write in texts (`<PartnerList />`,
 * `<Figure caption="...">`...): what each one accepts, where they stand in a
 * body, which project they speak of, and the rules the content check holds
 * them to. Plain TypeScript, shared by the content check and the Astro
 * components in src/components/mdx/.
 */
import { closestId, describeName, showInvisible } from './content/problems.ts';

export const mdxComponentNames = ['PartnerList', 'Timeline', 'Figure', 'IndicatorBars', 'FundingNotice', 'Map'] as const;
export type MdxComponentName = (typeof mdxComponentNames)[number];

interface ComponentSpec {
  /** The attributes it accepts. */
  attributes: readonly string[];
  required: readonly string[];
  /** It shows a project's data, by default the project of the text. */
  project: boolean;
  /** It wraps content (the image of a Figure). */
  wraps: boolean;
  /** At most once per text (its markup has ids). */
  once: boolean;
}

const spec = (s: Partial<ComponentSpec>): ComponentSpec => ({
  attributes: ['project'],
  required: [],
  project: true,
  wraps: false,
  once: false,
  ...s,
});

export const mdxComponentSpecs: Record<MdxComponentName, ComponentSpec> = {
  PartnerList: spec({}),
  Timeline: spec({}),
  Figure: spec({ attributes: ['caption'], required: ['caption'], project: false, wraps: true }),
  IndicatorBars: spec({ attributes: ['indicator', 'project'] }),
  FundingNotice: spec({}),
  Map: spec({ once: true }),
};

export const isMdxComponent = (name: string): name is MdxComponentName => Object.hasOwn(mdxComponentSpecs, name);

/**
 * The project a text's components speak of when they name none: the project
 * itself in a project's text, the only project a news item, event or
 * newsletter names; otherwise none.
 */
export function contextProject(collection: string, id: string, facts: unknown): string | undefined {
  if (collection === 'projects') return id;
  const projects = (facts as { projects?: unknown } | undefined)?.projects;
  return Array.isArray(projects) && projects.length === 1 && typeof projects[0] === 'string' ? projects[0] : undefined;
}

export type AttributeValue = string | true | { expression: string };

export interface ComponentUse {
  name: string;
  attributes: Record<string, AttributeValue>;
  /** 1-based line in the body. */
  line: number;
  selfClosing: boolean;
  /** What stands between the opening and the closing tag; undefined when a tag that is not self-closing is never closed. */
  children?: string;
}

/** The body with code, code spans and MDX comments blanked out (line breaks kept), so tags in them are not read. */
function blankCode(body: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return body
    .replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\2[`~]*[ \t]*(?=\n|$)|$)/gm, blank)
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank);
}

/** Names an MDX body defines itself with `import` or `export`. */
function definedNames(body: string): Set<string> {
  const names = new Set<string>();
  for (const m of body.matchAll(/^(?:import|export)\b([^\n]*?)(?:\bfrom\b|=|$)/gm)) {
    for (const n of m[1].matchAll(/[A-Z][A-Za-z0-9_]*/g)) names.add(n[0]);
  }
  return names;
}

/** Reads the attributes after `<Name` at `start`; undefined when the tag never ends. */
function readAttributes(text: string, start: number): { attributes: Record<string, AttributeValue>; end: number; selfClosing: boolean } | undefined {
  const attributes: Record<string, AttributeValue> = {};
  let i = start;
  while (i < text.length) {
    while (/\s/.test(text[i] ?? '')) i++;
    if (text.startsWith('/>', i)) return { attributes, end: i + 2, selfClosing: true };
    if (text[i] === '>') return { attributes, end: i + 1, selfClosing: false };
    const name = /^[A-Za-z_:][\w:.-]*/.exec(text.slice(i, i + 100))?.[0];
    if (!name) return undefined;
    i += name.length;
    while (/[ \t]/.test(text[i] ?? '')) i++;
    if (text[i] !== '=') {
      attributes[name] = true;
      continue;
    }
    i++;
    while (/\s/.test(text[i] ?? '')) i++;
    const quote = text[i];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, i + 1);
      if (close < 0) return undefined;
      attributes[name] = text.slice(i + 1, close);
      i = close + 1;
    } else if (quote === '{') {
      let depth = 0;
      let j = i;
      let inString: string | undefined;
      for (; j < text.length; j++) {
        const c = text[j];
        if (inString) {
          if (c === '\\') j++;
          else if (c === inString) inString = undefined;
        } else if (c === '"' || c === "'" || c === '`') inString = c;
        else if (c === '{') depth++;
        else if (c === '}' && --depth === 0) break;
      }
      if (j >= text.length) return undefined;
      attributes[name] = { expression: text.slice(i + 1, j).trim() };
      i = j + 1;
    } else return undefined;
  }
  return undefined;
}

/** Where the closing tag of an element opened before `from` is, counting the same element nested inside it. */
function closingTag(text: string, name: string, from: number): { start: number; end: number } | undefined {
  const tags = new RegExp(`<(/?)${name}(?=[\\s/>])`, 'g');
  tags.lastIndex = from;
  let depth = 0;
  for (let m = tags.exec(text); m; m = tags.exec(text)) {
    if (m[1]) {
      const end = /^\s*>/.exec(text.slice(tags.lastIndex));
      if (!end) continue;
      if (depth === 0) return { start: m.index, end: tags.lastIndex + end[0].length };
      depth--;
    } else {
      const inner = readAttributes(text, tags.lastIndex);
      if (inner && !inner.selfClosing) depth++;
    }
  }
  return undefined;
}

/**
 * Every use of a capitalised component in an MDX body, with its attributes.
 * Tags that never end are left to the MDX compiler, which names the line.
 */
export function findComponentUses(body: string): ComponentUse[] {
  const text = blankCode(body);
  const own = definedNames(text);
  const uses: ComponentUse[] = [];
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  for (const m of text.matchAll(/<([A-Z][A-Za-z0-9]*)(?=[\s/>])/g)) {
    const name = m[1];
    if (own.has(name)) continue;
    const read = readAttributes(text, m.index + m[0].length);
    if (!read) continue;
    const use: ComponentUse = { name, attributes: read.attributes, line: lineAt(m.index), selfClosing: read.selfClosing };
    if (!read.selfClosing) {
      const close = closingTag(text, name, read.end);
      if (close) use.children = body.slice(read.end, close.start);
    }
    uses.push(use);
  }
  return uses;
}

/** Markdown images (`![description](./photo.jpg)`) in a piece of text, with their 1-based line. */
export function markdownImagesWithLines(text: string): { alt: string; src: string; line: number }[] {
  const blanked = blankCode(text);
  return [...blanked.matchAll(/!\[([^\]]*)\]\(\s*<?([^\s)>]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g)].map((m) => ({
    alt: m[1].trim(),
    src: m[2],
    line: blanked.slice(0, m.index).split('\n').length,
  }));
}

/** Markdown images (`![description](./photo.jpg)`) in a piece of text. */
export function markdownImages(text: string): { alt: string; src: string }[] {
  return markdownImagesWithLines(text).map(({ alt, src }) => ({ alt, src }));
}

/** `./photo.jpg` → `photo.jpg`; undefined for anything not beside the text. */
export function localImageFile(src: string): string | undefined {
  const file = decodeURI(src).replace(/^\.\//, '');
  return /^[^/\\:?#]+$/.test(file) && !file.startsWith('..') ? file : undefined;
}

/** What the check knows of a project. */
export interface ProjectFacts {
  indicators: { id: string; breakdown?: { id: string }[] }[];
}

export interface MdxCheckInput {
  ext: 'md' | 'mdx';
  body: string;
  /** The text's own file name, e.g. index.en.mdx, for messages. */
  fileName: string;
  /** The project of the text's components when they name none. */
  defaultProject: string | undefined;
  /** Every project; undefined facts for one that failed its own checks. */
  projects: ReadonlyMap<string, ProjectFacts | undefined>;
  /** Files beside the text. */
  assets: readonly string[];
  imageExtensions: readonly string[];
}

export interface MdxProblem {
  line: number;
  message: string;
}

const list = (items: readonly string[]) => items.join(', ');

function attributeProblems(use: ComponentUse & { name: MdxComponentName }, input: MdxCheckInput): string[] {
  const s = mdxComponentSpecs[use.name];
  const out: string[] = [];
  for (const key of Object.keys(use.attributes)) {
    if (use.name === 'Figure' && (key === 'src' || key === 'alt')) continue;
    if (!s.attributes.includes(key)) {
      out.push(`<${use.name}> has no attribute "${describeName(key)}"; its attributes are ${list(s.attributes)} (see the editors' guide)`);
    }
  }
  for (const key of s.required) {
    const value = use.attributes[key];
    if (value === undefined || value === true || (typeof value === 'string' && !value.trim())) {
      out.push(`<${use.name}> needs ${key}="..."`);
    }
  }
  if (s.project) {
    const named = use.attributes.project;
    const project = typeof named === 'string' ? named : named === undefined ? input.defaultProject : undefined;
    if (named === undefined && project === undefined) {
      out.push(`<${use.name}> does not know which project to show here; name it: <${use.name} project="project-id" />`);
    } else if (named === true) out.push(`<${use.name} project> needs the id of a project: project="project-id"`);
    else if (project !== undefined && !input.projects.has(project)) {
      const ids = [...input.projects.keys()];
      const guess = closestId(project, ids);
      const shown = describeName(project);
      out.push(
        `<${use.name}> names the project "${shown}", but there is no projects/${shown}; ${guess ? `did you mean "${describeName(guess)}"? ` : ''}${ids.length ? `the projects are ${list(ids.map(describeName))}` : 'there are no projects yet'}`,
      );
    } else if (project !== undefined && use.name === 'IndicatorBars' && input.projects.get(project)) {
      const indicators = input.projects.get(project)!.indicators;
      const wanted = use.attributes.indicator;
      if (indicators.length === 0) out.push(`<IndicatorBars> shows indicators, but the project ${project} has none in its index.yaml`);
      else if (wanted === true) out.push(`<IndicatorBars indicator> needs an indicator id: indicator="${indicators[0].id}"`);
      else if (typeof wanted === 'string' && !indicators.some((i) => i.id === wanted)) {
        const parent = indicators.find((i) => i.breakdown?.some((b) => b.id === wanted));
        out.push(
          parent
            ? `<IndicatorBars indicator="${wanted}" />: "${wanted}" is part of the breakdown of "${parent.id}"; write indicator="${parent.id}" to show it with its breakdown`
            : `<IndicatorBars indicator="${describeName(wanted)}" />: the project ${project} has no indicator "${describeName(wanted)}"; its indicators are ${list(indicators.map((i) => i.id))}`,
        );
      }
    }
  }
  return out;
}

/** How a Figure is written, with the editor's own values where there are any; indented for the check's output. */
function figureExample(caption = 'What the picture shows', alt = 'A description of the picture for people who cannot see it', src = './photo.jpg'): string {
  return ['', `<Figure caption="${showInvisible(caption)}">`, `  ![${showInvisible(alt)}](${showInvisible(src)})`, '</Figure>'].join('\n      ');
}

function figureProblems(use: ComponentUse, input: MdxCheckInput): string[] {
  const value = (key: string) => (typeof use.attributes[key] === 'string' ? (use.attributes[key] as string) : undefined);
  if (use.attributes.src !== undefined || use.attributes.alt !== undefined) {
    return [`<Figure> takes its picture as a Markdown image inside it, not as src and alt; write:${figureExample(value('caption'), value('alt'), value('src'))}`];
  }
  if (use.selfClosing || use.children === undefined) {
    return [`<Figure> wraps its picture, a Markdown image on a line of its own:${figureExample(value('caption'))}`];
  }
  const images = markdownImages(use.children);
  if (images.length !== 1) {
    return [`<Figure> must hold exactly one Markdown image, found ${images.length}:${figureExample(value('caption'))}`];
  }
  const [image] = images;
  const out: string[] = [];
  const src = describeName(image.src);
  if (!image.alt) out.push(`<Figure>: the image ${src} has no description; write one between the brackets: ![what the picture shows](${src})`);
  const file = localImageFile(image.src);
  const ext = file?.split('.').pop()?.toLowerCase() ?? '';
  if (!file) out.push(`<Figure>: the image ${src} must be a file beside ${showInvisible(input.fileName)}, written ./photo.jpg`);
  else if (!input.imageExtensions.includes(ext)) out.push(`<Figure>: ${describeName(file)} is not an image file; use ${list(input.imageExtensions)}`);
  else if (!input.assets.includes(file)) {
    out.push(`<Figure>: there is no file ${describeName(file)} beside ${showInvisible(input.fileName)}; put the picture in the entry's folder or correct the name`);
  }
  return out;
}

/** The problems of the components in one text, by line of the body. */
export function checkMdxBody(input: MdxCheckInput): MdxProblem[] {
  const problems: MdxProblem[] = [];
  const uses = findComponentUses(input.body);
  const seen = new Set<string>();
  for (const use of uses) {
    const add = (message: string) => problems.push({ line: use.line, message });
    const unclosed = input.ext === 'mdx' && !use.selfClosing && use.children === undefined;
    if (!isMdxComponent(use.name)) {
      if (input.ext === 'mdx') {
        add(`<${describeName(use.name)}> is not a Klaster component; the components are ${list(mdxComponentNames)} (check the spelling and capitals)`);
      }
      if (unclosed) add(`<${use.name}> is never closed: add </${use.name}> where it ends, or write <${use.name} /> if it holds nothing`);
      continue;
    }
    if (input.ext === 'md') {
      add(`<${use.name}> works only in MDX files; rename ${showInvisible(input.fileName)} to ${showInvisible(input.fileName.replace(/\.md$/, '.mdx'))}`);
      continue;
    }
    const typed = use as ComponentUse & { name: MdxComponentName };
    if (unclosed) {
      add(
        mdxComponentSpecs[typed.name].wraps
          ? `<${use.name}> is never closed: add </${use.name}> after what it holds`
          : `<${use.name}> is never closed: write <${use.name} /> (it holds nothing) or add </${use.name}>`,
      );
    }
    attributeProblems(typed, input).forEach(add);
    if (use.name === 'Figure' && !unclosed) figureProblems(use, input).forEach(add);
    if (mdxComponentSpecs[typed.name].once) {
      if (seen.has(use.name)) add(`<${use.name} /> may be used once per text`);
      seen.add(use.name);
    }
  }
  return problems;
}

export interface TimelineItem {
  kind: 'start' | 'event' | 'result' | 'end';
  /** YYYY-MM-DD. */
  date: string;
  /** The event's or result's id. */
  id?: string;
}

/**
 * A project's timeline: its start, its events, its dated results and its
 * end, in date order (on one day: the start first, the end last, events by
 * their time).
 */
export function timelineItems(
  project: { start: string; end: string; results: { id: string; date?: string }[] },
  events: { id: string; start: string }[],
): TimelineItem[] {
  const rank = { start: 0, event: 1, result: 1, end: 2 } as const;
  const items: (TimelineItem & { at: string })[] = [
    { kind: 'start', date: project.start, at: project.start },
    ...events.map((e) => ({ kind: 'event' as const, date: e.start.slice(0, 10), at: e.start, id: e.id })),
    ...project.results.filter((r) => r.date).map((r) => ({ kind: 'result' as const, date: r.date!, at: r.date!, id: r.id })),
    { kind: 'end', date: project.end, at: project.end },
  ];
  return items
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || rank[a.kind] - rank[b.kind] || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) || ((a.id ?? '') < (b.id ?? '') ? -1 : 1))
    .map(({ at: _at, ...item }) => item);
}
