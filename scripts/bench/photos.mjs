/**
 * Camera-sized test photographs for the image benchmark
 * (scripts/bench-images.mjs): 4000 x 3000 JPEGs (quality 92, as a camera
 * writes them) of a garment-like scene with texture at every scale (a weave,
 * folds, sensor grain), so that they decode, resize and encode like real
 * photographs rather than flat drawings, which encoders make small and fast.
 * Deterministic: the same seed gives the same pixels on every machine.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { rng } from './random.mjs';

export const PHOTO_WIDTH = 4000;
export const PHOTO_HEIGHT = 3000;

const hex = (r) => `#${[0, 0, 0].map(() => r.int(20, 235).toString(16).padStart(2, '0')).join('')}`;

function scene(index) {
  const r = rng(`photo:${index}`);
  const [w, h] = [PHOTO_WIDTH, PHOTO_HEIGHT];
  const blobs = Array.from({ length: 40 }, () => {
    const [cx, cy, rx, ry] = [r.int(0, w), r.int(0, h), r.int(60, 700), r.int(60, 500)];
    return `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${hex(r)}" opacity="${(0.2 + r.next() * 0.5).toFixed(2)}" transform="rotate(${r.int(0, 180)} ${cx} ${cy})"/>`;
  }).join('');
  const pitch = r.int(6, 14);
  const body = hex(r);
  const thread = hex(r);
  const folds = Array.from({ length: 12 }, (_, i) => {
    const x = 1100 + i * 160 + r.int(-40, 40);
    return `<path d="M${x} 700 Q${x + r.int(-200, 200)} 1600 ${x + r.int(-80, 80)} 2700" stroke="#000" stroke-opacity="0.25" stroke-width="${r.int(20, 70)}" fill="none" filter="url(#soft)"/>`;
  }).join('');
  const text = `<text x="300" y="2800" font-family="sans-serif" font-size="90" fill="${hex(r)}">KLASTER ${index} · 100% cotton · 40°C</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<defs>
<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${hex(r)}"/><stop offset="1" stop-color="${hex(r)}"/></linearGradient>
<pattern id="weave" width="${pitch}" height="${pitch}" patternUnits="userSpaceOnUse">
<rect width="${pitch}" height="${pitch}" fill="${body}"/><rect width="${pitch / 2}" height="${pitch}" fill="${thread}" opacity="0.45"/><rect y="${pitch / 2}" width="${pitch}" height="${pitch / 3}" fill="#000" opacity="0.18"/>
</pattern>
<filter id="soft"><feGaussianBlur stdDeviation="25"/></filter>
</defs>
<rect width="100%" height="100%" fill="url(#bg)"/>
${blobs}
<path d="M1500 600 L1250 700 L800 1150 L1050 1450 L1200 1300 L1200 2750 L2800 2750 L2800 1300 L2950 1450 L3200 1150 L2750 700 L2500 600 Q2000 800 1500 600 Z" fill="url(#weave)"/>
${folds}
${text}
</svg>`;
}

/** Sensor grain and fabric irregularity: greyscale noise at half resolution, softened by the upscale. */
function grain(index) {
  const r = rng(`photo-grain:${index}`);
  const [w, h] = [PHOTO_WIDTH / 2, PHOTO_HEIGHT / 2];
  const data = Buffer.alloc(w * h);
  for (let i = 0; i < data.length; i++) data[i] = 128 + Math.floor((r.next() - 0.5) * 56);
  return sharp(data, { raw: { width: w, height: h, channels: 1 } })
    .resize(PHOTO_WIDTH, PHOTO_HEIGHT, { kernel: 'cubic' })
    .toColourspace('srgb')
    .png({ compressionLevel: 1 })
    .toBuffer();
}

async function drawPhoto(index, file) {
  const drawn = await sharp(Buffer.from(scene(index)), { density: 72 })
    .flatten({ background: '#ffffff' })
    .png({ compressionLevel: 1 })
    .toBuffer();
  await sharp(drawn)
    .composite([{ input: await grain(index), blend: 'overlay' }])
    .blur(0.6)
    .jpeg({ quality: 92 })
    .toFile(file);
}

/** Makes (or reuses) `count` photos in `dir`; returns their paths. */
export async function makePhotos(dir, count) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 0; i < count; i++) {
    const file = join(dir, `photo${String(i).padStart(2, '0')}.jpg`);
    if (!existsSync(file)) await drawPhoto(i, file);
    files.push(file);
  }
  return files;
}
