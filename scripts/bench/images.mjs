/**
 * The images of the benchmark corpus: a small pool of distinct product
 * photographs (1600 x 2000 JPEG, drawn once with sharp from SVG), from which
 * every image of the corpus is made.
 *
 * Drawing thousands of distinct large images would take longer than the
 * build being measured. But sharing identical files (hard links) would make
 * the build unrealistically cheap: Astro names an image by a hash of its
 * *content* (`front.<hash>.jpg`) and its transforms by that name, so N
 * identical files are processed once, not N times (measured: 1,000 products
 * with hard-linked pool images gave 154 transforms instead of several
 * thousand). So each corpus image is a copy of a pool image with a JPEG
 * comment segment naming the entry and file: its pixels are the pool's, its
 * bytes and hash its own, so Astro processes every image once per file, as
 * it would real photographs, and processing cost scales with the number of
 * images. Copying with a comment costs a file write, no encoding.
 *
 * `pool` images carry grain like a photograph, so they weigh and encode like
 * one (~430 KB); `none` images are flat and light (~45 KB): the benchmark
 * builds them through Astro's pass-through image service, so that the image
 * phase can be measured apart.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { rng } from './random.mjs';

export const POOL_SIZE = 12;
export const WIDTH = 1600;
export const HEIGHT = 2000;

const hex = (r) => `#${[0, 0, 0].map(() => r.int(30, 230).toString(16).padStart(2, '0')).join('')}`;

/** A garment-like scene: a gradient backdrop, a silhouette, a pattern. */
function svg(index) {
  const r = rng(`pool-image:${index}`);
  const [bg1, bg2, body, accent] = [hex(r), hex(r), hex(r), hex(r)];
  const stripes = Array.from({ length: r.int(6, 18) }, (_, i) => {
    const y = 500 + i * r.int(50, 90);
    return `<rect x="300" y="${y}" width="1000" height="${r.int(10, 40)}" fill="${accent}" opacity="0.7"/>`;
  }).join('');
  const dots = Array.from({ length: 60 }, () =>
    `<circle cx="${r.int(0, WIDTH)}" cy="${r.int(0, HEIGHT)}" r="${r.int(8, 60)}" fill="${hex(r)}" opacity="0.35"/>`,
  ).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
<defs>
<linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${bg1}"/><stop offset="1" stop-color="${bg2}"/></linearGradient>
<clipPath id="shirt"><path d="M560 300 L420 360 L160 620 L300 800 L400 720 L400 1750 L1200 1750 L1200 720 L1300 800 L1440 620 L1180 360 L1040 300 Q800 420 560 300 Z"/></clipPath>
</defs>
<rect width="100%" height="100%" fill="url(#g)"/>
${dots}
<path d="M560 300 L420 360 L160 620 L300 800 L400 720 L400 1750 L1200 1750 L1200 720 L1300 800 L1440 620 L1180 360 L1040 300 Q800 420 560 300 Z" fill="${body}"/>
<g clip-path="url(#shirt)">${stripes}</g>
</svg>`;
}

/** Deterministic grain: a raw greyscale buffer from the seeded generator. */
function grain(index) {
  const r = rng(`pool-grain:${index}`);
  const w = WIDTH / 4;
  const h = HEIGHT / 4;
  const data = Buffer.alloc(w * h * 3);
  for (let i = 0; i < w * h; i++) {
    const v = 128 + Math.floor((r.next() - 0.5) * 40);
    data[i * 3] = v;
    data[i * 3 + 1] = v;
    data[i * 3 + 2] = v;
  }
  return sharp(data, { raw: { width: w, height: h, channels: 3 } }).resize(WIDTH, HEIGHT, { kernel: 'cubic' }).png().toBuffer();
}

async function drawImage(index, mode, file) {
  let image = sharp(Buffer.from(svg(index)), { density: 72 }).flatten({ background: '#ffffff' });
  if (mode === 'pool') {
    const noise = await grain(index);
    image = sharp(await image.png().toBuffer()).composite([{ input: noise, blend: 'overlay' }]);
  }
  await image.jpeg({ quality: mode === 'pool' ? 85 : 60 }).toFile(file);
}

/** Makes (or reuses) the pool in `dir`; returns the image paths. */
export async function makePool(dir, mode = 'pool') {
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 0; i < POOL_SIZE; i++) {
    const file = join(dir, `${mode}-${String(i).padStart(2, '0')}.jpg`);
    if (!existsSync(file)) await drawImage(i, mode, file);
    files.push(file);
  }
  return files;
}

const poolBytes = new Map();

/**
 * A pool JPEG with a comment segment (0xFFFE) carrying `tag`, inserted after
 * the JFIF header: the same picture, distinct bytes.
 */
export function taggedJpeg(jpeg, tag) {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  let at = 2;
  // Keep APPn segments (JFIF, Exif) first, as the JFIF specification asks.
  while (jpeg[at] === 0xff && jpeg[at + 1] >= 0xe0 && jpeg[at + 1] <= 0xef) at += 2 + jpeg.readUInt16BE(at + 2);
  const text = Buffer.from(`klaster-bench ${tag}`, 'utf8');
  const segment = Buffer.alloc(4 + text.length);
  segment[0] = 0xff;
  segment[1] = 0xfe;
  segment.writeUInt16BE(2 + text.length, 2);
  text.copy(segment, 4);
  return Buffer.concat([jpeg.subarray(0, at), segment, jpeg.subarray(at)]);
}

/** Writes a corpus image: pool picture, bytes of its own (see above). */
export function placeImage(poolFile, target, tag) {
  let bytes = poolBytes.get(poolFile);
  if (!bytes) {
    bytes = readFileSync(poolFile);
    poolBytes.set(poolFile, bytes);
  }
  writeFileSync(target, taggedJpeg(bytes, tag));
}

export function poolFiles(dir) {
  return readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort().map((f) => join(dir, f));
}
