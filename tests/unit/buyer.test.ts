/**
 * The buyer's pieces that are plain functions: mailto: addresses as RFC 6068
 * encodes them, the member's vCard (escaped, folded, the same bytes for the
 * same build date), and the printed catalogue's page numbers.
 */
import { describe, expect, it } from 'vitest';
import { mailBody, mailto, telHref } from '../../packages/klaster/src/lib/buyer/mailto.ts';
import { vcard } from '../../packages/klaster/src/lib/buyer/vcard.ts';
import { CONTENTS_LINES_PER_PAGE, layCatalogue, PRODUCTS_PER_PAGE } from '../../packages/klaster/src/lib/buyer/catalogue-pages.ts';

describe('mailto', () => {
  it('percent-encodes the subject and body as UTF-8, with CRLF line breaks', () => {
    const href = mailto('sales@maker.example.org', 'Запитване: Поло & риза (RK-1?)', mailBody(['Hello,', '', 'a+b=c; 100% #1']));
    expect(href).toBe(
      'mailto:sales@maker.example.org?subject=%D0%97%D0%B0%D0%BF%D0%B8%D1%82%D0%B2%D0%B0%D0%BD%D0%B5%3A%20%D0%9F%D0%BE%D0%BB%D0%BE%20%26%20%D1%80%D0%B8%D0%B7%D0%B0%20(RK-1%3F)&body=Hello%2C%0D%0A%0D%0Aa%2Bb%3Dc%3B%20100%25%20%231',
    );
    // LF alone becomes CRLF too; nothing is left unencoded that would end a header early.
    expect(mailto('a@b.org', 's', 'one\ntwo')).toContain('body=one%0D%0Atwo');
    const [, query] = href.split('?');
    expect(query!.split('&')).toHaveLength(2);
    expect(decodeURIComponent(query!.split('&')[0]!.slice('subject='.length))).toBe('Запитване: Поло & риза (RK-1?)');
  });

  it('writes tel: links with the digits and a leading plus only', () => {
    expect(telHref('+359 (78) 550-120')).toBe('tel:+35978550120');
  });
});

describe('the vCard', () => {
  const card = {
    name: 'Rila; Knit, Ltd \\ "Plet"',
    email: 'office@rila.example.org',
    phone: '+359 78 550 120',
    page: 'https://x.example/en/members/rila/',
    city: 'Kyustendil',
    country: 'Bulgaria',
    revision: '2026-11-21',
  };

  it('escapes its values and folds long lines with CRLF', () => {
    const text = vcard({ ...card, name: `${card.name} ${'дълго име '.repeat(8)}` });
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
    expect(text).toContain('FN:Rila\\; Knit\\, Ltd \\\\ "Plet"');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toContain('EMAIL;TYPE=INTERNET,WORK,PREF:office@rila.example.org');
    expect(text).toContain('TEL;TYPE=WORK,VOICE:+359 78 550 120');
    expect(text).toMatch(/\r\nN:;;;;\r\n/);
  });

  it('is the same bytes for the same build date', () => {
    expect(vcard(card)).toBe(vcard({ ...card }));
    expect(vcard(card)).toContain('REV:2026-11-21T00:00:00.000Z');
  });
});

describe('the printed catalogue', () => {
  it(`numbers ${PRODUCTS_PER_PAGE} products a page after the cover and the contents`, () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    const laid = layCatalogue(items, 6);
    expect(laid.pages.map((p) => p.length)).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 1]);
    expect(laid.firstPage).toBe(3);
    expect(laid.total).toBe(12);
    expect(laid.total).toBeLessThanOrEqual(Math.ceil(25 / 2) + 2);
    // A short one goes on the cover: no near-empty page in a small catalogue.
    for (const n of [0, 1, 2, 3, 5])
      expect(
        layCatalogue(
          Array.from({ length: n }, (_, i) => i),
          Math.min(n, 2),
        ).total,
        `${n} products`,
      ).toBeLessThanOrEqual(Math.ceil(n / 2) + 2);
    // A long contents takes more pages, and the products move on.
    expect(
      layCatalogue(
        Array.from({ length: 100 }, (_, i) => i),
        10,
      ).firstPage,
    ).toBe(2 + Math.ceil(110 / CONTENTS_LINES_PER_PAGE));
  });
});
