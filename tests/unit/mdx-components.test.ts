/**
 * The MDX components editors use: finding them in a body, the content
 * check's rules for them, and the data they show (timeline, indicator rows).
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkMdxBody,
  mdxComponentNames,
  contextProject,
  findComponentUses,
  localImageFile,
  markdownImages,
  timelineItems,
  type MdxCheckInput,
  type ProjectFacts,
} from '../../packages/klaster/src/lib/mdx-components.ts';
import { indicatorRows } from '../../packages/klaster/src/lib/project-sections.ts';
import { checkContent, IMAGE_EXTENSIONS } from '../../packages/klaster/src/lib/content/check.ts';
import { DEMO_CONTENT, ROOT } from '../helpers/build.ts';

describe('finding components in a body', () => {
  it('reads names, attributes in each quoting, self-closing tags and children, with their lines', () => {
    const body = [
      'Intro.',
      '',
      '<PartnerList />',
      '<IndicatorBars indicator="exchanges" project=\'cloth\' />',
      '<Timeline project={"cl" + "oth"} open />',
      '<Figure caption="A > B">',
      '  ![Threads](./photo.jpg)',
      '</Figure>',
    ].join('\n');
    const uses = findComponentUses(body);
    expect(uses.map((u) => [u.name, u.line, u.selfClosing])).toEqual([
      ['PartnerList', 3, true],
      ['IndicatorBars', 4, true],
      ['Timeline', 5, true],
      ['Figure', 6, false],
    ]);
    expect(uses[1].attributes).toEqual({ indicator: 'exchanges', project: 'cloth' });
    expect(uses[2].attributes).toEqual({ project: { expression: '"cl" + "oth"' }, open: true });
    expect(uses[3].attributes).toEqual({ caption: 'A > B' });
    expect(uses[3].children?.trim()).toBe('![Threads](./photo.jpg)');
  });

  it('ignores tags in code blocks, code spans and comments, names the text imports, and lowercase HTML', () => {
    const body = [
      'Write `<Map />` to show the map.',
      '',
      '```mdx',
      '<Timeline />',
      '```',
      '',
      '{/* <Figure /> is for pictures */}',
      "import Chart from './chart.astro'",
      '',
      '<Chart />',
      '<span lang="bg">Рила</span>',
      '<Map />',
    ].join('\n');
    expect(findComponentUses(body).map((u) => [u.name, u.line])).toEqual([['Map', 12]]);
  });

  it('leaves a tag that never ends to the MDX compiler', () => {
    expect(findComponentUses('Text <Broken attr={ ')).toEqual([]);
    expect(findComponentUses('<Timeline project="cloth')).toEqual([]);
  });

  it('finds Markdown images and tells files beside the text from other addresses', () => {
    expect(markdownImages('![A](./a.jpg) and ![](b.png "title") and `![no](c.jpg)`')).toEqual([
      { alt: 'A', src: './a.jpg' },
      { alt: '', src: 'b.png' },
    ]);
    expect(localImageFile('./a.jpg')).toBe('a.jpg');
    expect(localImageFile('my%20photo.jpg')).toBe('my photo.jpg');
    for (const outside of ['../other/a.jpg', '/a.jpg', 'https://example.com/a.jpg', 'sub/a.jpg']) {
      expect(localImageFile(outside), outside).toBeUndefined();
    }
  });
});

describe('the project of a text', () => {
  it('is the project itself, or the only project a news item, event or newsletter names', () => {
    expect(contextProject('projects', 'cloth', { projects: ['other'] })).toBe('cloth');
    expect(contextProject('news', 'launch', { projects: ['cloth'] })).toBe('cloth');
    expect(contextProject('events', 'fair', { projects: ['cloth', 'hits-cluster'] })).toBeUndefined();
    expect(contextProject('news', 'launch', { projects: [] })).toBeUndefined();
    expect(contextProject('clusters', 'bfa', {})).toBeUndefined();
  });
});

