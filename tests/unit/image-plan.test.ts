import { describe, expect, it } from 'vitest';
import { FALLBACK_FORMAT, FALLBACK_WIDTH, IMAGE_FORMATS, IMAGE_WIDTHS, imagePlan } from '../../packages/klaster/src/lib/image-plan.ts';

describe('imagePlan', () => {
  it('offers every shared width a large source can fill, and one fallback among the WebP files', () => {
    const plan = imagePlan(2000, 1500);
    expect(plan.widths).toEqual([...IMAGE_WIDTHS]);
    expect(plan.fallbackWidth).toBe(FALLBACK_WIDTH);
    expect(plan.fallbackHeight).toBe(720);
    // The <img> shows a file the WebP <source> lists: no transform of its own.
    expect(IMAGE_FORMATS).toContain(FALLBACK_FORMAT);
    expect(IMAGE_WIDTHS).toContain(FALLBACK_WIDTH);
  });
  it('never upscales: widths above the source are dropped', () => {
    expect(imagePlan(1200, 1500).widths).toEqual([480, 960]);
    expect(imagePlan(700, 700).fallbackWidth).toBe(700);
  });
  it('offers a source narrower than every width at its own width', () => {
    expect(imagePlan(300, 200)).toEqual({ widths: [300], fallbackWidth: 300, fallbackHeight: 200 });
  });
  it('stops at the largest width a place can use, sharing the smaller files', () => {
    expect(imagePlan(1600, 2000, 960).widths).toEqual([480, 960]);
  });
  it('keeps the aspect ratio in the fallback box', () => {
    const plan = imagePlan(1600, 2000);
    expect(plan.fallbackHeight / plan.fallbackWidth).toBeCloseTo(2000 / 1600, 2);
  });
  it('refuses a source without a size', () => {
    expect(() => imagePlan(0, 100)).toThrow(/positive size/);
  });
});
