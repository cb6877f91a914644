/**
 * The buyer's journey in a real browser: the product page's "Request a
 * quote" e-mail in every locale at phone and desktop sizes, the gallery
 * without JavaScript, the maker's contact card (vCard), the shortlist, and
 * the printed catalogue's QR codes read back from the PDF Chromium prints.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSite } from '../helpers/browser.ts';
import { tempDir } from '../helpers/build.ts';
import { translator } from '../../packages/klaster/src/lib/i18n.ts';
import type { Locale } from '../../packages/klaster/src/lib/locales.ts';

const dist = inject('demoDist');
const site = useBrowserSite(dist);
const LOCALES = ['en', 'bg', 'sr', 'sr-latn', 'ro', 'es', 'fr'] as const;
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
// A product with an article number, a minimum order and several images; its maker has a phone.
const PRODUCT = 'merino-crew-sweater';

/** The subject and body of a mailto: address, decoded as RFC 6068 encodes them. */
function readMailto(href: string) {
  const url = /^mailto:([^?]*)\?(.*)$/.exec(href);
  if (!url) throw new Error(`not a mailto: address with headers: ${href}`);
  const fields = Object.fromEntries(url[2]!.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]));
  return { to: decodeURIComponent(url[1]!), subject: fields.subject ?? '', body: fields.body ?? '', raw: href };
}

/** The properties of a vCard (RFC 2426 / 6350): lines unfolded, name to values, values unescaped. */
function parseVcard(text: string): Map<string, string[]> {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  expect(lines[0]).toBe('BEGIN:VCARD');
  expect(lines.at(-1)).toBe('END:VCARD');
  const out = new Map<string, string[]>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    expect(colon).toBeGreaterThan(0);
    const name = line.slice(0, colon).split(';')[0]!.toUpperCase();
    const value = line
      .slice(colon + 1)
      .replace(/\\([\\;,])/g, '$1')
      .replace(/\\n/gi, '\n');
    out.set(name, [...(out.get(name) ?? []), value]);
  }
  return out;
}

