/**
 * fast-check arbitraries for content folders: valid sets of entries of every
 * collection (every reference resolving, every named file present) with
 * hostile text, the mistakes editors make (and some they should not be able
 * to make) as mutations of such a set, each with what the check must say
 * about it, and the writing of it all to a folder.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { z } from 'astro/zod';
import { factsSchemas, translationSchemas } from '../../packages/klaster/src/lib/content/schemas.ts';
import type { CollectionName } from '../../packages/klaster/src/lib/content/fields.ts';
import { collectionNames, SLUG } from '../../packages/klaster/src/lib/content/fields.ts';
import type { Problem } from '../../packages/klaster/src/lib/content/problems.ts';
import { localeCodes, writtenLocales } from '../../packages/klaster/src/lib/locales.ts';
import { reservedPageIds } from '../../packages/klaster/src/lib/site/check.ts';
import { taxonomies } from '../../packages/klaster/src/lib/taxonomies.ts';

export type Data = Record<string, unknown>;

export interface TextSpec {
  locale: string;
  ext: 'md' | 'mdx';
  data: Data;
  body: string;
  /** How the file is written: a byte-order mark, Windows line ends, blank lines before the opening ---. */
  format: { bom: boolean; crlf: boolean; leading: number };
}

export interface EntrySpec {
  collection: CollectionName;
  id: string;
  source: string;
  facts: Data;
  texts: TextSpec[];
  /** Files beside index.yaml: images, result documents. */
  assets: Record<string, 'png' | 'jpg' | 'pdf'>;
}

/** The YAML an editor who knows the build's parser writes: dates and numbers that must stay text are quoted. */
export const yamlText = (data: Data) => (Object.keys(data).length ? stringify(data, { customTags: ['timestamp'] }) : '');

// ---------------------------------------------------------------- text

/** A word for the start of a text field, so that it is never blank after trimming. */
const words = ['Name', 'Alpha', 'Клъстер', 'Ünïcödé', 'Kluster', 'Σύμπλεγμα', 'Ćevap'];

/** An HTML element no template makes: found in a page, it came from content. */
export const MARKER_TAG = 'fuzz-tag';
/** The script every hostile text carries; its number is searched for in the pages. */
export const PAYLOAD = '</script><script>alert(1337)</script>';

export const HOSTILE_PIECES = [
  PAYLOAD,
  '<script>alert(1337)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1337)>',
  `"><${MARKER_TAG}>`,
  `<${MARKER_TAG} onclick=alert(1337)>x</${MARKER_TAG}>`,
  '"',
  "'",
  '`',
  `"'><`,
  '{{ site.name }}',
  '{% raw %}',
  '${alert(1337)}',
  '{alert(1337)}',
  '&amp;',
  '&lt;b&gt;',
  '<!--',
  '-->',
  ']]>',
  '\\',
  'javascript:alert(1337)',
  '\u0000',
  '\u202E',
  '\u202D',
  '\u2066',
  '\u200D',
  '\u200B',
  '\uFEFF',
  '\u00AD',
  '\uD800',
  '\uDFFF',
  '\uD83D\uDE00',
  'e\u0301',
  'العربية',
  'שלום',
  'Ѓорѓи Џ',
  'Şţ',
  '𝕏',
  '#',
  ': ',
  ' - ',
  '---',
  '...',
  '%',
  '@',
  '*a',
  '&a',
  '!tag',
  '|',
  '> ',
  '? ',
  '~',
  'null',
  'true',
  '0x1F',
  '1e400',
  '2012-01-27',
];

/** A short hostile text: pieces of markup, template syntax, invisible and bidirectional characters, random code points. */
export const hostileText = () =>
  fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
        { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
      ),
      { minLength: 1, maxLength: 5 },
    )
    .map((parts) => parts.join(' '));

/** A very long text: one in a hundred fields of a set with long texts, some 50,000 characters. */
const longText = fc.integer({ min: 1_000, max: 50_000 }).map((n) => `Long ${'ж'.repeat(n)} ${PAYLOAD}`);

/**
 * What a valid text does without: control characters (null included), which
 * a page cannot show and the check refuses however they are written, and
 * U+FFFE/U+FFFF, which the yaml library writes raw and js-yaml refuses. The
 * mistakes write them.
 */
const UNWRITABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/** A valid text field (never blank) that is hostile. */
export const validText = (options: { long?: boolean; payload?: boolean } = {}) => {
  const short = fc
    .tuple(fc.constantFrom(...words), hostileText())
    .map(([word, rest]) => (options.payload ? `${word} ${PAYLOAD} ${rest}` : `${word} ${rest}`).replace(UNWRITABLE, ''));
  return options.long ? fc.oneof({ weight: 99, arbitrary: short }, { weight: 1, arbitrary: longText }) : short;
};

/** Lines of a Markdown body: raw HTML (scripts, handlers, frames), links and text; no components. */
const BODY_LINES = [
  '<script>alert(1337)</script>',
  '<img src=x onerror=alert(1337)>',
  '[a link](javascript:alert(1337))',
  '<iframe src="https://evil.example/"></iframe>',
  '<a href="#" onclick="alert(1337)">a</a>',
  '<style>body { display: none }</style>',
  '{{ x }}',
  '</script>',
  `<${MARKER_TAG}>x</${MARKER_TAG}>`,
  '**bold** and _em_',
  '## A heading',
  '- a list item',
  '> a quote',
];

export const markdownBody = (text: fc.Arbitrary<string>) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...BODY_LINES),
        // Text, without what a .md file may not hold: components (capitalised tags).
        text.map((t) => t.replace(/<(?=\/?[A-Z])/g, '‹')),
      ),
      { maxLength: 4 },
    )
    .map((lines) => lines.join('\n\n'));

/** An MDX body with Klaster's components, misspelt ones, hostile attributes and code: what checkMdxBody reads. */
export const componentBody = (text: fc.Arbitrary<string>) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '<PartnerList />',
          '<Timeline />',
          '<FundingNotice />',
          '<Map />',
          '<Partners />',
          '<partnerlist />',
          '<Figure>',
          '</Figure>',
          '<IndicatorBars',
          'import x from "y"',
          'export const a = 1',
          '{alert(1337)}',
          '<Figure caption="x">\n  ![](./front.png)\n</Figure>',
        ),
        fc
          .tuple(
            fc.constantFrom(
              'IndicatorBars indicator',
              'PartnerList project',
              'Timeline project',
              'Figure caption',
              'Map proj\u200Dect',
              'FundingNotice \u202Eproject',
            ),
            text,
          )
          .map(([tag, value]) => `<${tag.replace(' ', ` `)}="${value.replace(/"/g, '”')}" />`),
        text,
      ),
      { minLength: 1, maxLength: 5 },
    )
    .map((lines) => lines.join('\n\n'));

// ---------------------------------------------------------------- facts

