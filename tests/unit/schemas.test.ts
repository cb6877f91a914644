import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { factsSchemas } from '../../packages/klaster/src/lib/content/schemas.ts';
import { compositionSchema } from '../../packages/klaster/src/lib/product-attributes.ts';
import { altMap, gtinCheckDigitValid, isoDate, localDateTime } from '../../packages/klaster/src/lib/content/fields.ts';
import { referencePaths } from '../../packages/klaster/src/lib/content/check.ts';

const facts = factsSchemas(() => z.string());
const composition = compositionSchema('fibre');

describe('fibre composition', () => {
  it('accepts percentages that add up to 100', () => {
    expect(composition.safeParse([{ fibre: 'cotton', percent: 95 }, { fibre: 'elastane', percent: 5 }]).success).toBe(true);
    expect(composition.safeParse([{ fibre: 'wool', percent: 100 }]).success).toBe(true);
    expect(composition.safeParse([{ fibre: 'wool', percent: 33.3 }, { fibre: 'silk', percent: 33.3 }, { fibre: 'linen', percent: 33.4 }]).success).toBe(true);
  });
  it('refuses a total other than 100 and says what it is', () => {
    const r = composition.safeParse([{ fibre: 'cotton', percent: 95 }, { fibre: 'elastane', percent: 4 }]);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toContain('add up to 99');
  });
  it('refuses 100% of one fibre next to another, and a fibre listed twice', () => {
    expect(composition.safeParse([{ fibre: 'cotton', percent: 100 }, { fibre: 'elastane', percent: 0 }]).success).toBe(false);
    const twice = composition.safeParse([{ fibre: 'cotton', percent: 50 }, { fibre: 'cotton', percent: 50 }]);
    expect(twice.error!.issues[0].message).toContain('listed twice');
  });
  it('refuses unknown fibres', () => {
    expect(composition.safeParse([{ fibre: 'unobtainium', percent: 100 }]).success).toBe(false);
  });
});

describe('GTIN', () => {
  it('checks the check digit', () => {
    expect(gtinCheckDigitValid('3800123456787')).toBe(true);
    expect(gtinCheckDigitValid('3800123456782')).toBe(false);
    expect(gtinCheckDigitValid('96385074')).toBe(true);
    expect(gtinCheckDigitValid('12345')).toBe(false);
  });
});

describe('dates', () => {
  it('keeps dates as YYYY-MM-DD whether YAML gave a string or a Date', () => {
    expect(isoDate.parse('2012-01-27')).toBe('2012-01-27');
    expect(isoDate.parse(new Date(Date.UTC(2012, 0, 27)))).toBe('2012-01-27');
  });
  it('refuses impossible dates', () => {
    expect(isoDate.safeParse('2013-02-30').success).toBe(false);
    expect(isoDate.safeParse('27.01.2012').success).toBe(false);
  });
  it('accepts local date-times for events', () => {
    expect(localDateTime.parse('2012-09-04T09:30')).toBe('2012-09-04T09:30');
    expect(localDateTime.safeParse('2012-09-04T25:30').success).toBe(false);
  });
});

describe('projects', () => {
  const base = {
    acronym: 'X', programme: 'p', start: '2020-01-01', end: '2021-01-01',
    partners: [{ organisation: 'a', role: 'lead' }],
  };
  it('need exactly one lead partner', () => {
    expect(facts.projects.safeParse(base).success).toBe(true);
    expect(facts.projects.safeParse({ ...base, partners: [{ organisation: 'a', role: 'partner' }] }).success).toBe(false);
    expect(facts.projects.safeParse({ ...base, partners: [{ organisation: 'a', role: 'lead' }, { cluster: 'b', role: 'lead' }] }).success).toBe(false);
  });
  it('name exactly one of organisation or cluster per partner', () => {
    expect(facts.projects.safeParse({ ...base, partners: [{ organisation: 'a', cluster: 'b', role: 'lead' }] }).success).toBe(false);
  });
  it('end on or after their start', () => {
    expect(facts.projects.safeParse({ ...base, end: '2019-01-01' }).success).toBe(false);
  });
});

describe('references', () => {
  it('are found by walking the schemas, nested ones included', () => {
    const paths = referencePaths(facts.projects).map((r) => `${r.path.join('.')}→${r.to}`);
    expect(paths).toEqual(
      expect.arrayContaining(['programme→programmes', 'partners.*.organisation→organisations', 'partners.*.cluster→clusters', 'clusters.*→clusters']),
    );
    expect(referencePaths(facts.products).map((r) => r.path.join('.'))).toEqual(['maker']);
  });
});

describe('image descriptions', () => {
  it('are read from a map by file name, or from the list of { image, alt } items the editor writes', () => {
    expect(altMap.parse({ 'front.jpg': 'Grey sweater' })).toEqual({ 'front.jpg': 'Grey sweater' });
    expect(altMap.parse([{ image: 'front.jpg', alt: 'Grey sweater' }, { image: 'back.jpg', alt: 'Its back' }])).toEqual({
      'front.jpg': 'Grey sweater',
      'back.jpg': 'Its back',
    });
    // An empty description is refused under its file name, as in a map.
    const empty = altMap.safeParse([{ image: 'front.jpg', alt: ' ' }]);
    expect(empty.success).toBe(false);
    expect(empty.error!.issues[0]).toMatchObject({ path: ['front.jpg'], message: 'must not be empty' });
    expect(altMap.safeParse(['Grey sweater']).success).toBe(false);
  });
});
