import { describe, expect, it } from 'vitest';
import { jsonSchema, toCsv } from '../../packages/klaster/src/lib/open-data.ts';
import { localeCodes } from '../../packages/klaster/src/lib/locales.ts';

describe('open data', () => {
  it('quotes CSV cells that need it (RFC 4180)', () => {
    const csv = toCsv([
      { id: 'a', sku: 'x,y', note: 'say "hi"', translations: { en: { name: 'Line\nbreak', summary: 's', url: 'u' } } },
    ]);
    const [header, row] = csv.split('\r\n');
    expect(header.startsWith('id,sku,note,name_en,summary_en,url_en,name_bg')).toBe(true);
    expect(row.startsWith('a,"x,y","say ""hi""","Line\nbreak",s,u,')).toBe(true);
    // One empty cell for each text column of the locales without a translation.
    expect(row.endsWith(','.repeat((localeCodes.length - 1) * 3))).toBe(true);
  });
  it('has a JSON Schema per collection, from the content schemas', () => {
    const schema = jsonSchema('products') as { properties: Record<string, { enum?: string[] }>; required: string[] };
    expect(schema.properties.category.enum).toContain('knitwear');
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'maker', 'category', 'countryOfOrigin']));
    expect(schema.properties.translations).toBeDefined();
  });
});