const slug = fc.stringMatching(/^[a-z][a-z0-9]{0,7}(?:-[a-z0-9]{1,6}){0,2}$/);
const reserved = reservedPageIds();
const pageSlug = slug.filter((s) => !reserved.has(s));
const month = fc.tuple(fc.integer({ min: 2000, max: 2026 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

const ymd = (d: Date) => d.toISOString().slice(0, 10);
const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2026-11-21T00:00:00Z'), noInvalidDate: true });
/** A date as an editor writes it: YYYY-MM-DD, which YAML may read as a timestamp, or the same quoted. */
const dateValue = (d: Date, quoted: boolean): unknown => (quoted ? ymd(d) : new Date(`${ymd(d)}T00:00:00Z`));
const dayPair = fc
  .tuple(day, fc.integer({ min: 0, max: 2_000 }), fc.boolean())
  .map(([start, days, quoted]) => [dateValue(start, quoted), dateValue(new Date(start.getTime() + days * 86_400_000), quoted)] as const);

const country = fc.constantFrom('BG', 'RS', 'RO', 'ES', 'FR', 'DK', 'DE', 'GR', 'MK', 'HR', 'HU', 'IT');
const coordinates = fc.record({
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
});
const website = fc.constantFrom(
  'https://example.org',
  'https://example.org/a?b=c&d=<e>',
  'https://example.org/?q="><script>alert(1337)</script>',
  "https://example.org/'onmouseover='alert(1337)",
  'http://xn--80ak6aa92e.example/',
);
const email = fc.constantFrom('office@example.org', 'o.ffice+x@example.bg');
const phone = fc.constantFrom('+359 78 123 456', '+381 (18) 123-456');
const vocabulary = (name: string) => fc.constantFrom(...taxonomies[name]);
const vocabularyList = (name: string, min = 0) => fc.uniqueArray(vocabulary(name), { minLength: min, maxLength: 3 });
/** Whole numbers up to the largest a number holds exactly, which the schemas allow. */
const hugeInt = fc.oneof(fc.integer({ min: 1, max: 1_000 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, 1e15));
/** Numbers as big as a number gets. */
const hugeNumber = fc.oneof(hugeInt, fc.constantFrom(1e21, 1e300, Number.MAX_VALUE));

/** Image file names the check accepts: spaces, Unicode, quotes, HTML syntax. */
export const IMAGE_NAMES = [
  'front.png',
  'detail.jpg',
  'a b.png',
  'ünï.png',
  'стол.jpg',
  'x\u200Dy.png',
  'a&b.jpg',
  "it's.png",
  'a(1).png',
  '[x].png',
  'FRONT.PNG',
  '<b>.png',
];
/** File names an address cannot hold (the build reads them as URL syntax): the check refuses them. */
export const ADDRESS_NAMES = ['a#b.png', 'a%20b.png', 'q?x.png', '100%.jpg', '#.pdf'];
const imageName = fc.constantFrom(...IMAGE_NAMES);
const imageNames = (min: number, max: number) =>
  fc.uniqueArray(imageName, { minLength: min, maxLength: max, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() });
const kind = (file: string) => (/\.png$/i.test(file) ? 'png' : 'jpg') as 'png' | 'jpg';

function gtinOf(digits: number[]): string {
  const sum = [...digits].reverse().reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return `${digits.join('')}${(10 - (sum % 10)) % 10}`;
}
const gtin = fc
  .tuple(fc.constantFrom(7, 11, 12, 13), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 }), fc.boolean())
  .map(([n, digits, asNumber]) => {
    const code = gtinOf(digits.slice(0, n));
    return asNumber && code[0] !== '0' ? Number(code) : code;
  });

/** Fibres with percentages that add up to 100. */
const composition = fc.uniqueArray(vocabulary('fibre'), { minLength: 1, maxLength: 3 }).chain((fibres) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: fibres.length - 1, maxLength: fibres.length - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 100];
    return fibres.map((fibre, i) => ({ fibre, percent: points[i + 1] - points[i] }));
  }),
);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Drops the keys whose value is undefined (fc.option's nil): the YAML leaves them out. */
const defined = (data: Record<string, unknown>): Data => Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));

export interface Ids {
  programmes: string[];
  clusters: string[];
  organisations: string[];
  products: string[];
  projects: string[];
  news: string[];
  events: string[];
  newsletters: string[];
  pages: string[];
}

const refsOf = (ids: string[]) => (ids.length ? fc.subarray(ids) : fc.constant([]));

interface TextArbs {
  text: fc.Arbitrary<string>;
  body: fc.Arbitrary<string>;
  ext: fc.Arbitrary<'md' | 'mdx'>;
}

/** The text fields of a collection, as arbitraries: those required in the source locale, and the others. */
function textFields(
  c: CollectionName,
  facts: Data,
  t: TextArbs,
): { required: Record<string, fc.Arbitrary<unknown>>; optional: Record<string, fc.Arbitrary<unknown>> } {
  const x = t.text;
  const altFor = (files: string[]) => fc.record(Object.fromEntries(files.map((f) => [f, x])));
  switch (c) {
    case 'programmes':
      return {
        required: { name: x, fundName: x, statement: x, disclaimer: x },
        optional: { shortName: x, slogan: x, managingAuthority: x, logoAlt: altFor((facts.logos as string[] | undefined) ?? []) },
      };
    case 'clusters':
      return { required: { name: x, summary: x, region: x, city: x }, optional: { shortName: x, address: x, logoAlt: x } };
    case 'organisations':
      return { required: { name: x, summary: x, city: x }, optional: { shortName: x, address: x, logoAlt: x } };
    case 'products':
      return { required: { name: x, summary: x, imageAlt: altFor(facts.images as string[]) }, optional: {} };
    case 'projects': {
      const indicators = ((facts.indicators as { id: string; breakdown?: { id: string }[] }[] | undefined) ?? []).flatMap((i) => [
        i.id,
        ...(i.breakdown ?? []).map((b) => b.id),
      ]);
      const results = ((facts.results as { id: string }[] | undefined) ?? []).map((r) => r.id);
      return {
        required: { name: x, summary: x },
        optional: {
          objectives: fc.array(x, { maxLength: 2 }),
          activities: fc.array(x, { maxLength: 2 }),
          expectedResults: fc.array(x, { maxLength: 2 }),
          indicators: fc.record(Object.fromEntries(indicators.map((id) => [id, x]))),
          results: fc.record(Object.fromEntries(results.map((id) => [id, fc.record({ title: x, description: optional(x) }).map(defined)]))),
          logoAlt: x,
        },
      };
    }
    case 'news':
      return { required: facts.cover ? { title: x, summary: x, coverAlt: x } : { title: x, summary: x }, optional: facts.cover ? {} : { coverAlt: x } };
    case 'events':
      return { required: { title: x, summary: x, city: x }, optional: { venue: x } };
    case 'newsletters':
      return { required: {}, optional: { title: x } };
    case 'pages':
      return { required: { title: x, summary: x }, optional: {} };
  }
}

const format = fc.record({ bom: fc.boolean(), crlf: fc.boolean(), leading: fc.constantFrom(0, 0, 0, 1, 2) });
const hash = fc.stringMatching(/^[0-9a-f]{12}$/);

