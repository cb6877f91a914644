/**
 * The EU emblem as a PNG (180×120, twice the 90×60 it is shown at), for the
 * e-mail version of a project's newsletter: mail programs that show
 * pictures show PNG, while many leave SVG out. Drawn from the same
 * numbers as the site's emblem (lib/emblem.ts) by sharp, which Astro's
 * image service already uses; the same drawing gives the same bytes.
 */
import type { APIRoute } from 'astro';
import sharp from 'sharp';
import { emblemSvg } from '../../lib/emblem.ts';

export const GET: APIRoute = async () => {
  const png = await sharp(Buffer.from(emblemSvg('', 120)))
    .png({ compressionLevel: 9 })
    .toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
