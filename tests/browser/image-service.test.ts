/**
 * The image-service mode with a real image server: ipx (npm `ipx`, with
 * sharp) on a loopback port serves the built site's originals, the fixture
 * site is built with `images: { service: ipx, url: <that server> }`, and
 * Chromium loads a product page (its gallery), the catalogue (a list of
 * cards) and the home page from a static server of the built site, under the
 * site's own Content-Security-Policy. Every image the pages show comes from
 * the image server, answered 200 with an image of the format asked for and
 * as wide as the srcset width the browser chose; the site holds no made
 * image, only each original once; the build summary says it made none.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createIPX, createIPXNodeServer, ipxFSStorage } from 'ipx';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve } from '../helpers/browser.ts';
import { FIXTURE_SITE, klasterCommand, ROOT } from '../helpers/build.ts';

/** Originals beside the fixture's front.png: a name with a space and one in Cyrillic, wider than the plan's widest file. */
const ORIGINALS = [
  { name: 'side view.jpg', width: 2000, height: 1500, alt: 'The sweater from the side' },
  { name: 'деталь-2.jpg', width: 1700, height: 2200, alt: 'A detail of the knit' },
];

let work: string;
let dist: string;
let buildOutput = '';
let browser: Browser;
let ipxServer: Server;
let ipxOrigin: string;
let site: Awaited<ReturnType<typeof serve>>;

/** A checkout of the fixture site with the valid content and the originals above, in the image-service mode. */
async function checkout(dir: string, serverUrl: string) {
  for (const name of ['astro.config.mjs', 'package.json', 'site.yaml', 'src']) cpSync(join(FIXTURE_SITE, name), join(dir, name), { recursive: true });
  cpSync(join(ROOT, 'tests', 'fixtures', 'valid'), join(dir, 'content'), { recursive: true });
  const product = join(dir, 'content', 'products', 'demo-sweater');
  for (const [i, o] of ORIGINALS.entries()) {
    // Soft texture, so that each width is a real resize (raw noise would make the server's AVIF encoder crawl).
    const noise = await sharp({
      create: { width: o.width, height: o.height, channels: 3, background: i ? '#3a6' : '#a33', noise: { type: 'gaussian', mean: 128, sigma: 30 } },
    })
      .blur(4)
      .jpeg({ quality: 80 })
      .toBuffer();
    writeFileSync(join(product, o.name), noise);
  }
  const facts = join(product, 'index.yaml');
  writeFileSync(
    facts,
    readFileSync(facts, 'utf8').replace('images: [front.png]', `images: [front.png, ${ORIGINALS.map((o) => JSON.stringify(o.name)).join(', ')}]`),
  );
  const text = join(product, 'index.en.md');
  writeFileSync(
    text,
    readFileSync(text, 'utf8').replace(/^(imageAlt:\n(?: {2}.*\n)*)/m, (block) => block + ORIGINALS.map((o) => `  ${o.name}: ${o.alt}\n`).join('')),
  );
  writeFileSync(join(dir, 'site.yaml'), `${readFileSync(join(dir, 'site.yaml'), 'utf8')}\nimages:\n  service: ipx\n  url: ${serverUrl}\n`);
}

/** The site's Content-Security-Policy, from the _headers file the build wrote. */
const csp = () => /Content-Security-Policy: (.*)/.exec(readFileSync(join(dist, '_headers'), 'utf8'))![1]!;

