/** The links gate finds planted broken links, and passes a sound site. */
import { describe, expect, it } from 'vitest';
import { checkLinks, srcsetUrls } from '../gates/links.ts';
import { page, writeSite } from '../quality/helpers/site.ts';

const reasons = (failures: { page: string; reason: string }[]) => failures.map((f) => `${f.page} ${f.reason}`);

describe('srcset parsing', () => {
  it('reads every candidate, with and without descriptors', () => {
    expect(srcsetUrls('/a.webp 480w, /b.webp 960w')).toEqual(['/a.webp', '/b.webp']);
    expect(srcsetUrls('/a.png')).toEqual(['/a.png']);
    expect(srcsetUrls(' /a.png 1x,/b.png 2x ')).toEqual(['/a.png', '/b.png']);
    expect(srcsetUrls('/a,b.png 1x, /c.png 2x')).toEqual(['/a,b.png', '/c.png']);
    expect(srcsetUrls('/a.png,/b.png')).toEqual(['/a.png,/b.png']);
    expect(srcsetUrls('/a.png, /b.png')).toEqual(['/a.png', '/b.png']);
  });
});

describe('the links gate', () => {
  const sound = {
    'index.html': page({
      body: `<a href="#main">skip</a><main id="main"><a href="/en/">en</a> <a href="en/">relative</a> <a href="/en/#part">part</a>
        <a href="https://other.example/missing/">elsewhere</a> <a href="mailto:a@example.org">mail</a> <a href="tel:+359">tel</a>
        <img src="/img/a.png" srcset="/img/a.png 1x, /img/b.png 2x" alt="">
        <picture><source srcset="/img/a.png 480w, /img/b.png 960w" type="image/png"><img src="/img/a.png" alt=""></picture>
        <a href="/data/products.csv">csv</a> <a href="https://example.org/en/">own origin</a> <a href="#top">top</a></main>`,
    }),
    'en/index.html': page({ body: '<main><h2 id="part">Part</h2><a href="../">up</a> <a href="/">root</a></main>' }),
    'img/a.png': 'png',
    'img/b.png': 'png',
    'data/products.csv': 'a,b',
    'og.png': 'png',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  };

  it('passes a site whose links all resolve', () => {
    expect(checkLinks(writeSite(sound), { site: 'https://example.org' })).toEqual([]);
  });

  it('finds a missing page, image, srcset candidate, stylesheet and script', () => {
    const dist = writeSite({
      ...sound,
      'en/index.html': page({
        head: '<link rel="stylesheet" href="/_astro/gone.css"><script type="module" src="/gone.js"></script>',
        body: '<main id="part"><a href="/en/missing/">x</a><img src="/img/none.png" alt=""><img src="/img/a.png" srcset="/img/a.png 1x, /img/c.png 2x" alt=""></main>',
      }),
    });
    const found = reasons(checkLinks(dist));
    expect(found).toHaveLength(5);
    expect(found.join('\n')).toContain('/en/ <a href="/en/missing/">: no such file in the site (en/missing/index.html)');
    expect(found.join('\n')).toContain('/en/ <img src="/img/none.png">: no such file');
    expect(found.join('\n')).toContain('/en/ <img srcset="… /img/c.png …">: no such file');
    expect(found.join('\n')).toContain('/en/ <link href="/_astro/gone.css">');
    expect(found.join('\n')).toContain('/en/ <script src="/gone.js">');
  });

  it('finds a fragment with no element of that id, on the page or on another', () => {
    const dist = writeSite({
      ...sound,
      'en/index.html': page({ body: '<main><h2 id="other">Part</h2><a href="#nowhere">x</a></main>' }),
    });
    const found = reasons(checkLinks(dist));
    expect(found).toEqual([
      '/en/ <a href="#nowhere">: no element with id "nowhere" on this page',
      '/ <a href="/en/#part">: no element with id "part" on /en/',
    ]);
  });

  it('checks absolute links to the site\'s own origin, and the Open Graph image', () => {
    const dist = writeSite({
      ...sound,
      'en/index.html': page({ head: '<meta property="og:image" content="https://example.org/og-missing.png">', body: '<main id="part"><a href="https://example.org/fr/">fr</a></main>' }),
    });
    const found = reasons(checkLinks(dist, { site: 'https://example.org' }));
    expect(found.join('\n')).toContain('<a href="https://example.org/fr/">: no such file in the site (fr/index.html)');
    expect(found.join('\n')).toContain('<meta property="og:image" content="https://example.org/og-missing.png">: no such file');
    expect(found).toHaveLength(2);
  });

  it('honours a base path: links must stay inside it', () => {
    const dist = writeSite({
      'index.html': page({ icon: 'favicon.svg', body: '<main><a href="/sub/path/en/">in</a> <a href="/en/">out</a> <a href="en/">relative</a> <img src="/sub/path/a.png" alt=""></main>' }),
      'en/index.html': page({ icon: '../favicon.svg', body: '<main><a href="/sub/path/">up</a> <a href="/sub/path">up, no slash</a></main>' }),
      'a.png': 'png',
      'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    expect(reasons(checkLinks(dist, { base: '/sub/path/' }))).toEqual(['/ <a href="/en/">: /en/ is outside the base path /sub/path/']);
    // Served at the root, the same links miss.
    expect(checkLinks(dist).length).toBeGreaterThan(0);
  });
});
