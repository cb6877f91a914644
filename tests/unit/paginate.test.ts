import { describe, expect, it } from 'vitest';
import { pagerItems, type PagerItem } from '../../packages/klaster/src/lib/paginate.ts';

/** A pager written as text: numbers, with … for a gap. */
const text = (items: PagerItem[]) => items.map((i) => ('gap' in i ? '…' : String(i.page))).join(' ');

describe('pagerItems', () => {
  it('shows every page of a short list', () => {
    expect(text(pagerItems(1, 1))).toBe('1');
    expect(text(pagerItems(3, 7))).toBe('1 2 3 4 5 6 7');
  });
  it('shows the first, the last and the pages near the current one, with gaps between', () => {
    expect(text(pagerItems(8, 417))).toBe('1 … 6 7 8 9 10 … 417');
    expect(text(pagerItems(1, 417))).toBe('1 2 3 … 417');
    expect(text(pagerItems(417, 417))).toBe('1 … 415 416 417');
  });
  it('shows a single left-out page instead of a gap standing for it', () => {
    expect(text(pagerItems(5, 20))).toBe('1 2 3 4 5 6 7 … 20');
    expect(text(pagerItems(4, 20))).toBe('1 2 3 4 5 6 … 20');
    expect(text(pagerItems(16, 20))).toBe('1 … 14 15 16 17 18 19 20');
  });
  it('stays the same size however long the list grows', () => {
    for (const count of [100, 1_000, 100_000]) expect(pagerItems(Math.floor(count / 2), count).length).toBe(9);
  });
});
