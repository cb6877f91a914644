/** Which pages the browser gates visit: one of every template in every locale. */
import { describe, expect, it } from 'vitest';
import { templateOf, templatePages } from '../quality/helpers/browser-gates.ts';
import { writeSite } from '../quality/helpers/site.ts';

const locales = ['en', 'bg'];

describe('templates of site paths', () => {
  it('replace locale, ids, facet values and page numbers', () => {
    expect(templateOf('/', locales)).toBe('/');
    expect(templateOf('/404.html', locales)).toBe('/404.html');
    expect(templateOf('/bg/', locales)).toBe('/:locale/');
    expect(templateOf('/bg/products/x/', locales)).toBe('/:locale/products/:id/');
    expect(templateOf('/en/clusters/', locales)).toBe('/:locale/clusters/');
    expect(templateOf('/en/clusters/x/catalogue/', locales)).toBe('/:locale/clusters/:id/catalogue/');
    expect(templateOf('/en/projects/x/partners/', locales)).toBe('/:locale/projects/:id/partners/');
    expect(templateOf('/en/catalogue/page/3/', locales)).toBe('/:locale/catalogue/');
    expect(templateOf('/en/newsletter/2012-01/email.html', locales)).toBe('/:locale/newsletter/:id/email.html');
    expect(templateOf('/en/catalogue/category/knitwear/', locales)).toBe('/:locale/catalogue/:facet/:value/');
    expect(templateOf('/en/members/sector/fashion/', locales)).toBe('/:locale/members/:facet/:value/');
    expect(templateOf('/en/members/x/', locales)).toBe('/:locale/members/:id/');
    expect(templateOf('/en/catalogue/category/knitwear/page/2/', locales)).toBe('/:locale/catalogue/:facet/:value/');
  });

  it('pick the largest page of each template in each locale, first pages of lists first', () => {
    const dist = writeSite({
      'index.html': 'x',
      'en/products/a/index.html': 'small',
      'en/products/b/index.html': 'the largest one',
      'bg/products/a/index.html': 'x',
      'en/catalogue/page/2/index.html': 'a catalogue page two, longer',
      'en/catalogue/index.html': 'catalogue',
    });
    expect(templatePages(dist, locales)).toEqual([
      { path: '/', locale: '', template: '/' },
      { path: '/en/catalogue/', locale: 'en', template: '/:locale/catalogue/' },
      { path: '/bg/products/a/', locale: 'bg', template: '/:locale/products/:id/' },
      { path: '/en/products/b/', locale: 'en', template: '/:locale/products/:id/' },
    ]);
  });
});
