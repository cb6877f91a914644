/**
 * The body sanitiser (src/lib/content/sanitize.ts): hostile Markdown and MDX
 * through the pipeline the build uses (Astro's Sätteri processor with the
 * options astro.config.mjs gives it) comes out harmless; the markup editors
 * use comes out as it went in; the demo content is not changed at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { markdownToHast, mdxToHast, mdxToJs } from 'satteri';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bodyProcessorOptions,
  bodySchema,
  mayNeedSanitising,
  removalMessage,
  sanitizeBody,
  widenSchema,
  type AnyNode,
} from '../../packages/klaster/src/lib/content/sanitize.ts';
import { splitFrontmatter } from '../../packages/klaster/src/lib/content/read.ts';
import { mdxComponentNames } from '../../packages/klaster/src/lib/mdx-components.ts';
import { DEMO_CONTENT, ROOT } from '../helpers/build.ts';

type Render = (markdown: string) => Promise<string>;
let render: Render;
let renderUnsanitised: Render;

beforeAll(async () => {
  const sanitised = await createSatteriMarkdownProcessor(bodyProcessorOptions('markdown'));
  const plain = await createSatteriMarkdownProcessor();
  render = async (md) => (await sanitised.render(md)).code;
  renderUnsanitised = async (md) => (await plain.render(md)).code;
});

/** HTML as a browser reads it: Sätteri's rawHtml writes an attribute without a value as `x=""`, which is the same. */
const normalised = (html: string) => html.replace(/(\s[\w-]+)=""/g, '$1');

/** What must never be in a body's HTML, whatever the text. */
function expectHarmless(html: string) {
  expect(html).not.toMatch(/<\s*script/i);
  expect(html).not.toMatch(/<\s*(iframe|object|embed|form|input|button|textarea|select|style|svg|math|meta|base|link|template)\b/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/\sstyle\s*=/i);
  expect(html).not.toMatch(/(href|src|action|data|formaction)\s*=\s*"?\s*[^"\s>]*(script|data):/i);
}

