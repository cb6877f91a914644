/**
 * What the check reads inside an image (src/lib/content/image-file.ts): an
 * empty file, a damaged one, one whose bytes are another format than its
 * name, one narrower than the 1,600 px the guide asks for, from the header
 * alone; and the check and `klaster check` saying so for the images of
 * index.yaml, of the texts and of site.yaml.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../packages/klaster/src/lib/content/check.ts';
import { imageFileProblem, narrowImageWarning, readImageFile } from '../../packages/klaster/src/lib/content/image-file.ts';
import { FIXTURE_SITE, ROOT, klasterCommand, tempDir } from '../helpers/build.ts';

const work = tempDir('image-file');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const picture = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#4a7' } });
const write = (name: string, bytes: Uint8Array | string) => {
  const path = join(work, name);
  writeFileSync(path, bytes);
  return path;
};
/** A JPEG whose header goes on for `padding` bytes before its size (as long EXIF data or a colour profile do). */
function withLongHeader(jpeg: Buffer, padding: number): Buffer {
  const segments: Buffer[] = [];
  for (let left = padding; left > 0; left -= 60_000) {
    const size = Math.min(60_000, left);
    const segment = Buffer.alloc(size + 4, 0x20);
    segment.writeUInt16BE(0xffef, 0); // APP15, a segment readers skip
    segment.writeUInt16BE(size + 2, 2);
    segments.push(segment);
  }
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}

let jpeg: Buffer;
beforeAll(async () => {
  jpeg = await picture(1600, 1200).jpeg().toBuffer();
});

