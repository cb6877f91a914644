import { describe, expect, it } from 'vitest';
import { monogram } from '../../packages/klaster/src/lib/monogram.ts';

describe('monogram', () => {
  it('takes the initials of the first two words of more than three letters', () => {
    expect(monogram('Foundation for the Development of Entrepreneurship')).toBe('FD');
    expect(monogram('Фондация за развитие на предприемачеството', 'bg')).toBe('ФР');
    expect(monogram('Fondacija za razvoj preduzetništva', 'sr-Latn')).toBe('FR');
  });
  it('keeps an acronym that opens the name', () => {
    expect(monogram('HITS Cluster')).toBe('HITS');
    expect(monogram('BFA')).toBe('BFA');
  });
  it('falls back to the first words when all are short, and gives nothing for no letters', () => {
    expect(monogram('Ко и до')).toBe('КИ');
    expect(monogram('„Интер Мода Трейдинг“ ООД', 'bg')).toBe('ИМ');
    expect(monogram(' – ')).toBe('');
  });
});