const hostile: [string, string, RegExp][] = [
  ['a script element and its content', '<script>alert(1)</script>', /alert/],
  ['an external script', '<script src="https://evil.example/x.js"></script>', /evil/],
  ['a script in capitals', '<SCRIPT>alert(1)</SCRIPT>', /alert/],
  ['a script inside a paragraph', 'Text <script>alert(1)</script> more.', /alert/],
  ['a script never closed', 'Before.\n\n<script>alert(1)\n\nAfter.', /alert/],
  ['a script inside a template', '<template><script>alert(1)</script></template>', /alert/],
  ['a script hidden in a comment', '<!-- <script>alert(1)</script> -->', /alert|<!--/],
  ['a javascript: link', '<a href="javascript:alert(1)">x</a>', /javascript/i],
  ['a javascript: link in mixed case', '<a href="JaVaScRiPt:alert(1)">x</a>', /javascript/i],
  ['a javascript: link after spaces', '<a href="   javascript:alert(1)">x</a>', /javascript/i],
  ['a javascript: link with a tab entity', '<a href="java&#x09;script:alert(1)">x</a>', /script:|alert/],
  ['a javascript: link with a line break', '<a href="java\nscript:alert(1)">x</a>', /script:|alert/],
  ['a javascript: link spelt with entities', '<a href="&#106;&#x61;vascript&colon;alert(1)">x</a>', /javascript|alert/i],
  ['a javascript: link spelt with hex entities', '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>', /javascript|alert/i],
  ['a data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', /data:/],
  ['a vbscript: link', '<a href="vbscript:msgbox(1)">x</a>', /vbscript/i],
  ['a Markdown javascript: link', '[x](javascript:alert(1))', /javascript/i],
  ['a Markdown javascript: link in capitals', '[x](JAVASCRIPT:alert(1))', /javascript/i],
  ['a Markdown javascript: link spelt with an entity', '[x](&#106;avascript:alert(1))', /javascript/i],
  ['a Markdown reference to a javascript: link', '[x][r]\n\n[r]: javascript:alert(1)', /javascript/i],
  ['a javascript: autolink', '<javascript:alert(1)>', /href/],
  ['a Markdown image with a javascript: address', '![x](javascript:alert(1))', /javascript/i],
  ['an image with a data: address', '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="x">', /data:/],
  ['an iframe', '<iframe src="https://evil.example/"></iframe>', /evil/],
  ['an object', '<object data="x.swf"><param name="a" value="b"></object>', /<param|swf/],
  ['an embed', '<embed src="x.swf">', /swf/],
  ['a form with inputs', '<form action="https://evil.example/"><input name="q"><button>Go</button></form>', /evil|name="q"/],
  ['a textarea and a select', '<textarea>t</textarea><select><option>o</option></select>', /<option/],
  ['an onclick attribute', '<a href="https://ok.example/" onclick="alert(1)">x</a>', /alert/],
  ['an onerror attribute on an image', '<img src="https://ok.example/a.png" onerror="alert(1)" alt="a">', /alert/],
  ['an image from another site (a request to another host)', '<img src="https://tracker.example/pixel.png" alt="x"> ![y](http://tracker.example/p.png)', /tracker\.example/],
  ['an onmouseover attribute in capitals', '<p ONMOUSEOVER="alert(1)">x</p>', /alert/],
  ['an onload attribute on an svg', '<svg onload="alert(1)"><circle r="1"/></svg>', /alert|circle/],
  ['a style attribute', '<p style="background:url(javascript:alert(1))">x</p>', /background/],
  ['a style element', '<style>body { display: none }</style>', /display/],
  ['a meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', /refresh|javascript/i],
  ['a base address', '<base href="https://evil.example/">', /evil/],
  ['a stylesheet link', '<link rel="stylesheet" href="https://evil.example/x.css">', /evil/],
  ['markup that mutates when parsed again', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', /alert/],
  ['a tag split to fool a filter', '<scr<script>ipt>alert(1)</script>', /<scr/i],
];

describe('hostile Markdown bodies', () => {
  it.each(hostile)('%s is made harmless', async (_name, markdown, gone) => {
    const html = await render(`Intro.\n\n${markdown}\n`);
    expectHarmless(html);
    expect(html).not.toMatch(gone);
    expect(html).toContain('<p>Intro.</p>');
  });

  it('keeps the text of a link whose address is dropped, and every other link', async () => {
    const html = await render('<a href="javascript:alert(1)" onclick="alert(2)">Read more</a> and [this](https://ok.example/).\n');
    expect(html).toContain('<a>Read more</a>');
    expect(html).toContain('<a href="https://ok.example/">this</a>');
  });

  it('renders every vector at once harmless too', async () => {
    expectHarmless(await render(hostile.map(([, md]) => md).join('\n\n')));
  });
});

describe('the markup editors use', () => {
  const legit = [
    'Фондация (<span lang="bg">Фондация за развитие</span>) and <span translate="no">ЏМ-200</span>.',
    '',
    '<p dir="rtl" lang="ar">نص</p>',
    '',
    'The <abbr title="European Union">EU</abbr>, H<sub>2</sub>O, m<sup>2</sup>, a line<br>break, <em>emphasis</em>, <code>code</code>.',
    '',
    '<h2 id="contacts">Contacts</h2>',
    '',
    '<figure><img src="./loom.jpg" alt="A loom"><figcaption>The loom.</figcaption></figure>',
    '',
    '<table><caption>Sizes</caption><thead><tr><th scope="col">Size</th><th colspan="2">Chest</th></tr></thead><tbody><tr><td>S</td><td>90</td><td>94</td></tr></tbody></table>',
    '',
    '<ul><li>one</li><li>two</li></ul><ol start="3"><li>three</li></ol>',
    '',
    '<a href="https://ok.example/">https</a> <a href="http://ok.example/">http</a> <a href="mailto:office@example.org">mail</a> <a href="tel:+35978550000">phone</a> <a href="/en/products/">relative</a> <a href="../other/">up</a> <a href="#contacts">anchor</a> <a href="?page=2">query</a>',
    '',
    '<img src="/files/a.png" alt="site image"> <img src="./photo.jpg" alt="beside the text">',
    '',
    '<blockquote cite="https://source.example/">Quoted.</blockquote> <del>old</del> <ins>new</ins> <kbd>Ctrl</kbd> <mark>marked</mark> <small>small</small> <time datetime="2024-05-01">1 May</time>',
    '',
    '<details><summary>More</summary>Details.</details>',
  ].join('\n');

  it('keeps language, translate and direction marks, abbreviations, figures, tables, headings with ids, lists, links and images', async () => {
    const html = await render(legit);
    for (const fragment of [
      '<span lang="bg">Фондация за развитие</span>',
      '<span translate="no">ЏМ-200</span>',
      '<p dir="rtl" lang="ar">نص</p>',
      '<abbr title="European Union">EU</abbr>',
      'H<sub>2</sub>O, m<sup>2</sup>, a line<br>break',
      '<em>emphasis</em>, <code>code</code>',
      '<h2 id="contacts">Contacts</h2>',
      '<figure><img src="./loom.jpg" alt="A loom"><figcaption>The loom.</figcaption></figure>',
      '<caption>Sizes</caption>',
      '<th scope="col">Size</th><th colspan="2">Chest</th>',
      '<td>S</td>',
      '<ul><li>one</li><li>two</li></ul><ol start="3"><li>three</li></ol>',
      '<a href="https://ok.example/">https</a>',
      '<a href="http://ok.example/">http</a>',
      '<a href="mailto:office@example.org">mail</a>',
      '<a href="tel:+35978550000">phone</a>',
      '<a href="/en/products/">relative</a>',
      '<a href="../other/">up</a>',
      '<a href="#contacts">anchor</a>',
      '<a href="?page=2">query</a>',
      '<img src="/files/a.png" alt="site image">',
      '<blockquote cite="https://source.example/">Quoted.</blockquote>',
      '<del>old</del> <ins>new</ins> <kbd>Ctrl</kbd> <mark>marked</mark> <small>small</small> <time datetime="2024-05-01">1 May</time>',
      '<details><summary>More</summary>Details.</details>',
    ]) {
      expect(html).toContain(fragment);
    }
    expect(html).toContain('<img src="./photo.jpg" alt="beside the text">');
  });

  it('leaves Markdown without raw HTML exactly as Astro renders it', async () => {
    const markdown = [
      '## A heading',
      '',
      'Some *emphasis*, **strong**, ~~struck~~, `code`, a [link](https://ok.example/ "title"), [mail](mailto:a@example.org), [phone](tel:+359),',
      '[relative](../x/), [anchor](#a-heading), an autolink <https://ok.example/> and www.example.org, a note[^1].',
      '',
      '![A picture](/files/p.png)',
      '',
      '> A quote',
      '',
      '1. one',
      '2. two',
      '',
      '- a',
      '  - nested',
      '',
      '| Size | Chest |',
      '| ---- | ----- |',
      '| S    | 90    |',
      '',
      '---',
      '',
      '[^1]: The note.',
    ].join('\n');
    expect(normalised(await render(markdown))).toBe(normalised(await renderUnsanitised(markdown)));
  });
});

/** Every text of a content folder: [file, ext, body]. */
function texts(root: string): [string, 'md' | 'mdx', string][] {
  const out: [string, 'md' | 'mdx', string][] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else if (/^index\.[^.]+\.mdx?$/.test(name.name)) out.push([path.slice(ROOT.length + 1), path.endsWith('.mdx') ? 'mdx' : 'md', splitFrontmatter(readFileSync(path, 'utf8')).body]);
    }
  };
  walk(root);
  return out;
}