/** The texts of an entry: the source locale's with every required field, translations with some. */
function textsArb(c: CollectionName, facts: Data, t: TextArbs): fc.Arbitrary<{ source: string; texts: TextSpec[] }> {
  const { required, optional: opt } = textFields(c, facts, t);
  const legal = c === 'programmes' ? ['statement', 'disclaimer'] : [];
  const all = { ...required, ...opt };
  return fc.record({ source: fc.constantFrom(...writtenLocales), others: fc.subarray([...localeCodes]) }).chain(({ source, others }) => {
    const locales = [...new Set([source, ...(c === 'programmes' ? writtenLocales : []), ...others])];
    const one = (locale: string) => {
      const isSource = locale === source;
      const fields = fc.record(all, { requiredKeys: isSource ? Object.keys(required) : legal.filter(() => !locale.includes('-')) });
      return fc
        .record({
          fields,
          keep: locale === 'sr' ? optional(fc.array(t.text, { minLength: 1, maxLength: 2 })) : fc.constant(undefined),
          sourceHash: isSource ? fc.constant(undefined) : optional(hash),
          body: fc.oneof(fc.constant(''), t.body),
          ext: t.ext,
          format,
        })
        .map(({ fields, keep, sourceHash, body, ext, format }): TextSpec => ({
          locale,
          ext,
          data: defined({ ...fields, keepAsWritten: keep, sourceHash }),
          body,
          format,
        }));
    };
    return fc.tuple(...locales.map(one)).map((texts) => ({ source, texts }));
  });
}

