/**
 * The image plans the image benchmark (scripts/bench-images.mjs) compares:
 * which files each source image becomes, and how they are made.
 *
 * kind 'service': through an Astro image service's transform(), one call per
 * file with the source's bytes, as Astro's build calls it (each source's
 * files one after the other, `inflight` sources at a time).
 * kind 'direct': a plain sharp script, each source decoded and shrunk once,
 * every file made from those pixels: the floor.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import sharp from 'sharp';

const KLASTER = new URL('../../packages/klaster/', import.meta.url);

/** Today's configuration (before issue #21), as defineKlasterConfig set it. */
const TODAY_CONFIG = { avif: { effort: 2 }, webp: { effort: 4 }, jpeg: { mozjpeg: true } };

const files = (formats, widths) => formats.flatMap((format) => widths.map((width) => ({ format, width })));
const EIGHT = [...files(['avif', 'webp'], [480, 960, 1600]), { format: 'jpg', width: 960 }, { format: 'webp', width: 160 }];

/** Klaster's own plan and service configuration, read from the package. */
async function klasterPlan() {
  const { IMAGE_WIDTHS, IMAGE_FORMATS, FALLBACK_FORMAT, FALLBACK_WIDTH, SERVICE_CONFIG } = await import(new URL('src/lib/image-plan.ts', KLASTER).href);
  const made = [...files(IMAGE_FORMATS, IMAGE_WIDTHS), { format: FALLBACK_FORMAT, width: FALLBACK_WIDTH }, { format: 'webp', width: 160 }];
  const unique = [...new Map(made.map((f) => [`${f.format}/${f.width}`, f])).values()];
  return { config: SERVICE_CONFIG, files: unique, picture: { format: IMAGE_FORMATS[0], widths: [...IMAGE_WIDTHS] } };
}

export const PLANS = {
  today: {
    describe: "Astro's sharp service, AVIF effort 2 and WebP at 480/960/1600, JPEG 960, WebP 160",
    kind: 'service',
    service: 'astro/assets/services/sharp',
    config: TODAY_CONFIG,
    files: EIGHT,
    picture: { format: 'avif', widths: [480, 960, 1600] },
  },
  klaster: {
    describe: "Klaster's plan and image service now (src/lib/image-plan.ts, src/astro-internals/image-service.ts)",
    kind: 'service',
    service: new URL('src/astro-internals/image-service.ts', KLASTER).href,
    klaster: true,
  },
  floor: {
    describe: "a direct sharp script making klaster's files, each source decoded once",
    kind: 'direct',
    klaster: true,
  },
};

// Variants measured while choosing the plan (README, Performance); kept so the choice can be re-measured.
for (const effort of [0, 1]) {
  PLANS[`today-effort${effort}`] = { ...PLANS.today, describe: `today with AVIF effort ${effort}`, config: { ...TODAY_CONFIG, avif: { effort } } };
}
PLANS['today-no-jpeg'] = { ...PLANS.today, describe: 'today without the JPEG (WebP 960 as the fallback)', files: EIGHT.filter((f) => f.format !== 'jpg') };
PLANS['today-1-thread'] = { ...PLANS.today, describe: 'today, one libvips thread per image, two images in flight', threads: 1 };
PLANS['today-4-inflight'] = { ...PLANS.today, describe: 'today, four images in flight', inflight: 4 };

export async function resolvePlan(plan) {
  return plan.klaster ? { ...plan, ...(await klasterPlan()) } : plan;
}

const EXT = { avif: 'avif', webp: 'webp', jpg: 'jpg', jpeg: 'jpg' };
const nameOf = (source, { format, width }) => `${basename(source, '.jpg')}_${width}.${EXT[format]}`;

/** Makes a plan's files of every source into `outDir`, `inflight` sources at a time. */
export async function runPlan(planIn, sources, outDir) {
  const plan = await resolvePlan(planIn);
  mkdirSync(outDir, { recursive: true });
  if (plan.threads) sharp.concurrency(plan.threads);
  const make = plan.kind === 'service' ? await serviceMaker(plan) : directMaker(plan);
  const queue = [...sources];
  const worker = async () => {
    for (let source = queue.shift(); source; source = queue.shift()) {
      const bytes = readFileSync(source);
      await make(source, bytes, (file, data) => writeFileSync(join(outDir, nameOf(source, file)), data));
    }
  };
  await Promise.all(Array.from({ length: plan.inflight ?? 2 }, worker));
}

async function serviceMaker(plan) {
  const service = (await import(plan.service)).default;
  const imageConfig = { service: { entrypoint: plan.service, config: plan.config } };
  const logger = { warn: (m) => process.stderr.write(`${m}\n`), debug() {}, info() {}, error: (m) => process.stderr.write(`${m}\n`) };
  return async (source, bytes, write) => {
    for (const file of plan.files) {
      const { data } = await service.transform(bytes, { src: source, width: file.width, format: file.format }, imageConfig, logger);
      write(file, data);
    }
  };
}

function directMaker(plan) {
  const widest = Math.max(...plan.files.map((f) => f.width));
  const options = (format) => plan.config[format === 'jpg' ? 'jpeg' : format] ?? {};
  return async (source, bytes, write) => {
    const { data, info } = await sharp(bytes).rotate().resize({ width: widest, withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true });
    for (const file of plan.files) {
      let image = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
      if (file.width < info.width) image = image.resize({ width: file.width });
      const format = file.format === 'jpg' ? 'jpeg' : file.format;
      write(file, await image[format](options(file.format)).toBuffer());
    }
  };
}

/**
 * The screens of the visitor-bytes measure: the width in device pixels the
 * product page's gallery slot asks for (`sizes="(max-width: 52rem) 100vw,
 * 40rem"`) on each.
 */
export const SCREENS = [
  { name: 'phone 360 px @2x', width: 720 },
  { name: 'phone 390 px @3x', width: 1170 },
  { name: 'desktop 40rem @1x', width: 640 },
  { name: 'desktop 40rem @2x', width: 1280 },
];

/**
 * The file of each source a browser with AVIF takes at `need` device pixels:
 * the first <source>'s smallest width that covers it, else its widest.
 */
export function visitorFiles(planIn, need, names) {
  const { picture } = planIn;
  const sources = [...new Set(names.map((n) => n.split('_')[0]))];
  return sources.map((s) => {
    const widths = picture.widths.filter((w) => names.includes(`${s}_${w}.${EXT[picture.format]}`));
    const width = widths.find((w) => w >= need) ?? widths.at(-1);
    return `${s}_${width}.${EXT[picture.format]}`;
  });
}
PLANS['today-direct'] = { ...PLANS.today, describe: "today's files from a direct sharp script, each source decoded once", kind: 'direct' };