const demoTexts = texts(DEMO_CONTENT);
/** The demo and the fixtures whose texts are legitimate (the escaping fixture's show markup as text). */
const legitimateTexts = [...demoTexts, ...texts(join(ROOT, 'tests/fixtures/valid')), ...texts(join(ROOT, 'tests/fixtures/escaping'))];
const allTexts = [...demoTexts, ...texts(join(ROOT, 'tests/fixtures'))].filter(([file]) => !file.includes('render-error'));

describe('the demo content', () => {
  it('renders every Markdown text exactly as before, and so do the valid and escaping fixtures', async () => {
    const markdown = legitimateTexts.filter(([, ext]) => ext === 'md');
    expect(markdown.length).toBeGreaterThan(100);
    for (const [file, , body] of markdown) expect(normalised(await render(body)), file).toBe(normalised(await renderUnsanitised(body)));
  });

  it('has nothing in its MDX texts that the sanitiser removes', () => {
    const mdx = demoTexts.filter(([, ext]) => ext === 'mdx');
    expect(mdx.length).toBeGreaterThan(3);
    for (const [file, , body] of mdx) {
      const result = sanitizeBody(mdxToHast(body) as unknown as AnyNode, { components: mdxComponentNames });
      expect(result.removed.map(removalMessage), file).toEqual([]);
      expect(result.changed, file).toBe(false);
    }
  });
});

