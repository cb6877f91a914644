import { describe, expect, it } from 'vitest';
import { scaffold } from '../../packages/klaster/src/lib/content/scaffold.ts';
import { writtenLocales } from '../../packages/klaster/src/lib/locales.ts';

describe('npm run new', () => {
  it('offers keepAsWritten, commented out, only in the Serbian file it has an effect in', () => {
    const files = scaffold('products', 'jumko-sweater', 'sr');
    for (const locale of writtenLocales) {
      const text = files.get(`index.${locale}.md`)!;
      expect(text, locale).toMatch(/^#name:|^name:/m);
      if (locale === 'sr') expect(text).toMatch(/^#keepAsWritten: +# optional: .*\["Јумко", "ЏМ-200"\]/m);
      else expect(text, locale).not.toContain('keepAsWritten');
    }
  });
});