function factsArb(c: CollectionName, ids: Ids, t: TextArbs): fc.Arbitrary<{ facts: Data; assets: EntrySpec['assets'] }> {
  const images = (names: string[]) => Object.fromEntries(names.map((n) => [n, kind(n)]));
  const actor = fc.oneof(
    fc.constantFrom(...ids.organisations).map((organisation) => ({ organisation })),
    fc.constantFrom(...ids.clusters).map((cluster) => ({ cluster })),
  );
  const common = { sample: optional(fc.boolean()) };
  switch (c) {
    case 'programmes':
      return fc
        .record({
          funder: vocabulary('funder'),
          fund: vocabulary('fund'),
          period: fc.integer({ min: 1990, max: 2030 }).map((y) => `${y}-${y + 6}`),
          emblem: optional(fc.boolean()),
          website: optional(website),
          logos: optional(imageNames(1, 2)),
        })
        .map((f) => ({ facts: defined(f), assets: images(f.logos ?? []) }));
    case 'clusters':
      return fc
        .record({
          country,
          nuts: optional(fc.constantFrom('BG41', 'RS22', 'RO')),
          coordinates,
          founded: fc.integer({ min: 1800, max: 2100 }),
          sectors: vocabularyList('sector', 1),
          website: optional(website),
          email: optional(email),
          phone: optional(phone),
          logo: optional(imageName),
          excellenceLabel: optional(
            fc
              .record({ level: vocabulary('excellenceLevel'), days: dayPair.filter(([a, b]) => String(a) !== String(b)) })
              .map(({ level, days: [awarded, expires] }) => ({ level, awarded, expires })),
          ),
          organisation: optional(fc.constantFrom(...ids.organisations)),
          ...common,
        })
        .map((f) => ({ facts: defined(f), assets: images(f.logo ? [f.logo] : []) }));
    case 'organisations':
      return fc
        .record({
          type: vocabulary('orgType'),
          country,
          coordinates: optional(coordinates),
          clusters: refsOf(ids.clusters),
          sectors: optional(vocabularyList('sector')),
          founded: optional(fc.integer({ min: 1800, max: 2100 })),
          employees: optional(fc.oneof(fc.nat(), hugeInt)),
          website: optional(website),
          email: optional(email),
          phone: optional(phone),
          logo: optional(imageName),
          ...common,
        })
        .map((f) => ({ facts: defined(f), assets: images(f.logo ? [f.logo] : []) }));
    case 'products':
      return fc
        .record({
          maker: fc.constantFrom(...ids.organisations),
          category: vocabulary('category'),
          images: imageNames(1, 4),
          attributes: optional(
            fc.record(
              { material: composition, sizes: fc.array(fc.oneof(t.text, fc.integer({ min: 1, max: 200 })), { minLength: 1, maxLength: 4 }) },
              { requiredKeys: [] },
            ),
          ),
          certifications: optional(
            fc.array(
              fc.record({
                scheme: vocabulary('certification'),
                licence: fc.oneof(t.text, fc.integer({ min: 1 })),
                issuer: t.text,
                validUntil: day.map((d) => ymd(d)),
              }),
              { maxLength: 2 },
            ),
          ),
          moq: optional(hugeInt),
          moqUnit: optional(vocabulary('orderUnit')),
          leadTimeDays: optional(hugeInt),
          colours: optional(vocabularyList('colour')),
          countryOfOrigin: country,
          sku: optional(fc.oneof(t.text, fc.integer({ min: 1 }))),
          gtin: optional(gtin),
          ...common,
        })
        .map((f) => ({ facts: defined(f), assets: images(f.images) }));
    case 'projects': {
      const partners = fc
        .tuple(actor, fc.array(fc.tuple(actor, fc.constantFrom('partner', 'associated')), { maxLength: 3 }))
        .map(([lead, others]) => [{ ...lead, role: 'lead' }, ...others.map(([a, role]) => ({ ...a, role }))]);
      const indicators = fc.uniqueArray(slug, { maxLength: 4 }).chain((idList) =>
        fc.tuple(...idList.map(() => fc.record({ target: fc.oneof(fc.nat(), hugeNumber), achieved: optional(fc.nat()) })), fc.nat()).map((values) => {
          const split = (values.at(-1) as number) % (idList.length + 1);
          const top = idList.slice(0, Math.max(1, split));
          const sub = idList.slice(Math.max(1, split));
          return top.map((indicatorId, i) =>
            defined({
              id: indicatorId,
              ...(values[i] as object),
              breakdown: i === 0 && sub.length ? sub.map((b, j) => defined({ id: b, ...(values[top.length + j] as object) })) : undefined,
            }),
          );
        }),
      );
      const results = fc
        .uniqueArray(slug, { maxLength: 2 })
        .chain((rids) =>
          fc.tuple(
            ...rids.map((rid, i) =>
              fc
                .record({ type: vocabulary('resultType'), language: fc.constantFrom(...localeCodes), date: optional(day.map(ymd)) })
                .map((r) => defined({ id: rid, file: `result-${i + 1}.pdf`, ...r })),
            ),
          ),
        );
      const channel = fc.integer({ min: 0, max: 0x60 }).map((n) => n.toString(16).padStart(2, '0'));
      return fc
        .record({
          acronym: t.text,
          programme: fc.constantFrom(...ids.programmes),
          call: optional(t.text),
          grantNumber: optional(fc.oneof(t.text, fc.integer({ min: 1 }))),
          days: dayPair,
          budget: optional(
            fc
              .record({ total: fc.oneof(fc.nat(), hugeNumber), euContribution: optional(fc.nat()), currency: optional(fc.constantFrom('EUR', 'BGN', 'RSD')) })
              .map(defined),
          ),
          partners,
          clusters: refsOf(ids.clusters),
          indicators: optional(indicators),
          results: optional(results),
          accentColour: optional(fc.tuple(channel, channel, channel).map((rgb) => `#${rgb.join('')}`)),
          logo: optional(imageName),
          website: optional(website),
        })
        .map(({ days: [start, end], ...f }) => ({
          facts: defined({ ...f, start, end }),
          assets: {
            ...images(f.logo ? [f.logo] : []),
            ...Object.fromEntries(((f.results ?? []) as { file: string }[]).map((r) => [r.file, 'pdf' as const])),
          },
        }));
    }
    case 'news':
      return fc
        .record({
          date: fc.tuple(day, fc.boolean()).map(([d, q]) => dateValue(d, q)),
          projects: refsOf(ids.projects),
          clusters: refsOf(ids.clusters),
          cover: optional(imageName),
          ...common,
        })
        .map((f) => ({ facts: defined(f), assets: images(f.cover ? [f.cover] : []) }));
    case 'events': {
      const time = fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => `T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
      return fc
        .record({
          kind: vocabulary('eventKind'),
          days: fc.tuple(day, fc.integer({ min: 0, max: 10 }), optional(time), fc.boolean()),
          timezone: fc.constantFrom('Europe/Sofia', 'Europe/Belgrade', 'Europe/Paris', 'UTC', 'America/New_York', 'Asia/Tokyo'),
          country,
          coordinates: optional(coordinates),
          organiser: optional(actor),
          projects: refsOf(ids.projects),
          clusters: refsOf(ids.clusters),
          website: optional(website),
          ...common,
        })
        .map(({ days: [start, n, at, withEnd], ...f }) => {
          const end = new Date(start.getTime() + n * 86_400_000);
          return {
            facts: defined({ ...f, start: `${ymd(start)}${at ?? ''}`, end: withEnd ? `${ymd(end)}${at ?? ''}` : undefined }),
            assets: {},
          };
        });
    }
    case 'newsletters':
      return fc.record({ projects: refsOf(ids.projects), clusters: refsOf(ids.clusters) }).map((f) => ({ facts: f, assets: {} }));
    case 'pages':
      return fc.record({ search: optional(fc.boolean()) }).map((f) => ({ facts: defined(f), assets: {} }));
  }
}

function entryArb(c: CollectionName, id: string, ids: Ids, t: TextArbs): fc.Arbitrary<EntrySpec> {
  return factsArb(c, ids, t).chain(({ facts, assets }) =>
    textsArb(c, facts, t).map(({ source, texts }) => ({
      collection: c,
      id,
      source,
      facts: source === 'en' && facts.sourceLocale === undefined ? facts : { sourceLocale: source, ...facts },
      texts,
      assets,
    })),
  );
}

export interface WorldOptions {
  text: fc.Arbitrary<string>;
  body?: fc.Arbitrary<string>;
  ext?: fc.Arbitrary<'md' | 'mdx'>;
  /** How many entries of each collection, at most (programmes, clusters and organisations: at least one). */
  max?: number;
  /** Exactly one entry of each collection. */
  one?: boolean;
}

/** A valid content folder: entries of every collection whose references all resolve. */
export function worldArb(options: WorldOptions): fc.Arbitrary<EntrySpec[]> {
  const t: TextArbs = { text: options.text, body: options.body ?? markdownBody(options.text), ext: options.ext ?? fc.constant('md') };
  const max = options.max ?? 2;
  const n = (min: number) => (options.one ? { minLength: 1, maxLength: 1 } : { minLength: min, maxLength: Math.max(min, max) });
  return fc
    .record<Ids>({
      programmes: fc.uniqueArray(slug, n(1)),
      clusters: fc.uniqueArray(slug, n(1)),
      organisations: fc.uniqueArray(slug, n(1)),
      products: fc.uniqueArray(slug, n(0)),
      projects: fc.uniqueArray(slug, n(0)),
      news: fc.uniqueArray(slug, n(0)),
      events: fc.uniqueArray(slug, n(0)),
      newsletters: fc.uniqueArray(month, n(0)),
      pages: fc.uniqueArray(pageSlug, n(0)),
    })
    .chain((ids) => {
      const all = (Object.keys(ids) as CollectionName[]).flatMap((c) => ids[c].map((id) => entryArb(c, id, ids, t)));
      return fc.tuple(...all);
    });
}

// ---------------------------------------------------------------- files

export type Node =
  | { kind: 'facts'; yaml: string }
  | { kind: 'text'; yaml: string; body: string; format: TextSpec['format']; closed: boolean }
  | { kind: 'bytes'; data: string | Uint8Array }
  | { kind: 'dir' }
  | { kind: 'link'; target: string };

/** A content folder as paths (relative, with /) to what is there. */
export type Tree = Map<string, Node>;

export const textName = (t: TextSpec) => `index.${t.locale}.${t.ext}`;

export function render(entries: EntrySpec[], images: { png: Uint8Array; jpg: Uint8Array }): Tree {
  const tree: Tree = new Map();
  for (const e of entries) {
    const dir = `${e.collection}/${e.id}`;
    tree.set(`${dir}/index.yaml`, { kind: 'facts', yaml: yamlText(e.facts) });
    for (const t of e.texts) tree.set(`${dir}/${textName(t)}`, { kind: 'text', yaml: yamlText(t.data), body: t.body, format: t.format, closed: true });
    for (const [name, type] of Object.entries(e.assets)) {
      tree.set(`${dir}/${name}`, { kind: 'bytes', data: type === 'pdf' ? '%PDF-1.4\n% a result document\n%%EOF\n' : images[type] });
    }
  }
  return tree;
}

/** The bytes of a text file as the node describes it. */
export function textSource(node: Extract<Node, { kind: 'text' }>): string {
  const { bom, crlf, leading } = node.format;
  const text = `${'\n'.repeat(leading)}---\n${node.yaml}${node.closed ? '---\n' : ''}${node.body}`;
  return `${bom ? '\uFEFF' : ''}${crlf ? text.replace(/\n/g, '\r\n') : text}`;
}

export function writeTree(root: string, tree: Tree) {
  mkdirSync(root, { recursive: true });
  for (const [path, node] of [...tree].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    if (node.kind === 'dir') mkdirSync(abs, { recursive: true });
    else if (node.kind === 'link') symlinkSync(node.target, abs);
    else if (node.kind === 'facts') writeFileSync(abs, node.yaml);
    else if (node.kind === 'text') writeFileSync(abs, textSource(node));
    else writeFileSync(abs, node.data);
  }
}

// ---------------------------------------------------------------- mistakes

/** What the check must report about a mistake. */
export interface Expectation {
  what: string;
  test: (p: Problem) => boolean;
  severity: Problem['severity'];
}

/** The facts each collection requires. */
const REQUIRED_FACTS: Record<CollectionName, string[]> = {
  programmes: ['funder', 'fund', 'period'],
  clusters: ['country', 'coordinates', 'founded', 'sectors'],
  organisations: ['type', 'country'],
  products: ['maker', 'category', 'images', 'countryOfOrigin'],
  projects: ['acronym', 'programme', 'start', 'end', 'partners'],
  news: ['date'],
  events: ['kind', 'start', 'timezone', 'country'],
  newsletters: [],
  pages: [],
};

/** YAML that no parser accepts, inserted between two top-level fields. */
export const BROKEN_YAML = [
  'key: [unclosed',
  'key: "unclosed',
  "key: 'unclosed",
  'key: {a: 1',
  '\tkey: tab',
  'key: value: other',
  '- item',
  '@key: reserved',
  '`key: reserved',
  'key: *nowhere',
  ']',
  'key: "bad \\q escape"',
  'a: 1\na: 2',
];

/** Characters YAML does not allow in a file, even inside quotes (Word's soft line break is U+000B). */
export const NON_PRINTABLE = ['\u000B', '\u0001', '\u0000', '\u007F', '\u0008', '\u001B', '\uFFFE', '\u0090'];

const ODD_CHARS = [
  '\u202E',
  '\u200D',
  '\u200B',
  'É',
  'e\u0301',
  ' ',
  'Ä',
  'ж',
  '😀',
  '\uFEFF',
  '%20',
  '#',
  '?',
  '&',
  "'",
  '"',
  '<',
  '>',
  '*',
  '\\',
  ':',
  '|',
  '\t',
  '\n',
  'A',
  '--',
  '.',
  '-',
];
const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');
/** A folder name that is not a valid id: odd Unicode, spaces, capitals, URL and shell syntax. */
export const oddId = fc
  .oneof(
    fc.tuple(slug, fc.constantFrom(...ODD_CHARS), fc.nat()).map(([s, c, at]) => {
      const i = at % (s.length + 1);
      return s.slice(0, i) + c + s.slice(i);
    }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
    fc.constantFrom('x'.repeat(200), 'Кюстендил-Мода', 'Џемпер', 'CON', 'aux', '...x'),
  )
  .filter((s) => !SLUG.test(s) && !/[/\0]/.test(s) && !/^[._]/.test(s) && s.toWellFormed() === s && byteLength(s) <= 200);

/** Text file names that are not what the reader reads, or name a locale the site does not have. */
export const ODD_TEXT_NAMES = [
  'index.EN.md',
  'index.en-GB.md',
  'index.\u202Een.md',
  'index.de.md',
  'index.sr_latn.md',
  'index.en.markdown',
  'Index.en.md',
  'index.en.md.txt',
  'index-en.md',
  'index.en.MD',
  'index.YAML',
  'index.en.mdx ',
  'index.yaml.txt',
  'en.md',
];

/** Files outside any entry folder, and folders that are not collections. */
export const STRAY_PATHS = [
  'README.md',
  'products.yaml',
  'products/index.en.md',
  'news/notes.txt',
  'product/x/index.yaml',
  'Pages/about/index.yaml',
  'projects/x/sub/index.yaml',
  '.drafts/x/index.yaml',
  '_drafts/x/index.yaml',
  'events/2024/fair/index.yaml',
];

export type Mutation =
  | { kind: 'wrongType'; entry: number; file: number; field: number }
  | { kind: 'missing'; entry: number; inText: boolean; field: number }
  | { kind: 'unknownField'; entry: number; file: number; key: string; value: unknown }
  | { kind: 'misplaced'; entry: number; file: number; field: number }
  | { kind: 'hostileValue'; entry: number; file: number; field: number; value: unknown }
  | { kind: 'badReference'; entry: number; value: string }
  | { kind: 'dateText'; entry: number; file: number; field: number }
  | { kind: 'invalidYaml'; entry: number; file: number; fragment: string; at: number }
  | { kind: 'unclosedFence'; entry: number; file: number }
  | { kind: 'deleteFacts'; entry: number }
  | { kind: 'deleteSource'; entry: number }
  | { kind: 'oddId'; entry: number; id: string }
  | { kind: 'folderAsFile'; entry: number; which: 'facts' | 'text' | 'asset' }
  | { kind: 'brokenLink'; entry: number; own: boolean; loop: boolean }
  | { kind: 'collectionAsFile'; collection: number }
  | { kind: 'strayFile'; path: string; content: string }
  | { kind: 'controlChar'; entry: number; file: number; char: string; at: number }
  | { kind: 'aliasBomb'; entry: number; file: number }
  | { kind: 'deepNesting'; entry: number; file: number; depth: number; style: 'list' | 'map' | 'block' }
  | { kind: 'oddTextName'; entry: number; name: string }
  | { kind: 'addressName'; entry: number; name: string }
  | { kind: 'badNumber'; entry: number; field: number; value: number }
  | { kind: 'controlEscape'; entry: number; file: number; field: number; char: string }
  | { kind: 'garbage'; entry: number; file: number; content: string | Uint8Array };

const i = fc.nat();
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('wrongType' as const), entry: i, file: i, field: i }),
  fc.record({ kind: fc.constant('missing' as const), entry: i, inText: fc.boolean(), field: i }),
  fc.record({
    kind: fc.constant('unknownField' as const),
    entry: i,
    file: i,
    key: fc.oneof(
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        '<script>',
        ' ',
        'Name',
        'Title',
        'na\u200Dme',
        '\u202Etitle',
        'k'.repeat(3000),
        'naem',
        'summery',
      ),
      fc.string({ minLength: 1, maxLength: 20 }),
    ),
    value: fc.oneof(hostileText(), fc.integer(), fc.constant(null), fc.array(fc.nat(), { maxLength: 2 })),
  }),
  fc.record({ kind: fc.constant('misplaced' as const), entry: i, file: i, field: i }),
  fc.record({
    kind: fc.constant('hostileValue' as const),
    entry: i,
    file: i,
    field: i,
    value: fc.oneof(
      hostileText(),
      longText,
      fc.constantFrom('Bulgaria', 'B', '', ' ', 'ÉÉ', 'Б', 'Europe/Nowhere', '99999-99-99', '2012-02-30', '-1', 'NaN'),
      fc.constantFrom(-1, -0, 0, 0.5, 1e21, 1e300, -1e300, Number.MAX_SAFE_INTEGER + 2, Infinity, -Infinity, NaN, true, false, null),
      fc.array(fc.oneof(fc.constantFrom(-1, 0.5, 1e21, ''), hostileText()), { maxLength: 5 }),
    ),
  }),
  fc.record({
    kind: fc.constant('badReference' as const),
    entry: i,
    value: fc.oneof(
      slug.map((s) => `zz-${s}`),
      hostileText(),
    ),
  }),
  fc.record({ kind: fc.constant('dateText' as const), entry: i, file: i, field: i }),
  fc.record({ kind: fc.constant('invalidYaml' as const), entry: i, file: i, fragment: fc.constantFrom(...BROKEN_YAML), at: i }),
  fc.record({ kind: fc.constant('unclosedFence' as const), entry: i, file: i }),
  fc.record({ kind: fc.constant('deleteFacts' as const), entry: i }),
  fc.record({ kind: fc.constant('deleteSource' as const), entry: i }),
  fc.record({ kind: fc.constant('oddId' as const), entry: i, id: oddId }),
  fc.record({ kind: fc.constant('folderAsFile' as const), entry: i, which: fc.constantFrom('facts' as const, 'text' as const, 'asset' as const) }),
  fc.record({ kind: fc.constant('brokenLink' as const), entry: i, own: fc.boolean(), loop: fc.boolean() }),
  fc.record({ kind: fc.constant('collectionAsFile' as const), collection: i }),
  fc.record({
    kind: fc.constant('strayFile' as const),
    path: fc.constantFrom(...STRAY_PATHS),
    content: fc.oneof(hostileText(), fc.constant('---\ntitle: x\n---\n')),
  }),
  fc.record({ kind: fc.constant('controlChar' as const), entry: i, file: i, char: fc.constantFrom(...NON_PRINTABLE), at: i }),
  fc.record({ kind: fc.constant('aliasBomb' as const), entry: i, file: i }),
  fc.record({
    kind: fc.constant('deepNesting' as const),
    entry: i,
    file: i,
    depth: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 500, max: 2_000 })),
    style: fc.constantFrom('list' as const, 'map' as const, 'block' as const),
  }),
  fc.record({ kind: fc.constant('oddTextName' as const), entry: i, name: fc.constantFrom(...ODD_TEXT_NAMES) }),
  fc.record({ kind: fc.constant('addressName' as const), entry: i, name: fc.constantFrom(...ADDRESS_NAMES) }),
  fc.record({
    kind: fc.constant('controlEscape' as const),
    entry: i,
    file: i,
    field: i,
    char: fc.constantFrom(...NON_PRINTABLE.filter((c) => c < '\uFFFE'), '\u0085'),
  }),
  fc.record({
    kind: fc.constant('badNumber' as const),
    entry: i,
    field: i,
    value: fc.constantFrom(-1, -0.5, 0, 0.5, 101, 1e21, 1e300, -1e300, Infinity, -Infinity, NaN, Number.MAX_SAFE_INTEGER + 2),
  }),
  fc.record({
    kind: fc.constant('garbage' as const),
    entry: i,
    file: i,
    content: fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), hostileText()),
  }),
);