describe('readImageFile', () => {
  it('reads the format and size from the header', () => {
    expect(readImageFile(write('a.jpg', jpeg))).toEqual({ kind: 'image', header: { format: 'jpg', width: 1600, height: 1200 } });
  });

  it('reads on when the header is longer than the first read', () => {
    const long = withLongHeader(jpeg, 300_000);
    expect(readImageFile(write('long.jpg', long))).toEqual({ kind: 'image', header: { format: 'jpg', width: 1600, height: 1200 } });
  });

  it('gives the size a photo is shown at, its EXIF rotation applied', async () => {
    const turned = await picture(1600, 1200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(readImageFile(write('turned.jpg', turned))).toMatchObject({ header: { width: 1200, height: 1600 } });
  });

  it('tells an empty file, a damaged one, one that is no picture and one that is not there', async () => {
    expect(readImageFile(write('empty.jpg', ''))).toEqual({ kind: 'empty' });
    expect(readImageFile(write('page.jpg', '<!DOCTYPE html><html><body>Not found</body></html>'))).toEqual({ kind: 'unreadable' });
    const png = await picture(64, 64).png().toBuffer();
    expect(readImageFile(write('cut.png', png.subarray(0, 20)))).toEqual({ kind: 'unreadable' });
    expect(readImageFile(join(work, 'nothing.jpg'))).toEqual({ kind: 'missing' });
    expect(readImageFile(work)).toEqual({ kind: 'missing' });
  });
});

describe('imageFileProblem', () => {
  it('passes a picture whose format is the one its name says', async () => {
    expect(imageFileProblem('a.jpg', readImageFile(write('a.jpg', jpeg)))).toBeUndefined();
    expect(imageFileProblem('a.JPEG', readImageFile(write('a.JPEG', jpeg)))).toBeUndefined();
    const webp = await picture(64, 64).webp().toBuffer();
    expect(imageFileProblem('a.webp', readImageFile(write('a.webp', webp)))).toBeUndefined();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20"/></svg>';
    expect(imageFileProblem('logo.svg', readImageFile(write('logo.svg', svg)))).toBeUndefined();
  });

  it('names the real format and the name to rename the file to', async () => {
    const png = await picture(64, 64).png().toBuffer();
    expect(imageFileProblem('photo.jpg', readImageFile(write('png.jpg', png)))).toBe(
      'the file is a PNG picture, not a JPEG as its name says; rename it to photo.png and write that name wherever the entry names the picture',
    );
    expect(imageFileProblem('photo.webp', readImageFile(write('jpeg.webp', jpeg)))).toContain(
      'the file is a JPEG picture, not a WebP as its name says; rename it to photo.jpg',
    );
  });

  it('asks for a web format when the real one is not', async () => {
    const tiff = await picture(64, 64).tiff().toBuffer();
    expect(imageFileProblem('scan.jpg', readImageFile(write('scan.jpg', tiff)))).toBe(
      'the file is a TIFF picture, not a JPEG as its name says, and browsers do not all show TIFF; export it again as JPEG, PNG or WebP',
    );
  });

  it('says what to do with an empty or damaged file', () => {
    expect(imageFileProblem('a.jpg', { kind: 'empty' })).toMatch(/^the file is empty \(0 bytes\).*copy the picture there again/);
    expect(imageFileProblem('a.jpg', { kind: 'unreadable' })).toMatch(/^the file is damaged or is not a picture.*export it again as JPEG, PNG or WebP$/);
    expect(imageFileProblem('a.jpg', { kind: 'missing' })).toBeUndefined();
  });
});

describe('narrowImageWarning', () => {
  it('names the width and the smaller sizes the page will offer', () => {
    expect(narrowImageWarning({ format: 'jpg', width: 800, height: 1000 })).toMatch(
      /^the picture is 800 px wide, and product pictures should be at least 1600 px wide: the page will offer it at 480 px only/,
    );
    expect(narrowImageWarning({ format: 'jpg', width: 1200, height: 1000 })).toContain('at 480 px and 960 px only');
    expect(narrowImageWarning({ format: 'png', width: 300, height: 300 })).toContain('at 300 px only');
  });

  it('says nothing of a picture wide enough, or of a drawing', () => {
    expect(narrowImageWarning({ format: 'jpg', width: 1600, height: 1000 })).toBeUndefined();
    expect(narrowImageWarning({ format: 'svg', width: 40, height: 20 })).toBeUndefined();
  });
});

describe('the content check', () => {
  const content = join(work, 'content');
  const sweater = join(content, 'products/demo-sweater');
  beforeAll(async () => {
    cpSync(join(ROOT, 'tests/fixtures/valid'), content, { recursive: true });
    await picture(800, 1000).png().toFile(join(sweater, 'front.png'));
    const news = join(content, 'news/demo-news');
    writeFileSync(
      join(news, 'index.en.md'),
      `${readFileSync(join(news, 'index.en.md'), 'utf8')}\n![The stand](./stand.jpg)\n\n![A map](https://maps.example/x.png)\n\n![Elsewhere](../other/missing.png)\n`,
    );
    await picture(64, 64).png().toFile(join(news, 'stand.jpg'));
  });

  it('warns of a product picture narrower than 1,600 px, and passes', () => {
    const { errors, warnings } = checkContent(content, { today: '2026-11-21' });
    expect(warnings).toContainEqual(
      expect.objectContaining({
        file: 'products/demo-sweater/index.yaml',
        field: 'images[0]',
        message: expect.stringMatching(/^found "front.png"; the picture is 800 px wide.*480 px only/),
      }),
    );
    expect(errors.filter((e) => e.file.startsWith('products/'))).toEqual([]);
  });

  it('reads the Markdown images of the texts: a wrong format, a missing file; not images on other sites', () => {
    const { errors } = checkContent(content, { today: '2026-11-21' });
    expect(errors.filter((e) => e.file === 'news/demo-news/index.en.md').map((e) => `${e.field}: ${e.message}`)).toEqual([
      'line 7: the image ./stand.jpg: the file is a PNG picture, not a JPEG as its name says; rename it to stand.png and write that name wherever the entry names the picture',
      "line 11: the image ../other/missing.png: there is no file news/other/missing.png; put the picture in the entry's folder or correct the name",
    ]);
  });

  it('klaster check names site.yaml pictures the build could not use', () => {
    const site = join(work, 'site');
    mkdirSync(site);
    writeFileSync(join(site, 'hero.jpg'), '');
    writeFileSync(join(site, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>');
    const yaml = `${readFileSync(join(FIXTURE_SITE, 'site.yaml'), 'utf8')}logo:\n  file: logo.svg\n  alt: Fixture\nhome:\n  hero:\n    image: hero.jpg\n    alt: { en: A hall }\n`;
    writeFileSync(join(site, 'site.yaml'), yaml);
    const run = klasterCommand('check', { KLASTER_CONTENT: join(ROOT, 'tests/fixtures/valid'), KLASTER_CONFIG: join(site, 'site.yaml') });
    expect(run.status, run.output).toBe(1);
    expect(run.output).toContain('home.hero.image: found "hero.jpg"; the file is empty (0 bytes)');
    // A logo is published as it is: a drawing without a size of its own is fine.
    expect(run.output).not.toContain('logo.file');
  });
});