describe('the shortcut for plain texts', () => {
  it('skips only texts the sanitiser would not change', () => {
    const plain = [
      '# Title\n\nText with *emphasis*, **strong**, ~~struck~~ and `a: b`.\n\n> Quote: yes.\n\n1. one\n2. two\n\n---\n\nwww.example.org and https://example.org/ and office@example.org.\n',
      '| Size | Chest |\n| ---- | ----- |\n| S    | 90    |\n',
      'Prices: 10 € – 20 €; ratio 1:2; time 10:30; [not a link] and [x] alone.\n',
    ];
    const skipped = [...allTexts, ...plain.map((body) => ['sample', 'md', body] as const)].filter(([, ext, body]) => !mayNeedSanitising(body, ext === 'mdx' ? 'mdx' : 'markdown'));
    expect(skipped.length).toBeGreaterThan(100);
    for (const [file, ext, body] of skipped) {
      const tree = (ext === 'mdx' ? mdxToHast(body) : markdownToHast(body, { features: { rawHtml: true } })) as unknown as AnyNode;
      expect(sanitizeBody(tree, { components: mdxComponentNames }).changed, file).toBe(false);
    }
  });

  it('never skips a hostile text', () => {
    for (const [name, markdown] of hostile) expect(mayNeedSanitising(markdown, 'markdown'), name).toBe(true);
    for (const source of ['{alert(1)}', "import x from 'y'", 'export const a = 1']) expect(mayNeedSanitising(source, 'mdx')).toBe(true);
    for (const source of ['```js\nx\n```', '    indented code', '- [ ] task', '| a |\n|:--|\n| 1 |', '<xmpp:a@b>', 'xmpp:a@b']) {
      expect(mayNeedSanitising(source, 'markdown'), source).toBe(true);
    }
  });
});

describe('MDX bodies', () => {
  const sanitiseMdx = (source: string) => sanitizeBody(mdxToHast(source) as unknown as AnyNode, { components: mdxComponentNames });
  const messages = (source: string) => sanitiseMdx(source).removed.map((r) => `${r.line}: ${removalMessage(r)}`);

  it("keeps Klaster's components with their attributes, and sanitises what they hold", () => {
    const source = [
      '<PartnerList project="cloth" />',
      '',
      '<Figure caption="Threads">',
      '  ![Four threads](./threads.jpg)',
      '  <script>{"alert(1)"}</script>',
      '</Figure>',
      '',
      '<IndicatorBars indicator="exchanges" />',
    ].join('\n');
    const { tree, removed } = sanitiseMdx(source);
    const json = JSON.stringify(tree);
    expect(json).toContain('"name":"PartnerList","attributes":[{"type":"mdxJsxAttribute","name":"project","value":"cloth"}]');
    expect(json).toContain('"name":"Figure","attributes":[{"type":"mdxJsxAttribute","name":"caption","value":"Threads"}]');
    expect(json).toContain('"tagName":"img","properties":{"src":"./threads.jpg","alt":"Four threads"}');
    expect(json).toContain('"name":"IndicatorBars"');
    expect(json).not.toContain('script');
    expect(removed.map(removalMessage)).toEqual(['{"alert(1)"} will be removed: code is not allowed in texts', '<script> will be removed: scripts are not allowed in texts']);
  });

  it('holds HTML written as JSX to the same allow-list as Markdown', () => {
    const source = [
      'Hello <span lang="bg" translate="no" onClick="alert(1)" style="color: red">Рила</span>.',
      '',
      '<a href="javascript:alert(1)" title="t">x</a> <a href="https://ok.example/">ok</a>',
      '',
      '<iframe src="https://evil.example/" />',
      '',
      '<img src="./b.jpg" alt="b" onError="alert(1)" />',
    ].join('\n');
    expect(messages(source)).toEqual([
      '1: onClick="alert(1)" on <span> will be removed: event handlers are scripts, which are not allowed in texts',
      "1: style=\"color: red\" on <span> will be removed: inline styles are not allowed in texts; the site's stylesheet styles every text",
      '3: href="javascript:alert(1)" on <a> will be removed: the address must start with http:, https:, mailto:, tel: or lead within the site',
      '5: <iframe> will be removed: embedded pages and objects are not allowed in texts; link to them instead',
      '7: onError="alert(1)" on <img> will be removed: event handlers are scripts, which are not allowed in texts',
    ]);
    const json = JSON.stringify(sanitiseMdx(source).tree);
    expect(json).toContain('"name":"span","attributes":[{"type":"mdxJsxAttribute","name":"lang","value":"bg"},{"type":"mdxJsxAttribute","name":"translate","value":"no"}]');
    expect(json).toContain('"name":"a","attributes":[{"type":"mdxJsxAttribute","name":"title","value":"t"}]');
    expect(json).toContain('"name":"a","attributes":[{"type":"mdxJsxAttribute","name":"href","value":"https://ok.example/"}]');
    expect(json).not.toMatch(/iframe|alert|javascript/);
  });

  it('drops code: imports and exports, expressions, expression attributes and spreads, other components', () => {
    const source = [
      "import Chart from './chart.astro'",
      'export const year = 2024',
      '',
      'It is {year}. {/* a comment is fine */}',
      '',
      '<a href={"javascript:alert(1)"} {...props}>x</a>',
      '',
      '<Chart />',
      '',
      '<PartnerList project={"clo" + "th"} />',
    ].join('\n');
    expect(messages(source)).toEqual([
      "1: import Chart from './chart.astro' will be removed: code is not allowed in texts (import and export lines)",
      '2: export const year = 2024 will be removed: code is not allowed in texts (import and export lines)',
      '4: {year} will be removed: code is not allowed in texts',
      '6: href={"javascript:alert(1)"} on <a> will be removed: code is not allowed in texts; write the value in quotes',
      '6: {...props} on <a> will be removed: code is not allowed in texts',
      "8: <Chart> will be removed: only Klaster's components can be used in texts: PartnerList, Timeline, Figure, IndicatorBars, FundingNotice, Map",
      '10: project={"clo" + "th"} on <PartnerList> will be removed: code is not allowed in texts; write the value in quotes',
    ]);
  });

  it('drops Astro directives, on components and on HTML alike', () => {
    const source = '<Figure caption="c" set:html="<script>alert(1)</script>">\n  ![a](./a.jpg)\n</Figure>\n\n<span set:html="<img src=x onerror=alert(1)>" client:load>x</span>\n';
    expect(messages(source)).toEqual([
      '1: set:html="<script>alert(1)</script>" on <Figure> will be removed: Astro directives are code, which is not allowed in texts',
      '5: set:html="<img src=x onerror=alert(1)>" on <span> will be removed: Astro directives are code, which is not allowed in texts',
      '5: client:load on <span> will be removed: Astro directives are code, which is not allowed in texts',
    ]);
    expect(JSON.stringify(sanitiseMdx(source).tree)).not.toContain('alert');
  });

  it('compiles with the sanitiser in place: no script, JSX still JSX, components still components', async () => {
    const source = 'Hi <span lang="bg" onClick="alert(1)">x</span> <img src="./b.jpg" alt="b" />\n\n<script>{"alert(1)"}</script>\n\n<PartnerList />\n';
    const { code } = await mdxToJs(source, { ...bodyProcessorOptions('mdx', { components: mdxComponentNames }), jsxImportSource: 'astro', elementAttributeNameCase: 'html' });
    expect(code).not.toMatch(/alert|script|onClick/);
    // Written as JSX, <img> stays a plain element (not the Markdown image component), as without the sanitiser.
    expect(code).toContain('_jsx("span", {\n');
    expect(code).toContain('_jsx("img", {');
    expect(code).toContain('_jsx(PartnerList, {})');
  });
});

