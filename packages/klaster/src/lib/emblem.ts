/**
 * The European flag as specified by the EU's graphic rules: a blue
 * rectangle of 3:2, twelve gold five-pointed stars on a circle whose radius
 * is a third of the height, each star's outer radius one eighteenth of the
 * height, stars upright. Drawn from those numbers, never altered; shared by
 * the site's funding block and the generated demo documents.
 */

import { escapeHtml } from './escape.ts';
export const EMBLEM = { width: 300, height: 200, blue: '#003399', gold: '#FFCC00' } as const;

/** The twelve stars as SVG polygon point lists, in the emblem's 300×200 box. */
export function emblemStars(): string[] {
  const { width: W, height: H } = EMBLEM;
  const R = H / 3;
  const star = (cx: number, cy: number) => {
    const outer = H / 18;
    const inner = outer * 0.381966;
    return Array.from({ length: 10 }, (_, i) => {
      const r = i % 2 === 0 ? outer : inner;
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      return `${(cx + r * Math.cos(a)).toFixed(3)},${(cy + r * Math.sin(a)).toFixed(3)}`;
    }).join(' ');
  };
  return Array.from({ length: 12 }, (_, i) => {
    const a = (i * Math.PI) / 6;
    return star(W / 2 + R * Math.sin(a), H / 2 - R * Math.cos(a));
  });
}

/** The emblem as a standalone SVG document (for files outside the site's pages). */
export function emblemSvg(label: string, height = 60): string {
  const { width: W, height: H, blue, gold } = EMBLEM;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${(height * W) / H}" height="${height}" role="img" aria-label="${escapeHtml(label)}"><rect width="${W}" height="${H}" fill="${blue}"/><g fill="${gold}">${emblemStars().map((p) => `<polygon points="${p}"/>`).join('')}</g></svg>`;
}