describe('the product page', () => {
  for (const viewport of VIEWPORTS) {
    it(`opens a quote request in the page's language, name and contact before the gallery (${viewport.width}x${viewport.height})`, async () => {
      const page = await site.browser.newPage({ viewport });
      for (const locale of LOCALES) {
        await page.goto(`${site.server.url}${locale}/products/${PRODUCT}/`);
        const t = translator(locale as Locale);
        const name = (await page.locator('h1').textContent())!.trim();
        const sku = (await page
          .locator('.key-facts dt', { hasText: t('product.sku') })
          .locator('xpath=following-sibling::dd[1]')
          .textContent())!.trim();
        expect(sku).toMatch(/\S/);
        const action = page.locator('a[data-enquiry]');
        const href = (await action.getAttribute('href'))!;
        expect(href).not.toMatch(/[\s\n]/);
        expect(href).toContain('%0D%0A');
        const mail = readMailto(href);
        expect(mail.to).toMatch(/^[^@\s]+@[^@\s]+$/);
        expect(mail.subject).toBe(t('buyer.mailSubjectSku', { product: name, sku }));
        expect(mail.body).toContain(t('buyer.mailIntro', { site: t('site.name') }));
        expect(mail.body).toContain(t('buyer.mailProduct', { product: name }));
        expect(mail.body).toContain(t('buyer.mailSku', { sku }));
        expect(mail.body).toMatch(
          new RegExp(
            t('buyer.mailMoq', { moq: 'X' })
              .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
              .replace('X', '\\S.*'),
          ),
        );
        expect(mail.body.split('\r\n').length).toBeGreaterThan(5);
        // The phone beside it.
        expect(await page.locator('.enquiry a[href^="tel:+"]').count()).toBe(1);
        // The name and the contact action come first, in the first screen; the gallery after them in reading order.
        const [h1, act, gallery] = await Promise.all([page.locator('h1').boundingBox(), action.boundingBox(), page.locator('[data-gallery]').boundingBox()]);
        expect(h1!.y + h1!.height).toBeLessThanOrEqual(viewport.height);
        expect(act!.y + act!.height).toBeLessThanOrEqual(viewport.height);
        const order = await page.evaluate(() => {
          const a = document.querySelector('a[data-enquiry]')!;
          const g = document.querySelector('[data-gallery]')!;
          return Boolean(a.compareDocumentPosition(g) & Node.DOCUMENT_POSITION_FOLLOWING);
        });
        expect(order).toBe(true);
        if (viewport.width < 600) expect(gallery!.y).toBeGreaterThan(act!.y);
        // No sideways scrolling.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      }
      await page.close();
    });
  }

  it('shows the image of a thumbnail without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}en/products/${PRODUCT}/`);
    const thumbs = page.locator('[data-gallery] .thumbs a');
    expect(await thumbs.count()).toBeGreaterThan(1);
    const strip = (await page.locator('[data-gallery] .slides').boundingBox())!;
    const second = page.locator('#image-2');
    expect(Math.abs((await second.boundingBox())!.x - strip.x)).toBeGreaterThan(strip.width / 2); // out of view at first
    await thumbs.nth(1).click();
    await expect.poll(async () => Math.abs((await second.boundingBox())!.x - strip.x), { timeout: 5000 }).toBeLessThan(2);
    // No shortlist button without JavaScript.
    expect(await page.locator('[data-shortlist-toggle]').isVisible()).toBe(false);
    await context.close();
  });

  it('keeps a shortlist and writes one enquiry per maker', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}fr/products/${PRODUCT}/`);
    await page.locator('[data-shortlist-toggle]').click();
    await expect.poll(() => page.locator('[data-shortlist-toggle]').getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    await page.goto(`${site.server.url}fr/shortlist/`);
    const send = page.locator('[data-shortlist-groups] a.action');
    await expect.poll(() => send.count(), { timeout: 10_000 }).toBe(1);
    const mail = readMailto((await send.getAttribute('href'))!);
    const t = translator('fr');
    expect(mail.subject).toBe(t('buyer.mailSubjectList', { site: t('site.name') }));
    expect(mail.body).toContain((await page.locator('[data-shortlist-groups] li a').textContent())!.trim());
    expect(await page.locator('[data-shortlist-nojs]').isVisible()).toBe(false);
    await page.close();
  });

  it('puts a shortlist button on every product card of the catalogue where JavaScript runs, and none without it', async () => {
    const t = translator('bg');
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const still = await context.newPage();
    await still.goto(`${site.server.url}bg/catalogue/`);
    const cards = still.locator('#listing-cards > li');
    expect(await cards.count()).toBeGreaterThan(1);
    expect(await still.getByRole('button', { name: t('buyer.add') }).count(), 'no shortlist button without JavaScript').toBe(0);
    await context.close();

    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.server.url}bg/catalogue/`);
    const first = page.locator('#listing-cards > li').first();
    const name = (await first.locator('.card-title a').textContent())!.trim();
    // One button a card, named after its product.
    const button = first.getByRole('button', { name: `${t('buyer.add')}: ${name}`, exact: true });
    await expect.poll(() => button.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('#listing-cards > li').count()).toBe(await page.locator('#listing-cards > li [data-shortlist-toggle]:visible').count());
    await button.click();
    await expect.poll(() => first.locator('[data-shortlist-toggle]').getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
    expect(await first.locator('[data-shortlist-toggle]').textContent()).toBe(t('buyer.remove'));
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('klaster-shortlist') ?? '[]') as { name: string; url: string; maker: string }[]);
    expect(kept.map((i) => i.name)).toEqual([name]);
    expect(kept[0]!.maker).toBeTruthy();
    expect(new URL(kept[0]!.url).pathname).toBe(new URL((await first.locator('.card-title a').getAttribute('href'))!, site.server.url).pathname);
    // The cards the filter puts in place (from the card chunks) have theirs too.
    await page.locator('details.filter-panel > summary').click();
    await page.locator('details.filter-panel fieldset input[type=checkbox]').first().check();
    await expect.poll(() => page.locator('#listing-status').textContent(), { timeout: 10_000 }).not.toBe('');
    const shown = page.locator('#listing-cards > li');
    await expect
      .poll(
        async () => (await shown.count()) > 0 && (await shown.count()) === (await page.locator('#listing-cards > li [data-shortlist-toggle]:visible').count()),
        { timeout: 10_000 },
      )
      .toBe(true);
    // The shortlist page lists the product.
    await page.goto(`${site.server.url}bg/shortlist/`);
    await expect.poll(() => page.locator('[data-shortlist-groups] li a').first().textContent(), { timeout: 10_000 }).toBe(name);
    await page.close();
  });
});

