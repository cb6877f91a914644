import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import service, { decodeCount } from '../../packages/klaster/src/astro-internals/image-service.ts';
import { FALLBACK_FORMAT, FALLBACK_WIDTH, IMAGE_FORMATS, IMAGE_WIDTHS, SERVICE_CONFIG } from '../../packages/klaster/src/lib/image-plan.ts';

const config = { service: { entrypoint: 'klaster', config: SERVICE_CONFIG } } as never;
const logger = { warn() {}, info() {}, debug() {}, error() {} } as never;

/** A photograph-like source: a gradient with grain, wider than the widest file, with an EXIF orientation. */
async function source(width: number, height: number, orientation?: number): Promise<Uint8Array> {
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7919) % 251;
  const image = sharp(data, { raw: { width, height, channels: 3 } });
  return new Uint8Array(await (orientation ? image.withMetadata({ orientation }) : image).jpeg({ quality: 90 }).toBuffer());
}

const transform = (input: Uint8Array, options: Record<string, unknown>) =>
  service.transform(input, { src: '/photo.jpg', ...options } as never, config, logger) as Promise<{ data: Uint8Array; format: string }>;

describe("Klaster's image service", () => {
  it("makes all the plan's files of one source from one decoding", async () => {
    const input = await source(2400, 1800);
    const before = decodeCount();
    const wanted = [...IMAGE_FORMATS.flatMap((format) => IMAGE_WIDTHS.map((width) => ({ format, width }))), { format: FALLBACK_FORMAT, width: FALLBACK_WIDTH }];
    for (const { format, width } of wanted) {
      const { data, format: made } = await transform(input, { width, format });
      const meta = await sharp(data).metadata();
      const avif = (f?: string) => (f === 'heif' ? 'avif' : f); // sharp names AVIF files after their container
      expect([avif(made), avif(meta.format), meta.width, meta.height]).toEqual([format, format, width, Math.round((width * 1800) / 2400)]);
    }
    expect(decodeCount() - before).toBe(1);
    // Other bytes are another source.
    await transform(await source(2000, 1000), { width: 480, format: 'webp' });
    expect(decodeCount() - before).toBe(2);
  });

  it('turns the source upright as Astro does', async () => {
    // Stored 1200 x 2000 with orientation 6 (rotate 90°): shown 2000 x 1200.
    const { data } = await transform(await source(1200, 2000, 6), { width: 960, format: 'webp' });
    const meta = await sharp(data).metadata();
    expect([meta.width, meta.height]).toEqual([960, 576]);
  });

  it('never enlarges a source narrower than the file asked for', async () => {
    const { data } = await transform(await source(700, 500), { width: 960, format: 'webp' });
    expect((await sharp(data).metadata()).width).toBe(700);
  });

  it("leaves other transforms to Astro's service", async () => {
    const input = await source(1000, 1000);
    const before = decodeCount();
    const { data } = await transform(input, { width: 300, height: 100, fit: 'cover', format: 'webp' });
    expect(decodeCount()).toBe(before);
    const meta = await sharp(data).metadata();
    expect([meta.width, meta.height]).toEqual([300, 100]);
  });
});

describe('the image service’s entrypoint', () => {
  it('is the package’s own name, so processed images are named alike in any folder', async () => {
    // Astro names a processed image after a hash that includes the service's entrypoint.
    const index = readFileSync(new URL('../../packages/klaster/index.ts', import.meta.url), 'utf8');
    expect(index).toMatch(/service: \{ entrypoint: 'klaster\/image-service', config: SERVICE_CONFIG \}/);
    const resolved = fileURLToPath(import.meta.resolve('klaster/image-service'));
    expect(resolved).toBe(fileURLToPath(new URL('../../packages/klaster/src/astro-internals/image-service.ts', import.meta.url)));
  });
});