const isGroup = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
/** Where a facts value names a file: `images[1]`, `cover`, `results[0].file`. */
function pathOf(value: unknown, name: string, prefix = ''): string | undefined {
  if (value === name) return prefix;
  if (Array.isArray(value)) {
    for (const [k, v] of value.entries()) {
      const found = pathOf(v, name, `${prefix}[${k}]`);
      if (found !== undefined) return found;
    }
  } else if (isGroup(value)) {
    for (const [k, v] of Object.entries(value)) {
      const found = pathOf(v, name, prefix ? `${prefix}.${k}` : k);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A copy of a value with the first string equal to `from` (in the order pathOf searches) replaced. */
function replaceValue(value: unknown, from: string, to: string): unknown {
  let done = false;
  const walk = (v: unknown): unknown => {
    if (done) return v;
    if (v === from) {
      done = true;
      return to;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (isGroup(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

/** A copy of a value with what is at a field path (`budget.total`, `indicators[0].target`) replaced. */
function setAt(value: unknown, path: string, to: unknown): unknown {
  const [, head, rest] = /^\.?(\[\d+\]|[^.[]+)(.*)$/.exec(path)!;
  const key = head.startsWith('[') ? Number(head.slice(1, -1)) : head;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[key] = rest ? setAt(copy[key], rest, to) : to;
  return copy;
}

/** The field names of a schema (as check.ts finds them). */
function keysOf(schema: z.ZodType): Set<string> {
  let s = schema as unknown as { _zod: { def: Record<string, unknown> } };
  while (s._zod.def.type !== 'object') s = s._zod.def.innerType as typeof s;
  return new Set(Object.keys(s._zod.def.shape as object));
}
const FACTS_SCHEMAS = factsSchemas(() => z.string());
const FACTS_KEYS = Object.fromEntries(collectionNames.map((c) => [c, keysOf(FACTS_SCHEMAS[c] as z.ZodType)])) as Record<CollectionName, Set<string>>;
const TEXT_KEYS = Object.fromEntries(collectionNames.map((c) => [c, keysOf(translationSchemas[c] as z.ZodType)])) as Record<CollectionName, Set<string>>;
/** Every field name of every collection: an "unknown" field is none of them. */
const KNOWN_KEYS = new Set(collectionNames.flatMap((c) => [...FACTS_KEYS[c], ...TEXT_KEYS[c]]));

const fieldIs = (field: string) => (p: Problem) => p.field === field || !!p.field?.startsWith(`${field}.`) || !!p.field?.startsWith(`${field}[`);

/** Inserts lines into YAML at a boundary between top-level fields. */
function insertYaml(yaml: string, lines: string, at: number): string {
  const rows = yaml === '' ? [] : yaml.replace(/\n$/, '').split('\n');
  const boundaries = [...rows.keys(), rows.length].filter((k) => k === rows.length || !/^[ \t]/.test(rows[k]));
  const k = boundaries[at % boundaries.length];
  return [...rows.slice(0, k), lines, ...rows.slice(k)].join('\n') + '\n';
}

export interface Applied {
  tree: Tree;
  expectations: Expectation[];
  /** What was done, for the failure message. */
  log: string[];
}

/**
 * Applies mistakes to a valid set of entries: at most one per entry (a broken
 * index.yaml hides the texts of its entry from the check), each with what the
 * check must report.
 */
export function applyMutations(entries: EntrySpec[], mutations: Mutation[], images: { png: Uint8Array; jpg: Uint8Array }): Applied {
  const expectations: Expectation[] = [];
  const log: string[] = [];
  const touched = new Set<number>();
  const specs = structuredClone(entries);
  const expectError = (what: string, test: (p: Problem) => boolean) => expectations.push({ what, test, severity: 'error' });
  const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
  const dirOf = (e: EntrySpec) => `${e.collection}/${e.id}`;
  const fileOf = (e: EntrySpec, n: number) => (n % (e.texts.length + 1) === 0 ? undefined : e.texts[(n % (e.texts.length + 1)) - 1]);
  const pathIn = (e: EntrySpec, t: TextSpec | undefined) => `${dirOf(e)}/${t ? textName(t) : 'index.yaml'}`;

  // Whole collections first: the entries in them are gone.
  const gone = new Set<string>();
  for (const m of mutations) {
    if (m.kind !== 'collectionAsFile') continue;
    const c = specs[m.collection % specs.length].collection;
    if (gone.has(c)) continue;
    gone.add(c);
    log.push(`${c} is a file`);
    expectError(`${c} is a file, not a folder`, (p) => p.file === c);
  }

  const fileLevel: ((tree: Tree) => void)[] = [];
  for (const m of mutations) {
    if (m.kind === 'collectionAsFile') continue;
    if (m.kind === 'strayFile') {
      fileLevel.push((tree) => {
        if ([...tree.keys()].some((p) => p === m.path || p.startsWith(`${m.path}/`) || m.path.startsWith(`${p}/`))) return;
        tree.set(m.path, { kind: 'bytes', data: m.content });
      });
      log.push(`stray file ${m.path}`);
      const top = m.path.split('/')[0];
      if (m.path.includes('/') && !/^[._]/.test(top) && !(collectionNames as readonly string[]).includes(top)) {
        expectError(`${top}/ is not a collection`, (p) => p.file === top);
      }
      continue;
    }
    const index = m.entry % specs.length;
    const e = specs[index];
    if (touched.has(index) || gone.has(e.collection)) continue;
    touched.add(index);
    const dir = dirOf(e);
    switch (m.kind) {
      case 'wrongType': {
        const t = fileOf(e, m.file);
        const data = t ? t.data : e.facts;
        const key = pick(Object.keys(data), m.field);
        if (!key) break;
        data[key] = isGroup(data[key]) ? 'not a group of fields' : { unexpected: [1] };
        log.push(`${pathIn(e, t)}: ${key} of the wrong type`);
        expectError(`${pathIn(e, t)} names ${key}`, (p) => p.file === pathIn(e, t) && fieldIs(key)(p));
        break;
      }
      case 'missing': {
        const source = e.texts.find((t) => t.locale === e.source)!;
        const t = m.inText ? source : undefined;
        const required = t
          ? Object.keys(textFields(e.collection, e.facts, { text: fc.constant(''), body: fc.constant(''), ext: fc.constant('md') }).required)
          : REQUIRED_FACTS[e.collection];
        const key = pick(required, m.field);
        if (!key) break;
        delete (t ? t.data : e.facts)[key];
        log.push(`${pathIn(e, t)}: ${key} missing`);
        expectError(`${pathIn(e, t)} names the missing ${key}`, (p) => p.file === pathIn(e, t) && fieldIs(key)(p));
        break;
      }
      case 'unknownField': {
        const t = fileOf(e, m.file);
        const data = t ? t.data : e.facts;
        if (KNOWN_KEYS.has(m.key) || Object.hasOwn(data, m.key)) break;
        // An own field, even when named __proto__.
        Object.defineProperty(data, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
        log.push(`${pathIn(e, t)}: unknown field ${JSON.stringify(m.key.slice(0, 40))}`);
        expectError(
          `${pathIn(e, t)} names the unknown field ${JSON.stringify(m.key.slice(0, 40))}, visibly`,
          (p) => p.file === pathIn(e, t) && (p.field === m.key || namesVisibly(p.message, m.key)),
        );
        break;
      }
      case 'misplaced': {
        const t = fileOf(e, m.file);
        if (!t) {
          // A text field in index.yaml.
          const source = e.texts.find((x) => x.locale === e.source)!;
          const key = pick(
            Object.keys(source.data).filter((k) => !FACTS_KEYS[e.collection].has(k)),
            m.field,
          );
          if (!key) break;
          e.facts[key] = source.data[key];
          log.push(`${dir}/index.yaml: the text field ${key}`);
          expectError(`${dir}/index.yaml names ${key} as text`, (p) => p.file === `${dir}/index.yaml` && p.field === key);
        } else {
          const key = pick(
            Object.keys(e.facts).filter((k) => !TEXT_KEYS[e.collection].has(k)),
            m.field,
          );
          if (!key) break;
          t.data[key] = e.facts[key];
          log.push(`${pathIn(e, t)}: the fact ${key}`);
          expectError(`${pathIn(e, t)} names ${key} as a fact`, (p) => p.file === pathIn(e, t) && p.field === key);
        }
        break;
      }
      case 'hostileValue': {
        const t = fileOf(e, m.file);
        const data = t ? t.data : e.facts;
        const key = pick(Object.keys(data), m.field);
        if (!key) break;
        data[key] = m.value;
        log.push(`${pathIn(e, t)}: ${key} = ${String(JSON.stringify(m.value)).slice(0, 60)}`);
        break;
      }
      case 'badReference': {
        const key = pick(
          ['maker', 'programme', 'organisation', 'clusters', 'projects'].filter((k) => k in e.facts),
          m.value.length,
        );
        if (!key) break;
        const list = Array.isArray(e.facts[key]);
        e.facts[key] = list ? [m.value] : m.value;
        const field = list ? `${key}[0]` : key;
        log.push(`${dir}/index.yaml: ${field} = ${JSON.stringify(m.value.slice(0, 60))}`);
        expectError(`${dir}/index.yaml names ${field}`, (p) => p.file === `${dir}/index.yaml` && p.field === field);
        break;
      }
      case 'dateText': {
        const t = fileOf(e, m.file) ?? e.texts.find((x) => x.locale === e.source)!;
        const key = pick(
          Object.keys(t.data).filter((k) => typeof t.data[k] === 'string'),
          m.field,
        );
        if (!key) break;
        delete t.data[key];
        const path = pathIn(e, t);
        fileLevel.push((tree) => {
          const node = tree.get(path);
          if (node?.kind === 'text') node.yaml = `${key}: 2024-05-01\n${node.yaml}`;
        });
        log.push(`${path}: ${key}: 2024-05-01 (a date, not text)`);
        expectError(`${path} names ${key}, which YAML reads as a date`, (p) => p.file === path && p.field === key);
        break;
      }
      case 'invalidYaml':
      case 'controlChar':
      case 'aliasBomb':
      case 'deepNesting':
      case 'unclosedFence':
      case 'garbage': {
        const t = m.kind === 'unclosedFence' ? (fileOf(e, m.file) ?? e.texts[0]) : fileOf(e, m.file);
        const path = pathIn(e, t);
        fileLevel.push((tree) => {
          const node = tree.get(path);
          if (node?.kind !== 'facts' && node?.kind !== 'text') return;
          if (m.kind === 'garbage') {
            tree.set(path, { kind: 'bytes', data: m.content });
            return;
          }
          if (m.kind === 'unclosedFence' && node.kind === 'text') {
            node.closed = false;
            return;
          }
          node.yaml =
            m.kind === 'invalidYaml'
              ? insertYaml(node.yaml, m.fragment, m.at)
              : m.kind === 'controlChar'
                ? insertYaml(node.yaml, `# a note${m.char}`, m.at)
                : m.kind === 'aliasBomb'
                  ? ALIAS_BOMB
                  : m.kind === 'deepNesting'
                    ? insertYaml(node.yaml, deep(m.depth, m.style), 0)
                    : node.yaml;
        });
        log.push(
          `${path}: ${m.kind}${m.kind === 'invalidYaml' ? ` ${JSON.stringify(m.fragment)}` : m.kind === 'controlChar' ? ` U+${m.char.codePointAt(0)!.toString(16)}` : m.kind === 'deepNesting' ? ` ${m.style} ${m.depth}` : ''}`,
        );
        if (m.kind === 'invalidYaml' || m.kind === 'aliasBomb' || m.kind === 'controlChar') {
          expectError(`${path}: ${m.kind}`, (p) => p.file === path);
        }
        if (m.kind === 'deepNesting') expectError(`${path}: a field nested ${m.depth} deep`, (p) => p.file === path);
        if (m.kind === 'unclosedFence') expectError(`${path} says its --- is never closed`, (p) => p.file === path && p.message.includes('---'));
        break;
      }
      case 'deleteFacts':
        fileLevel.push((tree) => tree.delete(`${dir}/index.yaml`));
        log.push(`${dir}/index.yaml deleted`);
        expectError(`${dir}/index.yaml is missing`, (p) => p.file === `${dir}/index.yaml`);
        break;
      case 'deleteSource': {
        const source = e.texts.find((t) => t.locale === e.source)!;
        fileLevel.push((tree) => tree.delete(`${dir}/${textName(source)}`));
        log.push(`${dir}/${textName(source)} deleted`);
        expectError(`${dir}/index.${e.source}.md is missing`, (p) => p.file.startsWith(`${dir}/index.${e.source}.`));
        break;
      }
      case 'oddId': {
        const to = `${e.collection}/${m.id}`;
        fileLevel.push((tree) => {
          if ([...tree.keys()].some((p) => p.startsWith(`${to}/`))) return;
          for (const [p, node] of [...tree]) {
            if (!p.startsWith(`${dir}/`)) continue;
            tree.delete(p);
            tree.set(`${to}/${p.slice(dir.length + 1)}`, node);
          }
        });
        log.push(`${dir} renamed ${JSON.stringify(m.id)}`);
        expectError(`${to} is not a valid id`, (p) => p.file === to && /slug/.test(p.message));
        break;
      }
      case 'folderAsFile': {
        const asset = pick(Object.keys(e.assets), index);
        const name = m.which === 'facts' ? 'index.yaml' : m.which === 'text' ? textName(e.texts[index % e.texts.length]) : asset;
        if (!name) break;
        fileLevel.push((tree) => {
          tree.delete(`${dir}/${name}`);
          tree.set(`${dir}/${name}/inside.txt`, { kind: 'bytes', data: 'a file in a folder named like a file' });
        });
        log.push(`${dir}/${name} is a folder`);
        if (m.which === 'asset') {
          const field = pathOf(e.facts, name);
          if (field !== undefined)
            expectError(`${dir}/index.yaml names ${field}, a folder`, (p) => p.file === `${dir}/index.yaml` && fieldIs(field.replace(/\.file$/, ''))(p));
        } else expectError(`${dir}/${name} is a folder`, (p) => p.file === `${dir}/${name}`);
        break;
      }
      case 'brokenLink': {
        const own = m.own ? pick(Object.keys(e.assets), index) : undefined;
        const name = own ?? 'ghost.png';
        fileLevel.push((tree) => tree.set(`${dir}/${name}`, { kind: 'link', target: m.loop ? name : '/nonexistent/klaster-fuzz.png' }));
        log.push(`${dir}/${name} is a broken link`);
        const field = own ? pathOf(e.facts, own) : undefined;
        if (field !== undefined)
          expectError(`${dir}/index.yaml names ${field}, a broken link`, (p) => p.file === `${dir}/index.yaml` && fieldIs(field.replace(/\.file$/, ''))(p));
        break;
      }
      case 'addressName': {
        const asset = pick(Object.keys(e.assets), index);
        const field = asset === undefined ? undefined : pathOf(e.facts, asset);
        if (asset === undefined || field === undefined || m.name in e.assets) break;
        const name = /\.pdf$/.test(asset) ? m.name.replace(/\.[a-z]+$/, '.pdf') : m.name.replace(/\.[a-z]+$/, `.${asset.split('.').pop()}`);
        e.facts = replaceValue(e.facts, asset, name) as Data;
        e.assets[name] = e.assets[asset];
        delete e.assets[asset];
        log.push(`${dir}/${asset} renamed ${name}`);
        expectError(`${dir}/index.yaml names ${field}: ${name} cannot be in an address`, (p) => p.file === `${dir}/index.yaml` && fieldIs(field)(p));
        break;
      }
      case 'controlEscape': {
        // A control character in a text field, which the YAML writer escapes ("\0", "\x0B").
        const t = fileOf(e, m.file) ?? e.texts.find((x) => x.locale === e.source)!;
        const key = pick(
          Object.keys(t.data).filter((k) => typeof t.data[k] === 'string'),
          m.field,
        );
        if (!key) break;
        // Inside the text (at its end, the vertical tab and form feed are trimmed away as white space).
        const [first, ...rest] = t.data[key] as string;
        t.data[key] = `${first}${m.char}${rest.join('')}`;
        log.push(`${pathIn(e, t)}: ${key} holds U+${m.char.codePointAt(0)!.toString(16)}`);
        // The YAML writer escapes C0 controls ("\0"); DEL and C1 controls it writes as they are, which the YAML check names.
        expectError(
          `${pathIn(e, t)} names ${key}, which holds a control character`,
          (p) => p.file === pathIn(e, t) && (p.field === key || p.message.includes('control character')),
        );
        break;
      }
      case 'badNumber': {
        // Every number in the facts, however deep: coordinates, percentages, indicator targets, budgets.
        const numbers: string[] = [];
        const walk = (v: unknown, path: string) => {
          if (typeof v === 'number') numbers.push(path);
          else if (Array.isArray(v)) v.forEach((x, k) => walk(x, `${path}[${k}]`));
          else if (isGroup(v)) for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
        };
        walk(e.facts, '');
        const field = pick(numbers, m.field);
        if (field === undefined) break;
        e.facts = setAt(e.facts, field, m.value) as Data;
        log.push(`${dir}/index.yaml: ${field} = ${m.value}`);
        break;
      }
      case 'oddTextName': {
        const t = e.texts[0];
        const path = `${dir}/${m.name}`;
        fileLevel.push((tree) => {
          if (!tree.has(path)) tree.set(path, { kind: 'text', yaml: yamlText(t.data), body: t.body, format: t.format, closed: true });
        });
        log.push(`${path} added`);
        // Named like a text of a locale: a locale the site does not have. Otherwise: a file the reader does not read.
        if (/^index\.[^.]+\.(md|mdx)$/.test(m.name)) expectError(`${path}: no such locale`, (p) => p.file === path);
        else expectations.push({ what: `${path} is not read, which the check says`, test: (p) => p.file === path, severity: 'warning' });
        break;
      }
    }
  }

  const tree = render(
    specs.filter((e) => !gone.has(e.collection)),
    images,
  );
  for (const c of gone) tree.set(c, { kind: 'bytes', data: 'a file where a collection folder should be' });
  for (const f of fileLevel) f(tree);
  return { tree, expectations, log };
}

/** Characters an editor cannot see, or that turn the rest of a line around. */
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

/**
 * A message names a name (a field, a file) so that an editor can find it:
 * its visible start is there, and each invisible character in that start is
 * named by its code point (U+200D), not left to garble the line.
 */
export function namesVisibly(message: string, name: string): boolean {
  const start = [...name].slice(0, 20);
  const codes = start.filter((c) => INVISIBLE.test(c)).map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  const runs = start.join('').split(new RegExp(INVISIBLE.source, 'g')).filter(Boolean);
  return codes.every((code) => message.includes(code)) && runs.every((run) => message.includes(run)) && !INVISIBLE.test(message.replace(/\n/g, ''));
}

/** A billion laughs, in YAML aliases. */
export const ALIAS_BOMB =
  ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((k, n) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[n]}`).join(', ')}]`)].join('\n') + '\n';

function deep(depth: number, style: 'list' | 'map' | 'block'): string {
  if (style === 'list') return `deep: ${'['.repeat(depth)}${']'.repeat(depth)}`;
  if (style === 'map') return `deep: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
  const levels = Math.min(depth, 400);
  return Array.from({ length: levels }, (_, k) => `${' '.repeat(k)}deep${k}:`).join('\n') + ` 1`;
}
