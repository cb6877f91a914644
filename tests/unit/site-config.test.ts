/** The site configuration (site.yaml): validation messages, texts per locale, sections, links to content. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../packages/klaster/src/lib/site/load.ts';
import { siteConfigSchema, type SiteConfig } from '../../packages/klaster/src/lib/site/schema.ts';
import { localizedText } from '../../packages/klaster/src/lib/site/text.ts';
import { routeEnabled } from '../../packages/klaster/src/lib/site/sections.ts';
import { checkSiteAgainstContent, type ContentIds } from '../../packages/klaster/src/lib/site/check.ts';
import { featuredIds } from '../../packages/klaster/src/lib/site/featured.ts';
import { themeCss } from '../../packages/klaster/src/lib/site/theme.ts';
import { configStrings, uiStrings } from '../../packages/klaster/src/lib/i18n-files.ts';
import { collectionNames } from '../../packages/klaster/src/lib/content/fields.ts';
import { tempDir } from '../helpers/build.ts';

function site(yaml: string, files: Record<string, string> = {}) {
  const dir = tempDir('site-config');
  writeFileSync(join(dir, 'site.yaml'), yaml);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return loadSiteConfig(join(dir, 'site.yaml'));
}

const messages = (yaml: string, files?: Record<string, string>) =>
  site(yaml, files).problems.map((p) => `${p.file}: ${p.field ?? ''}: ${p.message}`);

const parse = (data: object): SiteConfig => siteConfigSchema.parse(data);

function ids(partial: Partial<Record<string, string[]>>): ContentIds {
  return Object.fromEntries(collectionNames.map((c) => [c, new Set(partial[c] ?? [])])) as unknown as ContentIds;
}

describe('site.yaml', () => {
  it('accepts a minimal file and fills in the defaults', () => {
    const { config, problems } = site('name: Wood Cluster\n');
    expect(problems).toEqual([]);
    expect(config!.sections.projects).toBe(true);
    expect(config!.theme.brand).toMatch(/^#/);
    expect(config!.home.news).toEqual({ newest: 3 });
  });

  it('names the key, what was found and the fix', () => {
    expect(messages('name: X\ncolours: { brand: "#000000" }\n')).toEqual(['site.yaml: : unknown field colours']);
    expect(messages('name: X\ntheme: { brand: "#ffcc00" }\n')).toEqual([
      'site.yaml: theme.brand: found #ffcc00, whose contrast with white is 1.51:1; text and links in this colour need at least 4.5:1 (WCAG AA), so choose a darker shade',
    ]);
    expect(messages('name: X\nlogo: { file: assets/logo.svg, alt: Wood }\n')[0]).toMatch(
      /^site\.yaml: logo\.file: found "assets\/logo\.svg", but there is no such file in .*; put the file there or correct the path$/,
    );
    expect(messages('name: X\nsections: { projects: no }\n')[0]).toBe('site.yaml: sections.projects: found "no"; expected true or false');
    expect(messages('name: { en: X, xx: Y }\n')[0]).toContain('name');
    expect(messages('name: X\nlogo: { file: ../logo.svg, alt: L }\n')[0]).toContain('no leading / and no ..');
  });

  it('accepts files that exist and a dark enough colour', () => {
    expect(messages('name: X\ntheme: { brand: "#5a3b1c" }\nlogo: { file: assets/logo.svg, alt: { en: Wood } }\n', { 'assets/logo.svg': '<svg/>' })).toEqual([]);
  });

  it('reports a missing file with the fix', () => {
    const { problems } = loadSiteConfig('/nonexistent/site.yaml');
    expect(problems[0].message).toContain('does not exist; create it');
  });
});

describe('texts of the configuration', () => {
  it('falls back from a locale to its source (transliterated), then to the default locale', () => {
    const name = { en: 'Wood Cluster', sr: 'Дрвни кластер' };
    expect(localizedText(name, 'sr')).toBe('Дрвни кластер');
    expect(localizedText(name, 'sr-latn')).toBe('Drvni klaster');
    expect(localizedText(name, 'bg')).toBe('Wood Cluster');
    expect(localizedText('Same everywhere', 'ro')).toBe('Same everywhere');
    expect(localizedText(undefined, 'ro')).toBeUndefined();
  });

  it('become UI strings laid over the package and the site files', () => {
    const config = parse({ name: { en: 'Wood', bg: 'Дърво' }, footer: { text: 'Made in the hills' } });
    expect(configStrings(config, 'bg')).toEqual({ site: { name: 'Дърво', footer: 'Made in the hills' }, home: {}, taxonomy: {} });
    const dir = tempDir('strings');
    writeFileSync(join(dir, 'site.yaml'), 'name: { en: Oak Cluster }\n');
    mkdirSync(join(dir, 'i18n'));
    writeFileSync(join(dir, 'i18n', 'en.json'), JSON.stringify({ nav: { catalogue: 'Products' } }));
    previous = process.env.KLASTER_CONFIG;
    process.env.KLASTER_CONFIG = join(dir, 'site.yaml');
    const en = uiStrings('en') as { site: { name: string }; nav: { catalogue: string; members: string } };
    expect(en.site.name).toBe('Oak Cluster');
    expect(en.nav.catalogue).toBe('Products');
    expect(en.nav.members).toBe('Members');
  });
  let previous: string | undefined;
  afterEach(() => {
    if (previous === undefined) delete process.env.KLASTER_CONFIG;
    else process.env.KLASTER_CONFIG = previous;
  });
});

describe('sections', () => {
  const on = parse({ name: 'X' }).sections;
  const noProjects = parse({ name: 'X', sections: { projects: false, catalogue: false } }).sections;
  it('switch their routes off', () => {
    expect(routeEnabled('/[locale]/projects/[id]', on)).toBe(true);
    expect(routeEnabled('/[locale]/projects/[id]', noProjects)).toBe(false);
    expect(routeEnabled('/[locale]/projects', noProjects)).toBe(false);
    expect(routeEnabled('/[locale]/products/[id]', noProjects)).toBe(false);
    expect(routeEnabled('/[locale]/clusters/[id]/catalogue', noProjects)).toBe(false);
    expect(routeEnabled('/[locale]/clusters/[id]', noProjects)).toBe(true);
    expect(routeEnabled('/[locale]/[id]', noProjects)).toBe(true);
  });
});

describe('the configuration against the content', () => {
  it('finds links to missing pages, features of missing entries, sections off with entries and reserved page ids', () => {
    const config = parse({
      name: 'X',
      sections: { projects: false },
      nav: [{ page: 'about' }, { page: 'abuot' }, { section: 'projects' }],
      footer: { links: [{ page: 'imprint' }] },
      home: { products: ['oak-table', 'pine-chair'] },
    });
    const problems = checkSiteAgainstContent(config, ids({ pages: ['about', 'catalogue'], products: ['oak-table'], projects: ['p1'] }), 'site.yaml');
    expect(problems.map((p) => `${p.file}: ${p.field ?? ''}: ${p.message}`)).toEqual([
      'site.yaml: nav[1].page: found "abuot", but content/pages/abuot/ does not exist; the pages are: about, catalogue',
      'site.yaml: nav[2].section: links to the projects section, which sections.projects switches off; remove the link or switch the section on',
      'site.yaml: footer.links[0].page: found "imprint", but content/pages/imprint/ does not exist; the pages are: about, catalogue',
      'site.yaml: home.products[1]: found "pine-chair", but there is no such entry in content/products/',
      'site.yaml: sections.projects: is false, but content/projects/ has 1 entries that would not be published; switch the section on or remove the entries',
      'pages/catalogue: : the id "catalogue" is the address of one of Klaster\'s own pages (/<locale>/catalogue/); rename the folder',
    ]);
  });
});

describe('home page choices and theme', () => {
  it('picks ids in order or the newest', () => {
    expect(featuredIds(['b', 'a'], ['a', 'b', 'c'])).toEqual(['b', 'a']);
    expect(featuredIds({ newest: 2 }, ['c', 'b', 'a'])).toEqual(['c', 'b']);
  });
  it('writes the colours and the local fonts', () => {
    const css = themeCss(parse({ name: 'X', theme: { brand: '#123456' }, fonts: { body: { family: 'Source Sans', files: [{ file: 'fonts/s.woff2' }] } } }), (p) => `/base${p}`);
    expect(css).toContain('--brand: #123456;');
    expect(css).toContain('src: url("/base/klaster/site/s.woff2") format("woff2"); font-weight: 400; font-style: normal;');
    expect(css).toContain('--font-body: "Source Sans", system-ui, sans-serif;');
  });
});