describe('the content check of components', () => {
  const projects = new Map<string, ProjectFacts | undefined>([
    ['cloth', { indicators: [{ id: 'exchanges', breakdown: [{ id: 'smes' }] }, { id: 'platform-participants' }] }],
    ['hits-cluster', { indicators: [] }],
    ['broken', undefined],
  ]);
  const check = (body: string, more: Partial<MdxCheckInput> = {}) =>
    checkMdxBody({
      ext: 'mdx',
      body,
      fileName: 'index.en.mdx',
      defaultProject: 'cloth',
      projects,
      assets: ['photo.jpg', 'notes.pdf'],
      imageExtensions: IMAGE_EXTENSIONS,
      ...more,
    });
  const messages = (body: string, more: Partial<MdxCheckInput> = {}) => check(body, more).map((p) => p.message);

  it('accepts every component used as the editors\' guide shows', () => {
    const body = [
      '<PartnerList />',
      '<Timeline />',
      '<Map />',
      '<FundingNotice />',
      '<IndicatorBars />',
      '<IndicatorBars indicator="exchanges" />',
      '<PartnerList project="hits-cluster" />',
      '<IndicatorBars project="broken" indicator="anything" />',
      '<Figure caption="Threads">',
      '  ![Four bundles of threads](./photo.jpg)',
      '</Figure>',
    ].join('\n\n');
    expect(check(body)).toEqual([]);
  });

  it('names unknown components and attributes, with the right ones', () => {
    expect(check('Text\n\n<Partners />')).toEqual([
      { line: 3, message: expect.stringContaining('<Partners> is not a Klaster component; the components are PartnerList, Timeline') },
    ]);
    expect(messages('<Map colour="red" />')).toEqual([expect.stringContaining('<Map> has no attribute "colour"; its attributes are project')]);
  });

  it('asks for an .mdx file when a Markdown file uses a component', () => {
    expect(messages('<Timeline />', { ext: 'md', fileName: 'index.bg.md' })).toEqual([
      '<Timeline> works only in MDX files; rename index.bg.md to index.bg.mdx',
    ]);
    expect(messages('<span>Capital</span> <Other />', { ext: 'md' })).toEqual([]);
  });

  it('needs a project where the text belongs to none, and an existing one where named', () => {
    expect(messages('<PartnerList />', { defaultProject: undefined })).toEqual([
      expect.stringContaining('<PartnerList> does not know which project to show here; name it: <PartnerList project="project-id" />'),
    ]);
    expect(messages('<Map project="clth" />')).toEqual([expect.stringContaining('there is no projects/clth; did you mean "cloth"? the projects are cloth, hits-cluster, broken')]);
    expect(messages('<Map project="something-else" />')).toEqual([expect.stringContaining('there is no projects/something-else; the projects are cloth')]);
    expect(messages('<Figure caption="x">\n![A](./photo.jpg)\n</Figure>', { defaultProject: undefined })).toEqual([]);
  });

  it('knows the project\'s indicators', () => {
    expect(messages('<IndicatorBars indicator="exchange" />')).toEqual([
      expect.stringContaining('has no indicator "exchange"; its indicators are exchanges, platform-participants'),
    ]);
    expect(messages('<IndicatorBars indicator="smes" />')).toEqual([expect.stringContaining('part of the breakdown of "exchanges"; write indicator="exchanges"')]);
    expect(messages('<IndicatorBars project="hits-cluster" />')).toEqual([expect.stringContaining('the project hits-cluster has none')]);
  });

  it('holds a Figure to a caption and one described picture beside the text', () => {
    expect(messages('<Figure src="./photo.jpg" alt="Threads" caption="Four chains" />')).toEqual([
      expect.stringMatching(/not as src and alt; write:\s+<Figure caption="Four chains">\s+!\[Threads\]\(\.\/photo\.jpg\)\s+<\/Figure>/),
    ]);
    expect(messages('<Figure caption="x" />')).toEqual([expect.stringContaining('wraps its picture')]);
    expect(messages('<Figure>\n![A](./photo.jpg)\n</Figure>')).toEqual(['<Figure> needs caption="..."']);
    expect(messages('<Figure caption="x">\n![](./photo.jpg)\n</Figure>')).toEqual([expect.stringContaining('has no description')]);
    expect(messages('<Figure caption="x">\nJust words.\n</Figure>')).toEqual([expect.stringContaining('exactly one Markdown image, found 0')]);
    expect(messages('<Figure caption="x">\n![A](./other.jpg)\n</Figure>')).toEqual([expect.stringContaining('there is no file other.jpg beside index.en.mdx')]);
    expect(messages('<Figure caption="x">\n![A](./notes.pdf)\n</Figure>')).toEqual([expect.stringContaining('notes.pdf is not an image file')]);
    expect(messages('<Figure caption="x">\n![A](https://example.com/a.jpg)\n</Figure>')).toEqual([expect.stringContaining('must be a file beside index.en.mdx')]);
  });

  it('names a component that is never closed, with its closing tag and line', () => {
    expect(check('Intro.\n\n<Figure caption="x">\n  ![A](./photo.jpg)\n\nMore text.')).toEqual([
      { line: 3, message: '<Figure> is never closed: add </Figure> after what it holds' },
    ]);
    // A component that holds nothing is closed in its own tag.
    expect(messages('<Timeline>\n\nText.')).toEqual(['<Timeline> is never closed: write <Timeline /> (it holds nothing) or add </Timeline>']);
    // Nested: the inner tag closes first, so the outer one is the open one.
    expect(check('<Figure caption="a">\n<Figure caption="b">\n![B](./photo.jpg)\n</Figure>')).toEqual([
      expect.objectContaining({ line: 1, message: '<Figure> is never closed: add </Figure> after what it holds' }),
    ]);
    expect(check('<Figure caption="x">\n![A](./photo.jpg)\n</Figure >')).toEqual([]);
  });

  it('allows one map per text', () => {
    expect(check('<Map />\n\n<Map />')).toEqual([{ line: 3, message: '<Map /> may be used once per text' }]);
  });

  describe('in a content folder', () => {
    const work = mkdtempSync(join(tmpdir(), 'klaster-mdx-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('reports the file and the line in the file, and accepts a news item\'s only project', () => {
      cpSync(join(ROOT, 'tests/fixtures/valid'), work, { recursive: true });
      const project = join(work, 'projects/demo-project');
      renameSync(join(project, 'index.en.md'), join(project, 'index.en.mdx'));
      writeFileSync(join(project, 'index.en.mdx'), '\nText.\n\n<IndicatorBars indicator="nope" />\n', { flag: 'a' });
      writeFileSync(join(work, 'news/demo-news/index.en.mdx'), '---\ntitle: News\nsummary: Text.\n---\n\n<PartnerList />\n<FundingNotice />\n');
      rmSync(join(work, 'news/demo-news/index.en.md'), { force: true });
      const { errors } = checkContent(work, { today: '2026-11-21' });
      const line = readFileSync(join(project, 'index.en.mdx'), 'utf8').split('\n').findIndex((l) => l.startsWith('<IndicatorBars')) + 1;
      expect(errors.filter((e) => e.file.startsWith('projects/'))).toEqual([
        expect.objectContaining({ file: 'projects/demo-project/index.en.mdx', field: `line ${line}`, message: expect.stringContaining('no indicator "nope"') }),
      ]);
      expect(errors.filter((e) => e.file.startsWith('news/'))).toEqual([]);
    });
  });
});

describe("the editors' guide", () => {
  const guide = readFileSync(join(ROOT, 'packages/klaster/docs/editors-guide.md'), 'utf8');
  const section = guide.slice(guide.indexOf('## Components in project pages'), guide.indexOf('## Vocabularies'));

  it('documents every component, and its examples pass the check', () => {
    for (const name of mdxComponentNames) expect(section, name).toContain(`<${name}`);
    const examples = [...section.matchAll(/```mdx\n([\s\S]*?)```/g)].map((m) => m[1].replace(/^---\n[\s\S]*?\n---\n/, ''));
    expect(examples.length).toBeGreaterThanOrEqual(mdxComponentNames.length);
    const cloth = checkContent(DEMO_CONTENT, { today: '2026-11-21' }).content.projects.get('cloth')!;
    for (const body of examples) {
      const problems = checkMdxBody({
        ext: 'mdx',
        body,
        fileName: 'index.en.mdx',
        defaultProject: 'cloth',
        projects: new Map([['cloth', cloth.facts]]),
        assets: markdownImages(body).map((i) => localImageFile(i.src)!),
        imageExtensions: IMAGE_EXTENSIONS,
      });
      expect(problems, body).toEqual([]);
    }
  });
});

describe('a project timeline', () => {
  it('orders start, events, dated results and end by date; on one day the start first and the end last', () => {
    const items = timelineItems(
      {
        start: '2022-03-01',
        end: '2024-08-31',
        results: [
          { id: 'map', date: '2022-10-01' },
          { id: 'undated' },
          { id: 'final-report', date: '2024-08-31' },
        ],
      },
      [
        { id: 'afternoon', start: '2023-05-16T15:00' },
        { id: 'kick-off', start: '2022-03-01T09:30' },
        { id: 'morning', start: '2023-05-16T09:00' },
        { id: 'all-day', start: '2023-05-16' },
      ],
    );
    expect(items.map((i) => `${i.kind}:${i.id ?? ''}:${i.date}`)).toEqual([
      'start::2022-03-01',
      'event:kick-off:2022-03-01',
      'result:map:2022-10-01',
      'event:all-day:2023-05-16',
      'event:morning:2023-05-16',
      'event:afternoon:2023-05-16',
      'result:final-report:2024-08-31',
      'end::2024-08-31',
    ]);
  });
});

describe('indicator rows', () => {
  const indicators = [
    { id: 'exchanges', target: 100, achieved: 104, breakdown: [{ id: 'smes', target: 75, achieved: 30 }, { id: 'large', target: 5 }] },
    { id: 'platform', target: 50, achieved: 25 },
  ];

  it('lists each indicator with its breakdown, labelled, with progress', () => {
    const rows = indicatorRows(indicators, { exchanges: 'Exchanges', smes: 'SMEs' });
    expect(rows.map((r) => [r.label, r.sub, r.percent])).toEqual([
      ['Exchanges', false, 104],
      ['SMEs', true, 40],
      ['large', true, 0],
      ['platform', false, 50],
    ]);
    expect(rows[0].ratio).toBeCloseTo(1.04);
  });

  it('shows one indicator with its breakdown when asked', () => {
    expect(indicatorRows(indicators, {}, 'platform').map((r) => r.id)).toEqual(['platform']);
    expect(indicatorRows(indicators, undefined, 'exchanges').map((r) => r.id)).toEqual(['exchanges', 'smes', 'large']);
    expect(indicatorRows(indicators, {}, 'smes')).toEqual([]);
  });
});