describe("the maker's contact card", () => {
  it("is a vCard with the member's name, e-mail and phone, linked from its page and its products", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}bg/products/${PRODUCT}/`);
    const fromProduct = await page.locator('.enquiry a[href$=".vcf"]').getAttribute('href');
    await page.goto(`${site.server.url}bg/members/rila-knit/`);
    const fromMember = await page.locator('a[href$=".vcf"]').getAttribute('href');
    expect(fromProduct).toBe(fromMember);
    const name = (await page.locator('h1').textContent())!.trim();
    const email = (await page.locator('dd a[href^="mailto:"]').textContent())!.trim();
    const phone = (await page.locator('dd a[href^="tel:"]').textContent())!.trim();
    const response = await page.request.get(new URL(fromMember!, site.server.url).href);
    expect(response.ok()).toBe(true);
    const card = parseVcard(await response.text());
    expect(card.get('FN')).toEqual([name]);
    expect(card.get('EMAIL')).toEqual([email]);
    expect(card.get('TEL')).toEqual([phone]);
    expect(card.get('VERSION')).toEqual(['3.0']);
    await page.close();
  });
});

/** A PGM (P5) file as RGBA pixels for jsQR. */
function readPgm(file: string) {
  const data = readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 50).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const gray = data.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = gray[i]!;
    rgba[i * 4 + 3] = 255;
  }
  return { width, height, rgba };
}

/**
 * Every QR code on a page image. jsQR reads one code per image and gives up
 * on a whole page when a photograph looks like a finder pattern, so the page
 * is read in overlapping tiles (a third of its width, a quarter of its
 * height, half a tile apart: a code smaller than half a tile is whole in one).
 */
function allCodes(image: ReturnType<typeof readPgm>): Set<string> {
  const found = new Set<string>();
  const [tw, th] = [Math.ceil(image.width / 3), Math.ceil(image.height / 4)];
  for (let y0 = 0; y0 < image.height; y0 += Math.floor(th / 2)) {
    for (let x0 = 0; x0 < image.width; x0 += Math.floor(tw / 2)) {
      const [w, h] = [Math.min(tw, image.width - x0), Math.min(th, image.height - y0)];
      const tile = new Uint8ClampedArray(w * h * 4);
      for (let y = 0; y < h; y++) tile.set(image.rgba.subarray(((y0 + y) * image.width + x0) * 4, ((y0 + y) * image.width + x0 + w) * 4), y * w * 4);
      const code = jsQR(tile, w, h, { inversionAttempts: 'dontInvert' });
      if (code?.data) found.add(code.data);
    }
  }
  return found;
}

/** The built file of a site address, or undefined. */
function builtFile(url: URL): string | undefined {
  const file = join(dist, decodeURIComponent(url.pathname), url.pathname.endsWith('/') ? 'index.html' : '');
  return existsSync(file) ? file : undefined;
}

describe('the printed catalogue', () => {
  it('of every demo cluster, small or empty, has no near-empty page: at most one page per two products, with the covers', async () => {
    const page = await site.browser.newPage();
    const dir = tempDir('buyer-pdfs');
    const clusters = readdirSync(join(dist, 'en/clusters')).filter((id) => existsSync(join(dist, 'en/clusters', id, 'catalogue/index.html')));
    expect(clusters.length).toBeGreaterThan(3);
    for (const id of clusters) {
      await page.goto(`${site.server.url}en/clusters/${id}/catalogue/`, { waitUntil: 'load' });
      const products = await page.locator('article.product').count();
      writeFileSync(join(dir, `${id}.pdf`), await page.pdf({ format: 'A4', printBackground: true }));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, `${id}.pdf`)], { encoding: 'utf8' }))![1]);
      expect(pages, `${id}: ${products} products`).toBeLessThanOrEqual(Math.ceil(products / 2) + 2);
    }
    await page.close();
  });

  it(
    'has a QR code per product leading to its page, contents and at most one page per two products',
    async () => {
      const page = await site.browser.newPage();
      await page.goto(`${site.server.url}en/clusters/inter-moda/catalogue/`, { waitUntil: 'load' });
      const products = await page.locator('article.product').count();
      expect(products).toBeGreaterThan(3);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const dir = tempDir('buyer-pdf');
      writeFileSync(join(dir, 'catalogue.pdf'), pdf);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'catalogue.pdf')], { encoding: 'utf8' }))![1]);
      expect(pages).toBeLessThanOrEqual(Math.ceil(products / 2) + 2);
      // The contents' page numbers are the printed ones.
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'catalogue.pdf'), '-'], { encoding: 'utf8' }).split('\f');
      const contents = await page
        .locator('.toc-product')
        .evaluateAll((lis) =>
          lis.map((li) => ({ name: li.querySelector('span')!.textContent!, page: Number(/\d+/.exec(li.querySelector('.toc-page')!.textContent!)![0]) })),
        );
      for (const entry of contents) expect(text[entry.page - 1]!.replace(/\s+/g, ' ')).toContain(entry.name.replace(/\s+/g, ' '));
      // The QR codes, read back from the printed pages.
      execFileSync('pdftoppm', ['-r', '150', '-gray', join(dir, 'catalogue.pdf'), join(dir, 'page')]);
      const codes = readdirSync(dir)
        .filter((f) => f.endsWith('.pgm'))
        .sort()
        .flatMap((f) => [...allCodes(readPgm(join(dir, f)))]);
      expect(codes.length).toBe(products);
      let viaGtin = 0;
      for (const code of codes) {
        let url = new URL(code);
        expect(url.origin).toBe(new URL((await page.locator('link[rel=canonical]').getAttribute('href'))!).origin);
        let file = builtFile(url);
        expect(file, code).toBeDefined();
        if (/\/01\/\d{8,14}\/$/.test(url.pathname)) {
          viaGtin++;
          const html = readFileSync(file!, 'utf8');
          expect(html).toMatch(/<meta name="robots" content="noindex"/);
          url = new URL(/http-equiv="refresh" content="0; url=([^"]+)"/.exec(html)![1]!, url);
          file = builtFile(url);
          expect(file, url.href).toBeDefined();
        }
        expect(url.pathname).toMatch(/^\/en\/products\/[a-z0-9-]+\/$/);
      }
      expect(viaGtin).toBeGreaterThan(0);
      await page.close();
    },
    5 * 60_000,
  ); // rasterising and reading a dozen A4 pages takes a minute on a busy two-core machine
});
