/** The structured-data gate finds planted faults, and passes what the site's own builders make. */
import { describe, expect, it } from 'vitest';
import { checkBlock, checkJsonLd } from '../gates/jsonld.ts';
import { breadcrumbList, event, newsArticle, organization, product, project } from '../../packages/klaster/src/lib/jsonld.ts';
import { page } from '../quality/helpers/site.ts';

const ld = (data: unknown) => `<script type="application/ld+json">${typeof data === 'string' ? data : JSON.stringify(data)}</script>`;
const withLd = (...blocks: unknown[]) => ({ page: '/en/x/', html: page({ head: blocks.map(ld).join('\n') }) });

const good = [
  organization({ name: 'Cluster', url: 'https://example.org/en/clusters/c/', description: 'd', country: 'BG' }),
  product({
    name: 'Sweater', url: 'https://example.org/en/products/s/', description: 'd', images: ['https://example.org/a.jpg'], category: 'Knitwear',
    manufacturer: { name: 'Maker', url: 'https://example.org/en/members/m/' }, countryOfOrigin: 'Bulgaria', certifications: [], colours: [],
  }),
  event({ name: 'Fair', url: 'https://example.org/en/events/f/', description: 'd', startDate: '2012-09-04T09:30:00+02:00', location: { name: 'Hall', city: 'Berlin', country: 'DE' }, inLanguage: 'en' }),
  newsArticle({ headline: 'News', url: 'https://example.org/en/news/n/', description: 'd', datePublished: '2012-02-01', inLanguage: 'en', publisher: 'Klaster' }),
  breadcrumbList([{ name: 'Home', url: 'https://example.org/en/' }, { name: 'News', url: 'https://example.org/en/news/' }]),
  project({ name: 'Project', url: 'https://example.org/en/projects/p/', description: 'd', startDate: '2012-01-27', endDate: '2014-01-26', funder: 'EU' }),
];

describe('the structured-data gate', () => {
  it('passes every type the site writes', () => {
    expect(checkJsonLd([withLd(...good)])).toEqual([]);
  });

  it('finds a block that does not parse', () => {
    const [failure] = checkJsonLd([withLd('{"@context":"https://schema.org","@type":"Organization",}')]);
    expect(failure!.page).toBe('/en/x/');
    expect(failure!.reason).toMatch(/^JSON-LD: does not parse as JSON/);
  });

  it('finds the missing properties of each type', () => {
    const problems = (o: object) => checkBlock(JSON.stringify({ '@context': 'https://schema.org', ...o }));
    expect(problems({ '@type': 'Organization', name: 'X' })).toEqual(['JSON-LD Organization: missing url']);
    expect(problems({ '@type': 'Product', name: 'X', image: ['https://example.org/a.jpg'] })).toEqual(['JSON-LD Product: missing manufacturer or brand']);
    expect(problems({ '@type': 'Product', name: 'X', brand: { '@type': 'Brand', name: 'B' } })).toEqual(['JSON-LD Product: missing image']);
    expect(problems({ '@type': 'Event', name: 'X', startDate: '2012-09-04' })).toEqual(['JSON-LD Event: missing location']);
    expect(problems({ '@type': 'Event', name: 'X', startDate: '4 September', location: 'Berlin' })).toEqual([
      'JSON-LD Event: startDate is not an ISO 8601 date: "4 September"',
    ]);
    expect(problems({ '@type': 'NewsArticle', headline: '' , datePublished: '2012-02-01' })).toEqual(['JSON-LD NewsArticle: missing headline']);
    expect(problems({ '@type': 'Project' })).toEqual(['JSON-LD Project: missing name']);
    expect(problems({ name: 'X' })).toEqual(['JSON-LD: no @type']);
    expect(problems({ '@type': 'Organization', name: 'X', url: '/en/' })).toEqual(['JSON-LD Organization: url is not an absolute URL: "/en/"']);
  });

  it('finds a broken breadcrumb list', () => {
    const problems = checkBlock(
      JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'BreadcrumbList',
        itemListElement: [
          { '@type': 'ListItem', position: 1, name: 'Home' },
          { '@type': 'ListItem', position: 3, item: 'https://example.org/en/news/' },
        ],
      }),
    );
    expect(problems).toEqual([
      'JSON-LD BreadcrumbList: item 1 has no item (URL)',
      'JSON-LD BreadcrumbList: item 2 has position 3, expected 2',
      'JSON-LD BreadcrumbList: item 2 has no name',
    ]);
    expect(checkBlock(JSON.stringify({ '@context': 'https://schema.org', '@type': 'BreadcrumbList', itemListElement: [] }))).toEqual([
      'JSON-LD BreadcrumbList: missing itemListElement',
    ]);
  });

  it('checks nested typed objects, @graph and the context', () => {
    expect(checkBlock(JSON.stringify({ '@context': 'https://schema.org', '@type': 'Product', name: 'X', image: 'https://example.org/a.jpg', manufacturer: { '@type': 'Organization', url: 'https://example.org/m/' } }))).toEqual([
      'JSON-LD Product.manufacturer Organization: missing name',
    ]);
    expect(checkBlock(JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'Project', name: 'P' }, { '@type': 'Project' }] }))).toEqual([
      'JSON-LD[1] Project: missing name',
    ]);
    expect(checkBlock(JSON.stringify({ '@context': 'https://example.org', '@type': 'Project', name: 'P' }))).toEqual([
      'JSON-LD: @context is not https://schema.org ("https://example.org")',
    ]);
  });

  it('names the block when a page has several', () => {
    const failures = checkJsonLd([withLd(good[0], { '@context': 'https://schema.org', '@type': 'Project' })]);
    expect(failures).toEqual([{ page: '/en/x/', reason: 'JSON-LD block 2 Project: missing name' }]);
  });
});
