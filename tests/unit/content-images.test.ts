import { describe, expect, it } from 'vitest';
import { hashedName, moduleCode } from '../../packages/klaster/src/astro-internals/content-images.ts';

/** Evaluates a module's code the way the bundler would include it. */
async function load(code: string) {
  return (await import(`data:text/javascript,${encodeURIComponent(code)}`)).default;
}

describe('content images outside the bundler', () => {
  it('names a copy after the file and a hash of its bytes', () => {
    const a = hashedName('front.jpg', new Uint8Array([1, 2, 3]));
    expect(a).toMatch(/^front\.[A-Za-z0-9_-]{8}\.jpg$/);
    expect(hashedName('front.jpg', new Uint8Array([1, 2, 3]))).toBe(a);
    expect(hashedName('front.jpg', new Uint8Array([1, 2, 4]))).not.toBe(a);
    expect(hashedName('side.view.png', new Uint8Array([1]))).toMatch(/^side\.view\.[A-Za-z0-9_-]{8}\.png$/);
  });

  it('exports the metadata and records the original as used when it is read', async () => {
    const fsPath = '/content/products/a "quoted" </script> name/front.jpg';
    const image = await load(moduleCode({ src: '/base/_astro/front.abcdefgh.jpg', width: 1600, height: 1200, format: 'jpg' }, fsPath));
    const referenced = new Set<string>();
    const recorded: string[] = [];
    const g = globalThis as { astroAsset?: unknown };
    const before = g.astroAsset;
    g.astroAsset = { referencedImages: referenced, recordReferencedImage: (p: string) => recorded.push(p) };
    try {
      expect(image.fsPath).toBe(fsPath);
      expect(referenced.size).toBe(0);
      expect(image.src).toBe('/base/_astro/front.abcdefgh.jpg');
      expect([image.width, image.height, image.format]).toEqual([1600, 1200, 'jpg']);
      expect([...referenced]).toEqual([fsPath]);
      expect(recorded[0]).toBe(fsPath);
      expect(image.clone).toEqual({ src: '/base/_astro/front.abcdefgh.jpg', width: 1600, height: 1200, format: 'jpg' });
      // Not enumerable: the metadata serialises without the machine's path.
      expect(JSON.stringify(image)).not.toContain('content/products');
    } finally {
      g.astroAsset = before;
    }
  });
});
