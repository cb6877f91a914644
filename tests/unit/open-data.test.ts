import { describe, expect, it } from 'vitest';
import { jsonSchema, toCsv } from '../../packages/klaster/src/lib/open-data.ts';
import { localeCodes } from '../../packages/klaster/src/lib/locales.ts';

describe('open data', () => {
  it('quotes CSV cells that need it (RFC 4180)', () => {
    const csv = toCsv([
      { id: 'a', sku: 'x,y', note: 'say "hi"', translations: { en: { name: 'Line\nbreak', summary: 's', url: 'u' } } },
    ]);
    const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header.startsWith('id,sku,note,name_en,summary_en,url_en,name_bg')).toBe(true);
    expect(row.startsWith('a,"x,y","say ""hi""","Line\nbreak",s,u,')).toBe(true);
    // One empty cell for each text column of the locales without a translation.
    expect(row.endsWith(','.repeat((localeCodes.length - 1) * 3))).toBe(true);
  });
  it('starts the CSV with a UTF-8 byte-order mark, so Excel reads Cyrillic as Cyrillic', () => {
    const csv = toCsv([{ id: 'a', translations: { bg: { name: 'Пуловер', summary: 'Вълна', url: 'u' } } }]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.indexOf('\uFEFF', 1)).toBe(-1);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.slice(1).startsWith('id,')).toBe(true);
  });
  it('has a JSON Schema per collection, from the content schemas', () => {
    const schema = jsonSchema('products') as { properties: Record<string, { enum?: string[] }>; required: string[] };
    expect(schema.properties.category.enum).toContain('knitwear');
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'maker', 'category', 'countryOfOrigin']));
    expect(schema.properties.translations).toBeDefined();
  });
});