beforeAll(async () => {
  // Inside the repository (a folder git ignores), where the checkout finds the installed packages.
  mkdirSync(join(ROOT, '.klaster'), { recursive: true });
  work = mkdtempSync(join(ROOT, '.klaster', 'image-service-'));
  dist = join(work, 'dist');
  // The image server first: the site is built with its address. It reads the originals from the built site.
  const ipx = createIPX({ storage: ipxFSStorage({ dir: dist }) });
  ipxServer = createServer(createIPXNodeServer(ipx));
  await new Promise<void>((done) => ipxServer.listen(0, '127.0.0.1', done));
  const address = ipxServer.address();
  ipxOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const siteDir = join(work, 'site');
  mkdirSync(siteDir);
  await checkout(siteDir, ipxOrigin);
  const run = klasterCommand(
    'build',
    { KLASTER_DIST: dist, KLASTER_BUILD_DATE: '2026-11-21', KLASTER_CACHE_DIR: join(work, 'cache'), NO_COLOR: '1' },
    [],
    siteDir,
  );
  buildOutput = run.output;
  expect(run.status, run.output.slice(-4000)).toBe(0);
  browser = await launch();
  site = await serve(dist, '/', { 'Content-Security-Policy': csp() });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await new Promise<void>((done) => {
    if (!ipxServer) return done();
    ipxServer.close(() => done());
    ipxServer.closeAllConnections();
  });
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Shown {
  alt: string | null;
  currentSrc: string;
  naturalWidth: number;
  width: number;
  height: number;
  inPicture: boolean;
}

/**
 * Loads a page with every lazy image asked for at once, and returns what
 * each <img> shows, with every image response and failed request seen.
 */
async function load(
  path: string,
): Promise<{ shown: Shown[]; responses: { url: string; status: number; type: string }[]; failed: string[]; refused: string[] }> {
  const page: Page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const responses: { url: string; status: number; type: string }[] = [];
  const failed: string[] = [];
  const refused: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'image') responses.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '' });
  });
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  try {
    await page.goto(site.url + path.replace(/^\//, ''), { waitUntil: 'load' });
    // The gallery's later slides and the cards below the fold load lazily: ask for all of them now.
    await page.evaluate(() => document.querySelectorAll('img[loading="lazy"]').forEach((img) => ((img as HTMLImageElement).loading = 'eager')));
    // (Not waitForFunction: its polling is script the site's Content-Security-Policy refuses.)
    await page.evaluate(() =>
      Promise.all(
        [...document.images].map((img) =>
          img.complete
            ? undefined
            : new Promise((done) => (img.addEventListener('load', done, { once: true }), img.addEventListener('error', done, { once: true }))),
        ),
      ),
    );
    await page.waitForLoadState('networkidle');
    // The file's own width: naturalWidth of a srcset image is scaled by its descriptor, so the chosen file is decoded on its own.
    const shown = await page.evaluate(() =>
      Promise.all(
        [...document.images].map(async (img) => {
          const file = new Image();
          file.src = img.currentSrc;
          await file.decode().catch(() => undefined);
          return {
            alt: img.getAttribute('alt'),
            currentSrc: img.currentSrc,
            naturalWidth: file.naturalWidth,
            width: Number(img.getAttribute('width')),
            height: Number(img.getAttribute('height')),
            inPicture: img.parentElement?.tagName === 'PICTURE',
          };
        }),
      ),
    );
    return { shown, responses, failed, refused };
  } finally {
    await page.close();
  }
}

/** The width an image server address asks for (ipx: `w_960&f_avif`). */
const askedWidth = (url: string) => Number(/\/w_(\d+)&f_\w+\//.exec(url)?.[1]);
const askedFormat = (url: string) => /&f_(\w+)\//.exec(url)?.[1];

describe('the image-service mode (ipx) in a browser', () => {
  for (const [what, path, least] of [
    ['a product page with its gallery', '/en/products/demo-sweater/', 3],
    ['the catalogue, a list of cards', '/en/catalogue/', 1],
    ['the home page', '/en/', 0],
  ] as const) {
    it(`${what}: every picture from the image server, each answered and as wide as the srcset width chosen`, async () => {
      const { shown, responses, failed, refused } = await load(path);
      expect(failed, path).toEqual([]);
      expect(refused, path).toEqual([]);
      const pictures = shown.filter((s) => s.inPicture);
      expect(pictures.length, path).toBeGreaterThanOrEqual(least);
      for (const p of pictures) {
        expect(p.currentSrc.startsWith(`${ipxOrigin}/`), `${path}: ${p.currentSrc}`).toBe(true);
        // Decoded: the file is as wide as the srcset width the browser chose.
        expect(p.naturalWidth, p.currentSrc).toBe(askedWidth(p.currentSrc));
        // The box is reserved before the file arrives, and the picture has its text alternative (empty for a thumbnail in a labelled link).
        expect(p.width > 0 && p.height > 0, p.currentSrc).toBe(true);
        expect(p.alt, p.currentSrc).not.toBeNull();
      }
      // Every response for an image server address: 200, an image of the format asked for.
      const fromServer = responses.filter((r) => r.url.startsWith(`${ipxOrigin}/`));
      for (const p of pictures)
        expect(
          fromServer.map((r) => r.url),
          path,
        ).toContain(p.currentSrc);
      for (const r of fromServer) {
        expect(r.status, r.url).toBe(200);
        expect(r.type, r.url).toBe(`image/${askedFormat(r.url)}`);
      }
      // No made image comes from the site itself: whatever images it serves (a logo, the EU emblem) are not in _astro/.
      for (const r of responses.filter((r) => r.url.startsWith(site.url))) {
        expect(new URL(r.url).pathname.startsWith('/_astro/'), r.url).toBe(false);
      }
      // The image server makes each file on its first request (AVIF up to 1600 px wide), on a machine shared with other builds.
    }, 180_000);
  }

  it('the gallery offers every original at each width the plan gives it', async () => {
    const html = readFileSync(join(dist, 'en', 'products', 'demo-sweater', 'index.html'), 'utf8');
    const side = [...html.matchAll(/srcset="([^"]*side%20view[^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
    // The gallery's AVIF and WebP sources, each 480, 960 and 1600 px wide (the thumbnails after them take 480 px only).
    expect(side.slice(0, 2).map((s) => s.split(', ').map((c) => c.split(' ')[1]))).toEqual([
      ['480w', '960w', '1600w'],
      ['480w', '960w', '1600w'],
    ]);
    expect(side.slice(0, 2).map((s) => askedFormat(s))).toEqual(['avif', 'webp']);
    expect(html).toContain(`${ipxOrigin}/w_480&amp;f_avif/_astro/%D0%B4%D0%B5%D1%82%D0%B0%D0%BB%D1%8C-2.`);
    for (const o of ORIGINALS)
      expect(html).toMatch(
        new RegExp(
          `<img src="${ipxOrigin}/w_960&amp;f_webp/_astro/[^"]+" alt="${o.alt}" width="960" height="${Math.round((960 * o.height) / o.width)}" loading="lazy"`,
        ),
      );
  });

  it('the site holds each original once and no made image; the build says it made none', () => {
    const images = readdirSync(join(dist, '_astro')).filter((f) => /\.(avif|webp|jpe?g|png|gif|tiff?)$/i.test(f));
    expect(images.sort()).toEqual(
      ['front.png', ...ORIGINALS.map((o) => o.name)]
        .map((name) => images.find((f) => f.startsWith(name.replace(/\.\w+$/, '.')) && f.endsWith(name.slice(name.lastIndexOf('.')))) ?? `(missing ${name})`)
        .sort(),
    );
    for (const o of ORIGINALS) {
      const copy = images.find((f) => f.startsWith(o.name.replace(/\.\w+$/, '.')))!;
      expect(readFileSync(join(dist, '_astro', copy)).equals(readFileSync(join(work, 'site', 'content', 'products', 'demo-sweater', o.name))), copy).toBe(true);
    }
    expect(buildOutput).toContain('processed images: none (images.service: ipx; the image server makes them on request)');
    expect(csp()).toContain(`img-src 'self' data: ${ipxOrigin};`);
  });
});