describe('widening the allow-list', () => {
  it('adds tags, attributes by HTML name, and URL schemes, leaving the body schema as it was', () => {
    const wide = widenSchema({ tagNames: ['video'], attributes: { video: ['src', 'controls'], '*': ['data-note'] }, protocols: { href: ['sms:'], src: ['https:'] } });
    const html = '<video src="https://cdn.example/v.mp4" controls data-note="n"></video><a href="sms:+359">sms</a><iframe src="https://ok.example/"></iframe>';
    const tree = markdownToHast(html, { features: { rawHtml: true } }) as unknown as AnyNode;
    expect(sanitizeBody(tree, { schema: wide }).removed.map(removalMessage)).toEqual([
      '<iframe> will be removed: embedded pages and objects are not allowed in texts; link to them instead',
    ]);
    expect(sanitizeBody(tree).removed.map(removalMessage)).toEqual([
      '<video> will be removed: the tag is not allowed in texts',
      'href="sms:+359" on <a> will be removed: the address must start with http:, https:, mailto:, tel: or lead within the site',
      '<iframe> will be removed: embedded pages and objects are not allowed in texts; link to them instead',
    ]);
    expect(bodySchema.tagNames).not.toContain('video');
    expect(bodySchema.protocols?.href).toEqual(['http', 'https', 'mailto', 'tel']);
  });

  it('refuses scripts, event handlers and javascript: addresses, which the Content-Security-Policy would block anyway', () => {
    expect(() => widenSchema({ tagNames: ['script'] })).toThrow(/script/);
    expect(() => widenSchema({ attributes: { a: ['onClick'] } })).toThrow(/event handlers/);
    expect(() => widenSchema({ protocols: { href: ['JavaScript:'] } })).toThrow(/javascript: addresses/);
  });
});
