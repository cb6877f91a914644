#!/usr/bin/env node
/**
 * Draws the illustrations of the invented sample products.
 *
 * For every entry in content/products/ whose index.yaml says `sample: true`,
 * this script composes one SVG per file listed under `images` (a flat
 * illustration of the item, coloured after the product's `colours`) and
 * writes it beside the entry as a JPEG. Real products, without `sample: true`,
 * are never touched.
 *
 * What is drawn follows from the entry: the kind of item comes from words in
 * the id (`...-parka`, `...-jeans`) or else from the category, and the view
 * from the file name: front, back, side, detail, roll, screen, dashboard,
 * mobile (anything else is drawn as front).
 *
 * The output is deterministic: the same content gives the same bytes, and a
 * file whose bytes would not change is not rewritten.
 *
 * Usage (from the repository root):
 *   node scripts/demo-images.mjs              all sample products
 *   node scripts/demo-images.mjs ID [ID...]   only these products
 *   node scripts/demo-images.mjs --check      write nothing; report missing
 *                                             or out-of-date images (exit 1)
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import YAML from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PRODUCTS = path.join(ROOT, 'content', 'products');
const JPEG = { quality: 78, mozjpeg: true, chromaSubsampling: '4:2:0' };
const MAX_BYTES = 250 * 1024;

// Categories drawn as portrait (1600x2000); everything else is 2000x1500.
const PORTRAIT = new Set([
  'knitwear', 'outerwear', 'dresses', 'shirts-blouses', 'trousers-jeans',
  'workwear', 'childrenswear', 'underwear-nightwear',
]);

// ---------------------------------------------------------------- colours

const PALETTE = {
  white: '#f2f0ea', ecru: '#e6d9bd', beige: '#c9ae86', grey: '#8b9097',
  black: '#2b2c30', navy: '#25355a', blue: '#4d7bb8', green: '#56704a',
  red: '#b9352c', burgundy: '#72243b', pink: '#e2a0b3', yellow: '#eec53c',
  orange: '#e0742b', brown: '#7b5236', multicolour: '#eadfcc',
};
const FLOWERS = ['#c8463b', '#e6a23c', '#4f7cb3', '#5f8a4f', '#d784a0', '#7a3b6e'];

const hex2rgb = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const rgb2hex = (c) => '#' + c.map((v) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0')).join('');
const mix = (a, b, t) => { const x = hex2rgb(a), y = hex2rgb(b); return rgb2hex(x.map((v, i) => v + (y[i] - v) * t)); };
const tone = (h, t) => (t >= 0 ? mix(h, '#ffffff', t) : mix(h, '#000000', -t));
const lum = (h) => { const [r, g, b] = hex2rgb(h); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; };

function shades(name) {
  const base = PALETTE[name] ?? PALETTE.grey;
  const dark = lum(base) < 0.22;
  return {
    name, base,
    light: tone(base, dark ? 0.16 : 0.14),
    shade: tone(base, dark ? -0.25 : -0.1),
    deep: tone(base, dark ? -0.45 : -0.24),
    line: dark ? tone(base, -0.55) : tone(base, -0.42),
    detail: dark ? tone(base, 0.28) : tone(base, -0.3),
    tex: dark ? tone(base, 0.14) : tone(base, -0.16),
    multi: name === 'multicolour',
  };
}

// ------------------------------------------------------ determinism helpers

function hash(s) {
  let h = 2166136261;
  for (const ch of s) { h ^= ch.codePointAt(0); h = Math.imul(h, 16777619); }
  return h >>> 0;
}
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const f = (n) => (Math.round(n * 10) / 10).toString();
const pts = (a) => a.map((p) => `${f(p[0])},${f(p[1])}`).join(' ');

// ------------------------------------------------------------ item kinds

// Matched against `-${id}-`, so that "bed" does not match "ribbed".
const KINDS = [
  [/-bodysuit-/, 'bodysuit'], [/-scrubs-/, 'scrubs'], [/-bib-/, 'bib'], [/-chef-/, 'chef'],
  [/-hi-vis-|-high-vis-/, 'hivis'], [/-parka-/, 'parka'], [/-rain-/, 'rain'], [/-softshell-/, 'softshell'],
  [/-quilted-/, 'quilted'], [/-padded-|-kids-.*jacket-/, 'kidsjacket'], [/-cardigan-/, 'cardigan'],
  [/-turtleneck-|-roll-neck-/, 'turtleneck'], [/-v-neck-/, 'vneck'], [/-polo-/, 'polo'],
  [/-ie-/, 'ie'], [/-blouse-/, 'blouse'], [/-shirt-/, 'shirt'],
  [/-evening-|-gown-/, 'gown'], [/-wrap-/, 'wrapdress'], [/-(girls|kids|baby)-.*dress-/, 'kidsdress'],
  [/-(floral|tiered)-.*dress-/, 'tiereddress'], [/-dress-/, 'dress'],
  [/-jeans-|-denim-/, 'jeans'], [/-wide-leg-/, 'widetrousers'], [/-(trousers|chinos?|pants)-/, 'trousers'],
  [/-(briefs|knickers)-/, 'briefs'], [/-bed-/, 'bedset'], [/-towels?-/, 'towels'], [/-tablecloth-/, 'tablecloth'],
  [/-(blanket|throw)-/, 'blanket'], [/-(tote|bag)-/, 'tote'], [/-belt-/, 'belt'], [/-card-holder-|-wallet-/, 'cardholder'],
  [/-scarf-/, 'scarf'], [/-(sweater|pullover|jumper)-/, 'sweater'],
  [/-(rfid|reader|scanner|device)-/, 'device'],
];
const BY_CATEGORY = {
  knitwear: 'sweater', outerwear: 'parka', dresses: 'dress', 'shirts-blouses': 'shirt',
  'trousers-jeans': 'trousers', workwear: 'hivis', childrenswear: 'kidsdress',
  'underwear-nightwear': 'briefs', accessories: 'tote', 'home-textiles': 'blanket',
  'fabrics-yarns': 'fabric', software: 'software', 'it-services': 'software',
  'hardware-devices': 'device',
};
function kindOf(id, category) {
  if (['software', 'it-services'].includes(category)) return 'software';
  if (category === 'fabrics-yarns') return 'fabric';
  for (const [re, k] of KINDS) if (re.test(`-${id}-`)) return k;
  return BY_CATEGORY[category] ?? 'fabric';
}
function viewOf(file) {
  const b = path.basename(file, path.extname(file)).toLowerCase();
  for (const v of ['front', 'back', 'side', 'detail', 'roll', 'screen', 'dashboard', 'mobile']) if (b.startsWith(v)) return v;
  return 'front';
}

// ------------------------------------------------------------- SVG pieces

const BACKDROPS_LIGHT = ['#efe9e1', '#e7ecef', '#ece8f0', '#e9eee5', '#f1ebe2', '#e5e9ee'];
const BACKDROPS_DEEP = ['#c7d0d6', '#d2c7ba', '#c4cdc1', '#d3c8d0', '#bfc9d3', '#cfc6b8'];

function backdrop(W, H, item, r) {
  const list = lum(item) > 0.62 ? BACKDROPS_DEEP : BACKDROPS_LIGHT;
  const bg = list[Math.floor(r() * list.length)];
  const style = Math.floor(r() * 3);
  const pat = tone(bg, -0.045);
  let motif;
  if (style === 0) motif = `<circle cx="30" cy="30" r="3.2" fill="${pat}"/>`;
  else if (style === 1) motif = `<path d="M0 60 L60 0" stroke="${pat}" stroke-width="3"/>`;
  else motif = `<path d="M0 30 H60 M30 0 V60" stroke="${pat}" stroke-width="2"/>`;
  return {
    bg,
    defs: `<linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${tone(bg, 0.06)}"/><stop offset="1" stop-color="${tone(bg, -0.06)}"/></linearGradient>
<pattern id="bgp" width="60" height="60" patternUnits="userSpaceOnUse">${motif}</pattern>
<filter id="ds" x="-20%" y="-20%" width="140%" height="140%"><feGaussianBlur in="SourceAlpha" stdDeviation="20"/><feOffset dx="16" dy="24" result="b"/><feFlood flood-color="#1a1a1a" flood-opacity="0.2"/><feComposite in2="b" operator="in"/><feMerge><feMergeNode/><feMergeNode in="SourceGraphic"/></feMerge></filter>
<filter id="soft"><feGaussianBlur stdDeviation="28"/></filter>`,
    svg: `<rect width="${W}" height="${H}" fill="url(#wall)"/><rect width="${W}" height="${H}" fill="url(#bgp)"/>`,
  };
}

// Fabric textures, drawn over a filled shape. Each returns a <pattern>.
function texture(type, c, scale = 1) {
  const s = (n) => f(n * scale);
  const t = c.tex;
  switch (type) {
    case 'knit': // rows of V stitches
      return `<pattern id="tex" width="${s(22)}" height="${s(26)}" patternUnits="userSpaceOnUse"><path d="M${s(1)} ${s(2)} L${s(11)} ${s(22)} L${s(21)} ${s(2)}" fill="none" stroke="${t}" stroke-width="${s(2.6)}" stroke-linecap="round"/></pattern>`;
    case 'rib':
      return `<pattern id="tex" width="${s(18)}" height="${s(40)}" patternUnits="userSpaceOnUse"><rect x="0" width="${s(7)}" height="${s(40)}" fill="${t}" opacity="0.55"/></pattern>`;
    case 'twill':
      return `<pattern id="tex" width="${s(16)}" height="${s(16)}" patternUnits="userSpaceOnUse"><path d="M${s(-4)} ${s(4)} L${s(4)} ${s(-4)} M0 ${s(16)} L${s(16)} 0 M${s(12)} ${s(20)} L${s(20)} ${s(12)}" stroke="${t}" stroke-width="${s(2.4)}"/></pattern>`;
    case 'weave':
      return `<pattern id="tex" width="${s(14)}" height="${s(14)}" patternUnits="userSpaceOnUse"><path d="M0 ${s(3.5)} H${s(7)} M${s(7)} ${s(10.5)} H${s(14)} M${s(3.5)} ${s(7)} V${s(14)} M${s(10.5)} 0 V${s(7)}" stroke="${t}" stroke-width="${s(1.8)}" opacity="0.8"/></pattern>`;
    case 'quilt':
      return `<pattern id="tex" width="${s(120)}" height="${s(120)}" patternUnits="userSpaceOnUse"><path d="M0 0 L${s(120)} ${s(120)} M${s(120)} 0 L0 ${s(120)}" stroke="${c.line}" stroke-width="${s(3)}" stroke-dasharray="${s(9)} ${s(7)}" opacity="0.6"/><path d="M${s(60)} ${s(6)} L${s(114)} ${s(60)} L${s(60)} ${s(114)} L${s(6)} ${s(60)} Z" fill="${c.light}" opacity="0.35"/></pattern>`;
    case 'ripstop':
      return `<pattern id="tex" width="${s(44)}" height="${s(44)}" patternUnits="userSpaceOnUse"><path d="M0 ${s(1)} H${s(44)} M${s(1)} 0 V${s(44)}" stroke="${t}" stroke-width="${s(1.6)}" opacity="0.6"/></pattern>`;
    case 'floral': {
      let g = '';
      const spots = [[30, 30, 0], [100, 70, 1], [55, 120, 2], [140, 150, 3], [20, 170, 4], [150, 20, 5]];
      for (const [x, y, k] of spots) {
        const col = FLOWERS[k];
        for (let p = 0; p < 5; p++) {
          const a = (p / 5) * Math.PI * 2;
          g += `<circle cx="${s(x + Math.cos(a) * 9)}" cy="${s(y + Math.sin(a) * 9)}" r="${s(7)}" fill="${col}"/>`;
        }
        g += `<circle cx="${s(x)}" cy="${s(y)}" r="${s(5)}" fill="#f4d35e"/><path d="M${s(x + 12)} ${s(y + 10)} q${s(10)} ${s(4)} ${s(16)} ${s(16)}" stroke="#5f8a4f" stroke-width="${s(3)}" fill="none"/>`;
      }
      return `<pattern id="tex" width="${s(180)}" height="${s(190)}" patternUnits="userSpaceOnUse">${g}</pattern>`;
    }
    case 'stripes':
      return `<pattern id="tex" width="${s(120)}" height="${s(120)}" patternUnits="userSpaceOnUse"><rect y="0" width="${s(120)}" height="${s(22)}" fill="${FLOWERS[0]}"/><rect y="${s(40)}" width="${s(120)}" height="${s(14)}" fill="${FLOWERS[1]}"/><rect y="${s(72)}" width="${s(120)}" height="${s(22)}" fill="${FLOWERS[2]}"/><rect y="${s(104)}" width="${s(120)}" height="${s(8)}" fill="${FLOWERS[3]}"/></pattern>`;
    case 'leather':
      return `<pattern id="tex" width="${s(30)}" height="${s(30)}" patternUnits="userSpaceOnUse"><circle cx="${s(7)}" cy="${s(9)}" r="${s(1.6)}" fill="${t}"/><circle cx="${s(21)}" cy="${s(23)}" r="${s(1.3)}" fill="${t}"/><circle cx="${s(24)}" cy="${s(6)}" r="${s(1)}" fill="${t}"/></pattern>`;
    default:
      return `<pattern id="tex" width="10" height="10" patternUnits="userSpaceOnUse"></pattern>`;
  }
}

function fillDefs(c) {
  return `<linearGradient id="gf" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${c.light}"/><stop offset="0.55" stop-color="${c.base}"/><stop offset="1" stop-color="${c.shade}"/></linearGradient>`;
}

// A filled garment part: gradient, texture overlay, outline.
const part = (d, c, texOpacity = 1, fill = 'url(#gf)') =>
  `<path d="${d}" fill="${fill}" stroke="${c.line}" stroke-width="5" stroke-linejoin="round"/>` +
  (texOpacity > 0 ? `<path d="${d}" fill="url(#tex)" opacity="${texOpacity}"/>` : '');
const seam = (d, c, w = 3, dash = '') =>
  `<path d="${d}" fill="none" stroke="${c.detail}" stroke-width="${w}" stroke-linecap="round" opacity="0.75"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
const stitch = (d, colour, w = 3) =>
  `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${w}" stroke-dasharray="12 8" stroke-linecap="round"/>`;
function button(x, y, r, colour, holes = 2) {
  const ring = tone(colour, -0.3);
  let s = `<circle cx="${f(x)}" cy="${f(y)}" r="${r}" fill="${colour}" stroke="${ring}" stroke-width="${Math.max(2, r / 6)}"/>`;
  if (holes === 2) s += `<circle cx="${f(x - r / 3)}" cy="${f(y)}" r="${f(r / 6)}" fill="${ring}"/><circle cx="${f(x + r / 3)}" cy="${f(y)}" r="${f(r / 6)}" fill="${ring}"/>`;
  if (holes === 4) for (const [dx, dy] of [[-1, -1], [1, -1], [-1, 1], [1, 1]]) s += `<circle cx="${f(x + (dx * r) / 3.2)}" cy="${f(y + (dy * r) / 3.2)}" r="${f(r / 7)}" fill="${ring}"/>`;
  if (holes === 0) s += `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r / 2.2)}" fill="${tone(colour, 0.25)}"/>`;
  return s;
}
const hook = (y) => `<path d="M800 ${y + 30} V${y - 70} a52 52 0 1 1 104 0 q0 26 -22 40" fill="none" stroke="#8d9298" stroke-width="11" stroke-linecap="round"/><rect x="755" y="${y - 10}" width="90" height="40" rx="14" fill="#a57a4f" stroke="#7d5a38" stroke-width="4"/>`;

// ---------------------------------------------------------- garment: tops

/** Geometry of a top (sweater, shirt, jacket...) seen flat on a hanger. */
function topGeom(o = {}) {
  const cx = 800;
  const g = {
    cx, y0: o.y0 ?? 420, nw: o.nw ?? 105, sw: o.sw ?? 300, sl: o.sl ?? 55, bw: o.bw ?? 285,
    L: o.L ?? 880, arm: o.arm ?? 290, sleeve: o.sleeve ?? 'long', angle: o.angle ?? 17,
    slen: o.slen ?? 760, cuff: o.cuff ?? 70,
  };
  g.hw = o.hw ?? g.bw;
  g.ay = g.y0 + g.sl + g.arm;
  if (g.sleeve === 'short') { g.slen = o.slen ?? 250; g.cuff = o.cuff ?? 125; g.angle = o.angle ?? 38; }
  g.arms = [-1, 1].map((s) => {
    const S = [cx + s * g.sw, g.y0 + g.sl], A = [cx + s * g.bw, g.ay];
    const th = (g.angle * Math.PI) / 180;
    const M = [(S[0] + A[0]) / 2, (S[1] + A[1]) / 2];
    const d = [s * Math.sin(th), Math.cos(th)], n = [s * Math.cos(th), -Math.sin(th)];
    const C = [M[0] + d[0] * g.slen, M[1] + d[1] * g.slen];
    const O = [C[0] + n[0] * g.cuff, C[1] + n[1] * g.cuff], I = [C[0] - n[0] * g.cuff, C[1] - n[1] * g.cuff];
    return { s, S, A, O, I, C, d, n };
  });
  return g;
}
function sleevePath(a) {
  return `M${pts([a.S])} L${pts([a.O])} L${pts([a.I])} L${pts([a.A])} Z`;
}
function band(a, h) { // cuff band polygon at the sleeve end
  const O2 = [a.O[0] - a.d[0] * h, a.O[1] - a.d[1] * h], I2 = [a.I[0] - a.d[0] * h, a.I[1] - a.d[1] * h];
  return `M${pts([a.O])} L${pts([a.I])} L${pts([I2])} L${pts([O2])} Z`;
}
function bodyPath(g, neck) {
  const { cx, y0, nw, sw, sl, bw, hw, ay, L } = g;
  let nl;
  if (neck.type === 'v') nl = `L${cx},${y0 + neck.depth} L${cx - nw},${y0}`;
  else nl = `Q${cx},${y0 + 2 * (neck.depth ?? 70)} ${cx - nw},${y0}`;
  return `M${cx - nw},${y0} L${cx - sw},${y0 + sl} L${cx - bw},${ay} L${cx - hw},${y0 + L} Q${cx},${y0 + L + 14} ${cx + hw},${y0 + L} L${cx + bw},${ay} L${cx + sw},${y0 + sl} L${cx + nw},${y0} ${nl} Z`;
}
function neckInside(g, c, depth, type = 'crew') {
  const { cx, y0, nw } = g;
  const front = type === 'v' ? `L${cx},${y0 + depth} L${cx - nw},${y0}` : `Q${cx},${y0 + 2 * depth} ${cx - nw},${y0}`;
  return `<path d="M${cx - nw},${y0} Q${cx},${y0 + 36} ${cx + nw},${y0} ${front} Z" fill="${c.deep}" stroke="${c.line}" stroke-width="4"/>`;
}

/**
 * Draws a top. `o` sets the geometry and these features:
 * neck: crew | v | collar | camp | stand | turtle | hood | polo | tie | mandarin | gathered
 * open: none | buttons | zip | double | wrap ; rib: knitted cuffs and hem
 */
function drawTop(c, view, o) {
  const g = topGeom(o);
  const back = view === 'back';
  const { cx, y0, nw, L } = g;
  let s = '';
  const neck = o.neck ?? 'crew';
  // hood behind the body
  if (neck === 'hood') {
    const hp = `M${cx - nw - 50},${y0 + 40} C${cx - 230},${y0 - 120} ${cx - 150},${y0 - 300} ${cx},${y0 - 300} C${cx + 150},${y0 - 300} ${cx + 230},${y0 - 120} ${cx + nw + 50},${y0 + 40} Z`;
    s += part(hp, c, 1);
    if (!back) {
      s += `<path d="M${cx - nw + 5},${y0 + 30} C${cx - 150},${y0 - 90} ${cx - 100},${y0 - 230} ${cx},${y0 - 230} C${cx + 100},${y0 - 230} ${cx + 150},${y0 - 90} ${cx + nw - 5},${y0 + 30} Z" fill="${c.deep}" stroke="${c.line}" stroke-width="4"/>`;
      if (o.fur) {
        let fur = '';
        for (let i = 0; i <= 26; i++) {
          const t = i / 26, a = Math.PI * (1 - t);
          const x = cx + Math.cos(a) * 175, y = y0 - 60 - Math.sin(a) * 215;
          fur += `<circle cx="${f(x)}" cy="${f(y)}" r="30" fill="#d9cfbf" stroke="#b4a892" stroke-width="3"/>`;
        }
        s += fur;
      }
    } else {
      s += seam(`M${cx},${y0 - 295} V${y0 + 20}`, c);
    }
  } else if (!['turtle', 'stand', 'mandarin'].includes(neck)) {
    s += hook(y0 - 40);
  }
  // sleeves
  if (g.sleeve !== 'none') {
    for (const a of g.arms) {
      s += part(sleevePath(a), c, 1);
      if (o.rib || o.cuffs) s += part(band(a, o.rib ? 70 : 50), { ...c, line: c.line }, 0, c.shade) + (o.rib ? `<path d="${band(a, 70)}" fill="url(#rib)"/>` : '');
      if (o.sleeveStripes) {
        for (const k of [0.55, 0.72]) {
          const P = (t) => [a.S[0] + (a.O[0] - a.S[0]) * t, a.S[1] + (a.O[1] - a.S[1]) * t];
          const Q = (t) => [a.A[0] + (a.I[0] - a.A[0]) * t, a.A[1] + (a.I[1] - a.A[1]) * t];
          const p1 = P(k), p2 = Q(k), p3 = Q(k + 0.07), p4 = P(k + 0.07);
          s += `<path d="M${pts([p1, p2, p3, p4])} Z" fill="#c9ced4" stroke="#9aa0a8" stroke-width="3"/><path d="M${pts([P(k + 0.035), Q(k + 0.035)])}" stroke="#eef1f4" stroke-width="6"/>`;
        }
      }
      if (o.embroidery) s += ieSleeve(a, o.embroidery);
    }
  }
  // body
  const ndepth = back ? 22 : o.vdepth && (neck === 'v' || o.open === 'wrap') ? o.vdepth : neck === 'crew' ? 70 : 40;
  const nType = !back && (neck === 'v' || (o.open === 'wrap')) ? 'v' : 'crew';
  if (['crew', 'v', 'polo', 'collar', 'camp', 'tie', 'gathered', 'hood'].includes(neck) || nType === 'v') s += neckInside(g, c, ndepth, nType);
  s += part(bodyPath(g, { type: nType, depth: ndepth }), c, 1);
  // armhole seams
  for (const a of g.arms) if (g.sleeve !== 'none') s += seam(`M${pts([a.S])} Q${f((a.S[0] + a.A[0]) / 2 + a.s * 14)},${f((a.S[1] + a.A[1]) / 2)} ${pts([a.A])}`, c);
  // hem rib
  if (o.rib) {
    const hb = `M${cx - g.hw},${y0 + L - 80} L${cx + g.hw},${y0 + L - 80} L${cx + g.hw},${y0 + L} Q${cx},${y0 + L + 14} ${cx - g.hw},${y0 + L} Z`;
    s += `<path d="${hb}" fill="${c.shade}" stroke="${c.line}" stroke-width="5"/><path d="${hb}" fill="url(#rib)"/>`;
  }
  if (o.hemStitch) s += stitch(`M${cx - g.hw + 12},${y0 + L - 30} L${cx + g.hw - 12},${y0 + L - 30}`, c.detail);
  // necklines and collars
  if (!back) s += neckFront(g, c, o, neck);
  else s += neckBack(g, c, o, neck);
  // openings
  if (!back) s += opening(g, c, o);
  // extras
  if (o.extras) s += o.extras(g, view);
  return s;
}

function neckFront(g, c, o, neck) {
  const { cx, y0, nw } = g;
  let s = '';
  if (neck === 'crew' && !o.open) s += `<path d="M${cx - nw},${y0} Q${cx},${y0 + 140} ${cx + nw},${y0}" fill="none" stroke="${c.shade}" stroke-width="30"/><path d="M${cx - nw},${y0} Q${cx},${y0 + 140} ${cx + nw},${y0}" fill="none" stroke="url(#rib)" stroke-width="30"/>`;
  if (neck === 'v' && o.open !== 'buttons') s += `<path d="M${cx - nw},${y0} L${cx},${y0 + o.vdepth} L${cx + nw},${y0}" fill="none" stroke="${c.shade}" stroke-width="30" stroke-linejoin="miter"/><path d="M${cx - nw},${y0} L${cx},${y0 + o.vdepth} L${cx + nw},${y0}" fill="none" stroke="url(#rib)" stroke-width="30"/>`;
  if (neck === 'turtle') {
    s += `<path d="M${cx - nw - 10},${y0 + 30} L${cx - nw},${y0 - 150} Q${cx},${y0 - 175} ${cx + nw},${y0 - 150} L${cx + nw + 10},${y0 + 30} Q${cx},${y0 + 55} ${cx - nw - 10},${y0 + 30} Z" fill="${c.base}" stroke="${c.line}" stroke-width="5"/>`;
    s += `<path d="M${cx - nw - 10},${y0 + 30} L${cx - nw},${y0 - 150} Q${cx},${y0 - 175} ${cx + nw},${y0 - 150} L${cx + nw + 10},${y0 + 30} Q${cx},${y0 + 55} ${cx - nw - 10},${y0 + 30} Z" fill="url(#rib)"/>`;
    s += `<path d="M${cx - nw - 14},${y0 - 40} Q${cx},${y0 - 10} ${cx + nw + 14},${y0 - 40}" fill="none" stroke="${c.line}" stroke-width="5"/>`;
    s += `<path d="M${cx - nw},${y0 - 150} Q${cx},${y0 - 130} ${cx + nw},${y0 - 150}" fill="none" stroke="${c.deep}" stroke-width="8"/>`;
  }
  if (neck === 'stand' || neck === 'mandarin') {
    const h = neck === 'stand' ? 150 : 70;
    s += `<path d="M${cx - nw - 12},${y0 + 25} L${cx - nw},${y0 - h} Q${cx},${y0 - h - 18} ${cx + nw},${y0 - h} L${cx + nw + 12},${y0 + 25} Q${cx},${y0 + 50} ${cx - nw - 12},${y0 + 25} Z" fill="url(#gf)" stroke="${c.line}" stroke-width="5"/>`;
    s += `<path d="M${cx - nw},${y0 - h} Q${cx},${y0 - h + 20} ${cx + nw},${y0 - h}" fill="none" stroke="${c.deep}" stroke-width="7"/>`;
  }
  if (neck === 'collar' || neck === 'polo' || neck === 'camp') {
    const open = neck === 'camp' ? 60 : 0;
    s += `<path d="M${cx - nw - 6},${y0 + 6} Q${cx},${y0 - 50} ${cx + nw + 6},${y0 + 6} L${cx + nw},${y0 - 38} Q${cx},${y0 - 80} ${cx - nw},${y0 - 38} Z" fill="${c.shade}" stroke="${c.line}" stroke-width="4"/>`;
    for (const sd of [-1, 1]) {
      const leaf = `M${cx + sd * (nw + 8)},${y0 - 34} L${cx + sd * (nw + 40 + open)},${y0 + 95 + open} L${cx + sd * (18 + open)},${y0 + 150 + open * 0.5} L${cx + sd * 4},${y0 + 40} Z`;
      s += `<path d="${leaf}" fill="url(#gf)" stroke="${c.line}" stroke-width="5" stroke-linejoin="round"/>`;
      if (o.buttonDown) s += button(cx + sd * (nw + 10), y0 + 100, 10, o.btn ?? '#f4f1ea');
    }
  }
  if (neck === 'tie') {
    s += `<path d="M${cx - nw},${y0} Q${cx},${y0 + 60} ${cx + nw},${y0}" fill="none" stroke="${c.shade}" stroke-width="34"/>`;
    s += `<path d="M${cx},${y0 + 40} C${cx - 140},${y0 - 40} ${cx - 170},${y0 + 110} ${cx},${y0 + 60} C${cx + 170},${y0 + 110} ${cx + 140},${y0 - 40} ${cx},${y0 + 40} Z" fill="url(#gf)" stroke="${c.line}" stroke-width="5"/>`;
    s += `<path d="M${cx - 20},${y0 + 60} L${cx - 80},${y0 + 330} L${cx - 30},${y0 + 320} L${cx},${y0 + 70} L${cx + 30},${y0 + 330} L${cx + 85},${y0 + 300} L${cx + 20},${y0 + 60} Z" fill="url(#gf)" stroke="${c.line}" stroke-width="5" stroke-linejoin="round"/>`;
    s += `<ellipse cx="${cx}" cy="${y0 + 55}" rx="30" ry="24" fill="${c.shade}" stroke="${c.line}" stroke-width="5"/>`;
  }
  if (neck === 'gathered') {
    s += `<path d="M${cx - nw},${y0} Q${cx},${y0 + 90} ${cx + nw},${y0}" fill="none" stroke="${c.shade}" stroke-width="16"/>`;
    for (let i = -6; i <= 6; i++) s += seam(`M${cx + i * 15},${y0 + 38 - Math.abs(i) * 2} l${i * 2},60`, c, 2.5);
    s += `<path d="M${cx - 10},${y0 + 44} q-30 60 -14 110 M${cx + 10},${y0 + 44} q30 60 14 110" fill="none" stroke="${o.embroidery ? '#b9352c' : c.detail}" stroke-width="5" stroke-linecap="round"/>`;
  }
  return s;
}
function neckBack(g, c, o, neck) {
  const { cx, y0, nw } = g;
  let s = '';
  if (neck === 'collar' || neck === 'polo' || neck === 'camp' || neck === 'tie') s += `<path d="M${cx - nw - 10},${y0 + 8} Q${cx},${y0 + 40} ${cx + nw + 10},${y0 + 8} L${cx + nw + 30},${y0 + 80} Q${cx},${y0 + 110} ${cx - nw - 30},${y0 + 80} Z" fill="url(#gf)" stroke="${c.line}" stroke-width="5"/>`;
  else if (neck === 'turtle' || neck === 'stand' || neck === 'mandarin') {
    const h = neck === 'mandarin' ? 70 : 150;
    s += `<path d="M${cx - nw - 10},${y0 + 30} L${cx - nw},${y0 - h} Q${cx},${y0 - h - 18} ${cx + nw},${y0 - h} L${cx + nw + 10},${y0 + 30} Q${cx},${y0 + 55} ${cx - nw - 10},${y0 + 30} Z" fill="url(#gf)" stroke="${c.line}" stroke-width="5"/>${neck === 'turtle' ? `<path d="M${cx - nw - 10},${y0 + 30} L${cx - nw},${y0 - h} Q${cx},${y0 - h - 18} ${cx + nw},${y0 - h} L${cx + nw + 10},${y0 + 30} Z" fill="url(#rib)"/>` : ''}`;
  } else if (neck !== 'hood') s += `<path d="M${cx - nw},${y0} Q${cx},${y0 + 44} ${cx + nw},${y0}" fill="none" stroke="${c.shade}" stroke-width="26"/>`;
  if (o.backYoke) s += seam(`M${cx - g.sw + 10},${y0 + 170} Q${cx},${y0 + 190} ${cx + g.sw - 10},${y0 + 170}`, c);
  if (o.boxPleat) s += seam(`M${cx - 30},${y0 + 180} L${cx - 36},${y0 + 420} M${cx + 30},${y0 + 180} L${cx + 36},${y0 + 420}`, c) + `<path d="M${cx - 22},${y0 + 150} q22 -40 44 0" fill="none" stroke="${c.detail}" stroke-width="6"/>`;
  if (o.darts) s += seam(`M${cx - 150},${y0 + 380} L${cx - 140},${y0 + 720} M${cx + 150},${y0 + 380} L${cx + 140},${y0 + 720}`, c);
  if (o.backStripes) s += reflective(g, true);
  if (o.cable) s += cableColumn(cx, y0 + 100, y0 + g.L - 90, 150, c);
  if (o.backSeam) s += seam(`M${cx},${y0 + 30} V${y0 + g.L}`, c);
  if (o.vent) s += `<path d="M${cx - g.sw + 20},${y0 + 150} Q${cx},${y0 + 175} ${cx + g.sw - 20},${y0 + 150} L${cx + g.sw - 30},${y0 + 250} Q${cx},${y0 + 280} ${cx - g.sw + 30},${y0 + 250} Z" fill="url(#gf)" stroke="${c.line}" stroke-width="5"/>`;
  if (o.drawcord) s += stitch(`M${cx - g.bw},${y0 + 560} Q${cx},${y0 + 580} ${cx + g.bw},${y0 + 560}`, c.detail, 4);
  return s;
}
function opening(g, c, o) {
  const { cx, y0, L } = g;
  let s = '';
  const top = o.neck === 'v' || o.open === 'wrap' ? y0 + (o.vdepth ?? 250) : o.neck === 'crew' ? y0 + 70 : y0 + 30;
  if (o.open === 'buttons') {
    const from = o.neck === 'v' ? y0 + (o.vdepth ?? 250) : y0 + 40;
    if (o.neck === 'v') {
      s += `<path d="M${cx - g.nw},${y0} L${cx - 22},${from} L${cx - 22},${y0 + L}" fill="none" stroke="${c.shade}" stroke-width="44"/><path d="M${cx - g.nw},${y0} L${cx - 22},${from} L${cx - 22},${y0 + L}" fill="none" stroke="url(#rib)" stroke-width="44"/>`;
      s += `<path d="M${cx + g.nw},${y0} L${cx + 22},${from} L${cx + 22},${y0 + L}" fill="none" stroke="${c.shade}" stroke-width="44"/><path d="M${cx + g.nw},${y0} L${cx + 22},${from} L${cx + 22},${y0 + L}" fill="none" stroke="url(#rib)" stroke-width="44"/>`;
    } else {
      s += `<rect x="${cx - 26}" y="${from}" width="52" height="${y0 + L - from}" fill="url(#gf)" stroke="${c.line}" stroke-width="4"/>`;
    }
    if (!o.hiddenPlacket) {
      const n = o.buttons ?? 7, y1 = from + 40, y2 = y0 + L - 70;
      for (let i = 0; i < n; i++) s += button(cx, y1 + ((y2 - y1) * i) / (n - 1), o.btnR ?? 13, o.btn ?? '#f4f1ea', o.btnHoles ?? 2);
    }
  }
  if (o.open === 'polo') {
    s += `<rect x="${cx - 24}" y="${y0 + 30}" width="48" height="230" fill="url(#gf)" stroke="${c.line}" stroke-width="4"/>`;
    for (let i = 0; i < 3; i++) s += button(cx, y0 + 80 + i * 70, 12, o.btn ?? '#f4f1ea');
  }
  if (o.open === 'zip') {
    if (o.flap) s += `<rect x="${cx - 8}" y="${top}" width="62" height="${y0 + L - top}" fill="url(#gf)" stroke="${c.line}" stroke-width="4"/>`;
    s += `<path d="M${cx},${top} V${y0 + L}" stroke="${c.line}" stroke-width="8"/><path d="M${cx},${top} V${y0 + L}" stroke="${o.zipColour ?? c.detail}" stroke-width="14" stroke-dasharray="4 4" opacity="0.8"/>`;
    s += `<rect x="${cx - 11}" y="${top + 30}" width="22" height="60" rx="6" fill="${o.zipColour ?? '#9aa0a6'}" stroke="${c.line}" stroke-width="3"/>`;
    if (o.flap) for (let i = 0; i < 6; i++) s += button(cx + 30, top + 80 + i * ((y0 + L - top - 160) / 5), 10, tone(c.base, -0.2), 0);
  }
  if (o.open === 'double') {
    for (const dx of [-85, 85]) for (let i = 0; i < 5; i++) s += button(cx + dx, y0 + 170 + i * 120, 15, o.btn ?? '#ffffff', 0);
    s += seam(`M${cx + 150},${y0 + 60} L${cx + 150},${y0 + L}`, c, 4);
  }
  if (o.open === 'wrap') {
    s += `<path d="M${cx - g.nw},${y0} L${cx + 60},${top + 150} L${cx + g.bw - 20},${y0 + 600}" fill="none" stroke="${c.line}" stroke-width="5"/>`;
  }
  return s;
}
function reflective(g, backSide = false) {
  const { cx, y0, bw } = g;
  let s = '';
  for (const y of [y0 + 480, y0 + 640]) {
    s += `<rect x="${cx - bw}" y="${y}" width="${2 * bw}" height="50" fill="#c9ced4" stroke="#9aa0a8" stroke-width="3"/><rect x="${cx - bw}" y="${y + 19}" width="${2 * bw}" height="12" fill="#eef1f4"/>`;
  }
  if (!backSide) s += `<rect x="${cx - 28}" y="${y0 + 470}" width="56" height="240" fill="url(#gf)"/>`;
  return s;
}
function cableColumn(x, y1, y2, w, c) {
  let s = `<rect x="${x - w / 2}" y="${y1}" width="${w}" height="${y2 - y1}" fill="${c.shade}" opacity="0.5"/>`;
  const step = w * 1.15;
  for (let y = y1; y < y2 - step / 2; y += step) {
    const h = Math.min(step, y2 - y);
    s += `<path d="M${x - w / 4},${y} C${x - w / 4},${y + h * 0.5} ${x + w / 4},${y + h * 0.5} ${x + w / 4},${y + h}" fill="none" stroke="${c.light}" stroke-width="${w / 5}" stroke-linecap="round"/>`;
    s += `<path d="M${x + w / 4},${y} C${x + w / 4},${y + h * 0.5} ${x - w / 4},${y + h * 0.5} ${x - w / 4},${y + h}" fill="none" stroke="${c.base}" stroke-width="${w / 5}" stroke-linecap="round"/>`;
    s += `<path d="M${x + w / 4},${y} C${x + w / 4},${y + h * 0.5} ${x - w / 4},${y + h * 0.5} ${x - w / 4},${y + h}" fill="none" stroke="${c.line}" stroke-width="3" opacity="0.4"/>`;
  }
  s += `<path d="M${x - w / 2},${y1} V${y2} M${x + w / 2},${y1} V${y2}" stroke="${c.deep}" stroke-width="6" opacity="0.6"/>`;
  return s;
}
function ieSleeve(a, colours) {
  // altiță (shoulder panel), încreț (narrow band) and râuri (rows down the sleeve)
  const [red, black] = colours;
  const P = (t, u) => { // t along the sleeve (0 top, 1 cuff), u across (0 outer, 1 inner)
    const top = [a.S[0] + (a.A[0] - a.S[0]) * u, a.S[1] + (a.A[1] - a.S[1]) * u];
    const bot = [a.O[0] + (a.I[0] - a.O[0]) * u, a.O[1] + (a.I[1] - a.O[1]) * u];
    return [top[0] + (bot[0] - top[0]) * t, top[1] + (bot[1] - top[1]) * t];
  };
  let s = `<path d="M${pts([P(0.08, 0.04), P(0.08, 0.96), P(0.3, 0.96), P(0.3, 0.04)])} Z" fill="${red}" opacity="0.9"/>`;
  for (let i = 0; i < 6; i++) {
    const u = 0.12 + i * 0.15, m = P(0.19, u);
    s += `<path d="M${f(m[0])},${f(m[1] - 26)} l22,26 l-22,26 l-22,-26 Z" fill="${black}"/><circle cx="${f(m[0])}" cy="${f(m[1])}" r="6" fill="#f2f0ea"/>`;
  }
  s += `<path d="M${pts([P(0.34, 0.04), P(0.34, 0.96)])}" stroke="${black}" stroke-width="12" stroke-dasharray="10 6"/>`;
  for (const u of [0.25, 0.5, 0.75]) {
    const p1 = P(0.4, u), p2 = P(0.95, u);
    s += `<path d="M${pts([p1, p2])}" stroke="${red}" stroke-width="14" stroke-dasharray="14 10"/>`;
  }
  return s;
}

// ------------------------------------------------- garment: trousers & co.

function drawTrousers(c, view, o = {}) {
  const cx = 800, top = o.top ?? 330, hem = o.hem ?? 1870;
  const hip = o.hip ?? 290, outer = o.outer ?? 270, inner = o.inner ?? 45, crotch = o.crotch ?? 760;
  const back = view === 'back';
  let s = '';
  // clip hanger
  if (!o.noHanger) s += `<path d="M800 ${top - 70} V${top - 130} a45 45 0 1 1 90 0" fill="none" stroke="#8d9298" stroke-width="10" stroke-linecap="round"/><rect x="${cx - 330}" y="${top - 78}" width="660" height="22" rx="10" fill="#8d9298"/><rect x="${cx - 280}" y="${top - 66}" width="40" height="86" rx="6" fill="#6f747a"/><rect x="${cx + 240}" y="${top - 66}" width="40" height="86" rx="6" fill="#6f747a"/>`;
  const legs = `M${cx - hip + 10},${top} L${cx + hip - 10},${top} L${cx + hip},${top + 260} L${cx + outer},${hem} L${cx + inner},${hem} L${cx},${crotch} L${cx - inner},${hem} L${cx - outer},${hem} L${cx - hip},${top + 260} Z`;
  s += part(legs, c, 1);
  s += `<rect x="${cx - hip + 10}" y="${top}" width="${2 * hip - 20}" height="62" fill="url(#gf)" stroke="${c.line}" stroke-width="5"/>`;
  if (o.pleats) for (const sd of [-1, 1]) s += seam(`M${cx + sd * 90},${top + 62} L${cx + sd * 110},${top + 330} M${cx + sd * 150},${top + 62} L${cx + sd * 165},${top + 250}`, c, 4);
  // belt loops
  for (const x of [-220, -100, 100, 220]) s += `<rect x="${cx + x - 9}" y="${top - 6}" width="18" height="74" rx="4" fill="${c.shade}" stroke="${c.line}" stroke-width="3"/>`;
  // creases / folds
  s += seam(`M${cx - (outer + inner) / 2},${top + 380} L${cx - (outer + inner) / 2 - 4},${hem - 20} M${cx + (outer + inner) / 2},${top + 380} L${cx + (outer + inner) / 2 + 4},${hem - 20}`, c, 2.5, '2 0');
  const thread = o.thread ?? c.detail;
  if (!back) {
    if (o.jeans) {
      s += stitch(`M${cx - hip + 30},${top + 70} Q${cx - hip + 150},${top + 90} ${cx - hip + 170},${top + 220}`, thread) + stitch(`M${cx + hip - 30},${top + 70} Q${cx + hip - 150},${top + 90} ${cx + hip - 170},${top + 220}`, thread);
      s += stitch(`M${cx - 10},${top + 62} V${top + 300} Q${cx - 10},${top + 340} ${cx - 60},${top + 300}`, thread);
      s += button(cx - 10, top + 31, 15, '#b07a3c', 0);
      for (const x of [cx - hip + 150, cx + hip - 150]) s += `<circle cx="${x}" cy="${top + 80}" r="7" fill="#b87333"/>`;
    } else {
      s += seam(`M${cx - hip + 30},${top + 62} L${cx - hip + 110},${top + 260} M${cx + hip - 30},${top + 62} L${cx + hip - 110},${top + 260}`, c, 4);
      s += seam(`M${cx - 10},${top + 62} V${top + 290} Q${cx - 10},${top + 330} ${cx - 50},${top + 300}`, c, 3);
      s += button(cx, top + 31, 14, o.btn ?? tone(c.base, -0.3), 4);
    }
  } else {
    if (o.jeans) {
      s += stitch(`M${cx - hip + 10},${top + 150} L${cx},${top + 220} L${cx + hip - 10},${top + 150}`, thread);
      for (const sd of [-1, 1]) {
        const x = cx + sd * 150;
        s += `<path d="M${x - 90},${top + 250} L${x + 90},${top + 250} L${x + 80},${top + 450} L${x},${top + 490} L${x - 80},${top + 450} Z" fill="url(#gf)" stroke="${c.line}" stroke-width="4"/>` + stitch(`M${x - 78},${top + 265} L${x + 78},${top + 265}`, thread) + stitch(`M${x - 60},${top + 330} Q${x},${top + 370} ${x + 60},${top + 330}`, thread);
      }
      s += `<rect x="${cx + 120}" y="${top + 10}" width="120" height="42" rx="4" fill="#a87e55" stroke="#6f4f33" stroke-width="3"/>`;
    } else {
      for (const sd of [-1, 1]) {
        const x = cx + sd * 150;
        s += `<path d="M${x - 80},${top + 170} H${x + 80}" stroke="${c.line}" stroke-width="6"/>` + button(x, top + 150, 11, o.btn ?? tone(c.base, -0.3), 2);
      }
    }
  }
  if (o.kneePads) for (const sd of [-1, 1]) s += `<rect x="${cx + sd * ((outer + inner) / 2) - 100}" y="1180" width="200" height="210" rx="16" fill="${c.shade}" stroke="${c.line}" stroke-width="5"/>` + stitch(`M${cx + sd * ((outer + inner) / 2) - 86},1196 H${cx + sd * ((outer + inner) / 2) + 86}`, c.detail);
  return s;
}

function drawBib(c, view) {
  const cx = 800;
  let s = '';
  const back = view === 'back';
  s += `<path d="M800 60 V20 a40 40 0 1 1 80 0" fill="none" stroke="#8d9298" stroke-width="10" stroke-linecap="round"/><rect x="540" y="52" width="520" height="20" rx="10" fill="#8d9298"/>`;
  // braces
  if (!back) {
    s += `<path d="M${cx - 140},420 L${cx - 230},70 M${cx + 140},420 L${cx + 230},70" stroke="${c.shade}" stroke-width="54" stroke-linecap="round"/>`;
  } else {
    s += `<path d="M${cx - 170},560 L${cx + 200},70 M${cx + 170},560 L${cx - 200},70" stroke="${c.shade}" stroke-width="54" stroke-linecap="round"/>`;
    s += `<path d="M${cx - 60},420 L${cx + 60},420 L${cx},320 Z" fill="#2c2c2c" opacity="0.6"/>`;
  }
  s += drawTrousers(c, view, { top: 560, hem: 1900, noHanger: true, kneePads: !back });
  if (!back) {
    s += part(`M${cx - 190},330 L${cx + 190},330 L${cx + 210},600 L${cx - 210},600 Z`, c, 1);
    s += `<rect x="${cx - 110}" y="380" width="220" height="170" rx="8" fill="url(#gf)" stroke="${c.line}" stroke-width="4"/><path d="M${cx - 90},400 H${cx + 90}" stroke="#9aa0a6" stroke-width="10"/>`;
    for (const sd of [-1, 1]) s += `<rect x="${cx + sd * 160 - 28}" y="372" width="56" height="50" rx="8" fill="#3a3d42"/>`;
    s += stitch(`M${cx - 176},350 H${cx + 176}`, c.detail);
  }
  return s;
}

function drawDress(c, view, o = {}) {
  const cx = 800;
  const back = view === 'back';
  const y0 = o.y0 ?? 380, waist = o.waist ?? 760, hem = o.hem ?? 1800, hemW = o.hemW ?? 470, ww = o.ww ?? 200;
  let s = '';
  if (o.straps) {
    s += hook(y0 - 70);
    // slip dress / gown
    s += `<path d="M${cx - 120},${y0 + 130} L${cx - 140},${y0 - 60} M${cx + 120},${y0 + 130} L${cx + 140},${y0 - 60}" stroke="${c.shade}" stroke-width="12"/>`;
    if (back) s += `<path d="M${cx - 130},${y0 + 20} L${cx + 170},${y0 + 420} M${cx + 130},${y0 + 20} L${cx - 170},${y0 + 420}" stroke="${c.shade}" stroke-width="12"/>`;
    const d = back
      ? `M${cx - 220},${y0 + 140} L${cx - 160},${y0 + 140} Q${cx},${y0 + 700} ${cx + 160},${y0 + 140} L${cx + 220},${y0 + 140} L${cx + ww},${waist} Q${cx + hemW - 60},${hem - 300} ${cx + hemW},${hem} Q${cx},${hem + 40} ${cx - hemW},${hem} Q${cx - hemW + 60},${hem - 300} ${cx - ww},${waist} Z`
      : `M${cx - 220},${y0 + 140} Q${cx},${y0 + 340} ${cx + 220},${y0 + 140} L${cx + ww},${waist} Q${cx + hemW - 60},${hem - 300} ${cx + hemW},${hem} Q${cx},${hem + 40} ${cx - hemW},${hem} Q${cx - hemW + 60},${hem - 300} ${cx - ww},${waist} Z`;
    s += part(d, c, 0);
    // sheen
    s += `<path d="M${cx - 60},${y0 + 300} Q${cx - 90},${waist + 300} ${cx - 180},${hem - 20}" stroke="${c.light}" stroke-width="40" fill="none" opacity="0.55" stroke-linecap="round"/><path d="M${cx + 90},${waist} Q${cx + 120},${waist + 400} ${cx + 250},${hem - 20}" stroke="${c.deep}" stroke-width="30" fill="none" opacity="0.35" stroke-linecap="round"/>`;
    if (!back) for (let i = 0; i < 3; i++) s += `<path d="M${cx - 170 + i * 20},${y0 + 170 + i * 40} Q${cx},${y0 + 330 + i * 50} ${cx + 170 - i * 20},${y0 + 170 + i * 40}" stroke="${c.deep}" stroke-width="5" fill="none" opacity="0.5"/>`;
    return s;
  }
  // dress with a bodice
  const g = { y0, L: waist - y0, bw: o.bw ?? 230, sw: o.sw ?? 250, hw: ww, nw: o.nw ?? 100, sleeve: o.sleeve ?? 'short', arm: 240, slen: o.slen, cuff: o.cuff, angle: o.angle };
  const skirt = o.tiers
    ? `M${cx - ww},${waist} L${cx + ww},${waist} L${cx + hemW},${hem} Q${cx},${hem + 40} ${cx - hemW},${hem} Z`
    : `M${cx - ww},${waist} L${cx + ww},${waist} Q${cx + hemW - 40},${hem - 400} ${cx + hemW},${hem} Q${cx},${hem + 40} ${cx - hemW},${hem} Q${cx - hemW + 40},${hem - 400} ${cx - ww},${waist} Z`;
  s += part(skirt, c, 1);
  if (o.gathers || o.tiers) for (let i = -4; i <= 4; i++) s += seam(`M${cx + i * (ww / 5)},${waist + 20} L${cx + i * (hemW / 5)},${hem - 20}`, c, 2.5);
  if (o.tiers) for (const t of [0.36, 0.68]) { const y = waist + (hem - waist) * t, w = ww + (hemW - ww) * t; s += `<path d="M${cx - w},${y} Q${cx},${y + 24} ${cx + w},${y}" fill="none" stroke="${c.line}" stroke-width="5"/>`; }
  s += drawTop(c, view, { ...g, neck: o.neck ?? 'crew', open: back ? undefined : o.open, vdepth: o.vdepth, btn: o.btn, buttons: o.buttons, cuffs: o.cuffs, extras: o.extras });
  if (o.belt) {
    s += `<rect x="${cx - ww - 6}" y="${waist - 22}" width="${2 * ww + 12}" height="44" fill="url(#gf)" stroke="${c.line}" stroke-width="4"/>`;
    if (!back) s += `<path d="M${cx + 40},${waist} q40 80 10 220 M${cx + 40},${waist} q90 60 100 200" stroke="${c.shade}" stroke-width="34" fill="none" stroke-linecap="round"/><ellipse cx="${cx + 40}" cy="${waist}" rx="34" ry="28" fill="${c.shade}" stroke="${c.line}" stroke-width="4"/>`;
  } else s += seam(`M${cx - ww},${waist} L${cx + ww},${waist}`, c, 4);
  if (o.pockets && !back) for (const sd of [-1, 1]) s += seam(`M${cx + sd * (ww + 20)},${waist + 90} q${sd * 20} 90 ${sd * 8} 170`, c, 4);
  if (o.backButtons && back) for (let i = 0; i < 5; i++) s += button(cx, y0 + 60 + i * 70, 9, c.light, 0);
  return s;
}

function drawBodysuit(c, view) {
  const cx = 800, y0 = 470;
  let s = hook(y0 - 40);
  const g = topGeom({ y0, sw: 330, bw: 310, nw: 120, arm: 300, slen: 640, cuff: 80 });
  for (const a of g.arms) s += part(sleevePath(a), c, 1) + `<path d="${band(a, 60)}" fill="${c.shade}" stroke="${c.line}" stroke-width="4"/><path d="${band(a, 60)}" fill="url(#rib)"/>`;
  const back = view === 'back';
  const dip = back ? 26 : 80;
  s += neckInside(g, c, dip);
  const d = `M${cx - 120},${y0} L${cx - 330},${y0 + 55} L${cx - 310},${y0 + 355} L${cx - 300},${y0 + 820} Q${cx - 250},${y0 + 1050} ${cx - 90},${y0 + 1130} L${cx + 90},${y0 + 1130} Q${cx + 250},${y0 + 1050} ${cx + 300},${y0 + 820} L${cx + 310},${y0 + 355} L${cx + 330},${y0 + 55} L${cx + 120},${y0} Q${cx},${y0 + 2 * dip} ${cx - 120},${y0} Z`;
  s += part(d, c, 1);
  s += `<path d="M${cx - 120},${y0} Q${cx},${y0 + 2 * dip} ${cx + 120},${y0}" fill="none" stroke="${c.shade}" stroke-width="26"/>`;
  for (const a of g.arms) s += seam(`M${pts([a.S])} L${pts([a.A])}`, c);
  // envelope neck overlaps on the shoulders
  for (const sd of [-1, 1]) s += seam(`M${cx + sd * 150},${y0 + 6} L${cx + sd * 250},${y0 + 120}`, c, 4);
  // leg openings
  s += `<path d="M${cx - 300},${y0 + 820} Q${cx - 250},${y0 + 1050} ${cx - 90},${y0 + 1130}" fill="none" stroke="${c.shade}" stroke-width="22"/><path d="M${cx + 300},${y0 + 820} Q${cx + 250},${y0 + 1050} ${cx + 90},${y0 + 1130}" fill="none" stroke="${c.shade}" stroke-width="22"/>`;
  if (!back) for (const x of [-50, 0, 50]) s += button(cx + x, y0 + 1100, 12, '#f6f6f4', 0);
  else s += `<rect x="${cx - 100}" y="${y0 + 1120}" width="200" height="50" rx="10" fill="url(#gf)" stroke="${c.line}" stroke-width="4"/>`;
  return s;
}

function drawBriefs(c) {
  const cx = 800, y = 720;
  const d = `M${cx - 360},${y} L${cx + 360},${y} L${cx + 350},${y + 200} Q${cx + 170},${y + 300} ${cx + 110},${y + 560} L${cx - 110},${y + 560} Q${cx - 170},${y + 300} ${cx - 350},${y + 200} Z`;
  let s = part(d, c, 1);
  s += `<path d="M${cx - 360},${y} L${cx + 360},${y} L${cx + 358},${y + 70} L${cx - 358},${y + 70} Z" fill="${c.shade}" opacity="0.55"/><path d="M${cx - 358},${y + 70} H${cx + 358}" stroke="${c.deep}" stroke-width="3" opacity="0.5"/>`;
  s += `<path d="M${cx + 350},${y + 200} Q${cx + 170},${y + 300} ${cx + 110},${y + 560} M${cx - 350},${y + 200} Q${cx - 170},${y + 300} ${cx - 110},${y + 560}" fill="none" stroke="${c.shade}" stroke-width="20"/>`;
  s += `<path d="M${cx - 200},${y + 140} Q${cx},${y + 200} ${cx + 200},${y + 140}" stroke="${c.light}" stroke-width="30" fill="none" opacity="0.5"/>`;
  return s;
}

function drawScrubs(c, view) {
  const pants = shades(c.name);
  pants.base = tone(c.base, -0.06);
  let s = drawTrousers(pants, view, { top: 1020, hem: 1930, hip: 270, outer: 250, inner: 40, crotch: 1400, noHanger: true });
  s += drawTop(c, view, { y0: 330, L: 860, sleeve: 'short', neck: view === 'back' ? 'crew' : 'v', vdepth: 230, sw: 290, bw: 280, extras: (g, v) => v === 'back' ? '' : pocket(g.cx - 180, g.y0 + 250, 130, 140, c) + pocket(g.cx - 230, g.y0 + 580, 170, 170, c) + pocket(g.cx + 60, g.y0 + 580, 170, 170, c) });
  return s;
}
function pocket(x, y, w, h, c, flap = false) {
  let s = `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="url(#gf)" stroke="${c.line}" stroke-width="4"/>` + stitch(`M${x + 10},${y + 16} H${x + w - 10}`, c.detail);
  if (flap) s += `<path d="M${x - 6},${y - 10} H${x + w + 6} V${y + 40} L${x + w / 2},${y + 58} L${x - 6},${y + 40} Z" fill="url(#gf)" stroke="${c.line}" stroke-width="4"/>` + button(x + w / 2, y + 36, 10, tone(c.base, -0.2), 0);
  return s;
}

// -------------------------------------------------------- garment details

function garmentDetail(kind, c, ctx) {
  const W = 1600, H = 2000;
  let s = `<rect width="${W}" height="${H}" fill="url(#gf)"/><rect width="${W}" height="${H}" fill="url(#tex)" opacity="0.7"/>`;
  const fold = (y, col) => `<path d="M-20 ${y} C400 ${y - 80} 1100 ${y + 90} 1620 ${y - 20}" stroke="${col}" stroke-width="70" fill="none" opacity="0.18" stroke-linecap="round"/>`;
  s += fold(620, c.deep) + fold(1400, c.light);
  switch (kind) {
    case 'sweater': case 'vneck': case 'turtleneck': case 'polo': case 'cardigan': {
      if (kind === 'cardigan') {
        s += cableColumn(560, -20, 2020, 360, c);
        s += `<rect x="1080" y="-20" width="220" height="2040" fill="${c.shade}" stroke="${c.line}" stroke-width="6"/><rect x="1080" y="-20" width="220" height="2040" fill="url(#rib)"/>`;
        s += button(1190, 980, 62, '#9c7448', 2);
      } else if (kind === 'vneck') {
        s += `<path d="M200 -40 L800 1240 L1400 -40" fill="none" stroke="${c.shade}" stroke-width="230"/><path d="M200 -40 L800 1240 L1400 -40" fill="none" stroke="url(#rib)" stroke-width="230"/><path d="M200 -40 L800 1240 L1400 -40" fill="none" stroke="${c.deep}" stroke-width="6" transform="translate(0 -120)"/><path d="M${800 - 130} 1120 L800 1400 L${800 + 130} 1120" fill="none" stroke="${c.line}" stroke-width="6"/><path d="M0 -30 L800 -30 L1600 -30" fill="none"/>`;
        s += `<path d="M330 -40 L800 960 L1270 -40 Z" fill="${c.deep}"/>`;
      } else if (kind === 'turtleneck') {
        s += `<path d="M-20 760 Q800 560 1620 760 L1620 1180 Q800 980 -20 1180 Z" fill="${c.base}" stroke="${c.line}" stroke-width="6"/><path d="M-20 760 Q800 560 1620 760 L1620 1180 Q800 980 -20 1180 Z" fill="url(#rib)"/><path d="M-20 1180 Q800 980 1620 1180" fill="none" stroke="${c.deep}" stroke-width="24" opacity="0.6"/>`;
      } else {
        s += `<path d="M-20 1300 Q800 1240 1620 1300 L1620 2020 L-20 2020 Z" fill="${c.shade}" stroke="${c.line}" stroke-width="6"/><path d="M-20 1300 Q800 1240 1620 1300 L1620 2020 L-20 2020 Z" fill="url(#rib)"/>`;
        s += stitch('M-20 1260 Q800 1200 1620 1260', c.detail, 5);
      }
      break;
    }
    case 'shirt': case 'blouse': case 'chef': case 'dress': case 'tiereddress': case 'wrapdress': {
      if (ctx.id.includes('linen')) {
        s += `<path d="M-20 0 H700 V2000 H-20 Z" fill="${c.shade}" opacity="0.25"/>` + stitch('M690 -20 V2020', c.detail, 5) + button(520, 900, 70, '#a58a66', 2) + button(520, 1500, 70, '#a58a66', 2);
      } else if (kind === 'chef') {
        s += `<path d="M500 300 L1200 300 L1240 1700 L460 1700 Z" fill="url(#gf)" stroke="${c.line}" stroke-width="8"/>` + stitch('M520 360 L1180 360', c.detail, 5);
        s += `<rect x="640" y="500" width="220" height="560" rx="20" fill="${c.shade}" stroke="${c.line}" stroke-width="6"/><rect x="900" y="440" width="40" height="380" rx="18" fill="#3b4f7a"/><rect x="680" y="430" width="26" height="500" rx="8" fill="#9aa0a6"/>`;
        s += button(800, 1350, 80, '#ffffff', 0) + `<path d="M740 1350 h120 M800 1290 v120" stroke="#c9c9c9" stroke-width="10"/>`;
      } else {
        // collar point with a small button
        s += `<path d="M-20 200 L980 420 L560 1500 L-20 1100 Z" fill="url(#gf)" stroke="${c.line}" stroke-width="8" stroke-linejoin="round"/><path d="M-20 200 L980 420 L560 1500 L-20 1100 Z" fill="url(#tex)"/>`;
        s += stitch('M40 290 L900 480 L520 1420', c.detail, 5);
        s += button(700, 1140, 52, ctx.btn ?? '#f4f1ea', 4);
        s += `<path d="M1100 -20 V2020" stroke="${c.line}" stroke-width="8"/>` + button(1250, 400, 56, ctx.btn ?? '#f4f1ea', 4) + button(1250, 1300, 56, ctx.btn ?? '#f4f1ea', 4);
      }
      break;
    }
    case 'bodysuit': {
      s += `<path d="M-20 300 Q700 520 1620 240 L1620 620 Q700 900 -20 680 Z" fill="${c.shade}" stroke="${c.line}" stroke-width="6"/><path d="M-20 300 Q700 520 1620 240 L1620 620 Q700 900 -20 680 Z" fill="url(#rib)"/>`;
      s += `<path d="M-20 1450 Q800 1380 1620 1450" stroke="${c.line}" stroke-width="6" fill="none"/>`;
      for (const x of [450, 800, 1150]) s += button(x, 1600, 62, '#f6f6f4', 0);
      break;
    }
    case 'kidsdress': {
      s = `<rect width="${W}" height="${H}" fill="${PALETTE.multicolour}"/>${texFloral(c)}`;
      s += `<path d="M300 700 Q330 1100 300 1500 L1320 1500 Q1290 1100 1320 700" fill="none" stroke="${tone(PALETTE.pink, -0.35)}" stroke-width="10"/>` + stitch('M330 760 Q360 1100 330 1440 L1290 1440', tone(PALETTE.pink, -0.35), 6);
      break;
    }
    case 'jeans': case 'trousers': case 'widetrousers': case 'bib': case 'scrubs': {
      s += stitch('M-20 700 C600 660 1000 760 1620 700', '#d98b2b', 8) + stitch('M-20 760 C600 720 1000 820 1620 760', '#d98b2b', 8);
      s += stitch('M760 -20 C740 700 820 1300 760 2020', '#d98b2b', 8) + stitch('M820 -20 C800 700 880 1300 820 2020', '#d98b2b', 8);
      s += `<circle cx="560" cy="1180" r="62" fill="#b87333" stroke="#7c4a1f" stroke-width="8"/><circle cx="560" cy="1180" r="26" fill="#d39a5e"/>`;
      s += `<path d="M900 1000 L1620 1100 L1620 2020 L1000 2020 Z" fill="${c.shade}" stroke="${c.line}" stroke-width="6" opacity="0.7"/>`;
      break;
    }
    case 'quilted': {
      s += `<path d="M-20 -20 H1620 V560 Q800 640 -20 560 Z" fill="#6d4b2f" stroke="#4a321e" stroke-width="8"/><path d="M-20 -20 H1620 V560 Q800 640 -20 560 Z" fill="url(#cord)"/>`;
      break;
    }
    case 'parka': case 'softshell': case 'rain': case 'hivis': case 'kidsjacket': {
      s += `<rect x="640" y="-20" width="70" height="2040" fill="${c.line}"/><rect x="650" y="-20" width="50" height="2040" fill="url(#zip)"/>`;
      s += `<rect x="680" y="500" width="60" height="170" rx="14" fill="#8d9298" stroke="${c.line}" stroke-width="6"/>`;
      s += `<path d="M740 -20 H1040 V2020 H740 Z" fill="url(#gf)" stroke="${c.line}" stroke-width="8"/>` + stitch('M1010 -20 V2020', c.detail, 6);
      for (const y of [300, 1000, 1700]) s += button(890, y, 50, tone(c.base, -0.2), 0);
      s += `<path d="M1100 1200 H1620 V1520 Q1360 1580 1100 1520 Z" fill="url(#gf)" stroke="${c.line}" stroke-width="8"/>` + stitch('M1120 1240 H1620', c.detail, 6);
      break;
    }
    case 'gown': {
      s = `<rect width="${W}" height="${H}" fill="${c.base}"/>`;
      for (let i = 0; i < 7; i++) s += `<path d="M${-200 + i * 300} -20 C${i * 300} 700 ${-300 + i * 300} 1300 ${-100 + i * 300} 2020" stroke="${i % 2 ? c.light : c.deep}" stroke-width="${120 + (i % 3) * 40}" fill="none" opacity="0.45" stroke-linecap="round"/>`;
      s += `<path d="M1100 -20 C1080 600 1000 1100 960 2020" stroke="${c.shade}" stroke-width="36" fill="none"/><path d="M1100 -20 C1080 600 1000 1100 960 2020" stroke="${c.light}" stroke-width="8" fill="none" opacity="0.7"/>`;
      break;
    }
    case 'ie': {
      s += `<rect x="-20" y="300" width="1640" height="1100" fill="#f4f2ec" opacity="0.01"/>`;
      for (let r = 0; r < 3; r++) s += ieMotif(800, 420 + r * 560, 1.9);
      s += `<path d="M-20 150 H1620 M-20 1850 H1620" stroke="#2b2c30" stroke-width="24" stroke-dasharray="24 16"/>`;
      break;
    }
    case 'briefs': {
      s += `<path d="M-20 400 Q800 300 1620 400 L1620 900 Q800 800 -20 900 Z" fill="${c.shade}" opacity="0.45"/><path d="M-20 900 Q800 800 1620 900" stroke="${c.deep}" stroke-width="6" fill="none" opacity="0.5"/>`;
      break;
    }
    default:
      s += stitch('M-20 1000 H1620', c.detail, 6);
  }
  return s;
}
function texFloral() {
  return `<rect width="1600" height="2000" fill="url(#flor)"/>`;
}
function ieMotif(x, y, k) {
  const red = '#b9352c', black = '#2b2c30';
  let s = '';
  const sq = (dx, dy, col) => `<rect x="${f(x + dx * 22 * k - 9 * k)}" y="${f(y + dy * 22 * k - 9 * k)}" width="${f(18 * k)}" height="${f(18 * k)}" fill="${col}"/>`;
  // wheat ear: stem and grains, plus a rhombus
  for (let i = -5; i <= 5; i++) s += sq(0, i, black);
  for (let i = -4; i <= 3; i++) { s += sq(-1 - (i % 2 === 0 ? 1 : 0), i, red) + sq(1 + (i % 2 === 0 ? 1 : 0), i, red); }
  for (const [dx, dy] of [[-6, 0], [6, 0]]) for (const [a, b] of [[0, -2], [1, -1], [2, 0], [1, 1], [0, 2], [-1, 1], [-2, 0], [-1, -1], [0, 0]]) s += sq(dx + a, dy + b, a === 0 && b === 0 ? black : red);
  return s;
}

/** Close-ups of landscape items (home textiles, leather goods). */
function homeDetail(kind, c, ctx) {
  const W = 2000, H = 1500;
  let s = `<rect width="${W}" height="${H}" fill="url(#gf)"/>`;
  switch (kind) {
    case 'towels': {
      const cell = 100;
      s += `<rect width="${W}" height="${H}" fill="${c.base}"/>`;
      let d = '', e = '';
      for (let y = -20; y < 1180; y += cell) for (let x = -20; x < W; x += cell) {
        d += `M${x + 12},${y + 12}h${cell - 24}v${cell - 24}h${-(cell - 24)}z`;
        e += `M${x + 12},${y + cell - 12}h${cell - 24}`;
      }
      s += `<path d="${d}" fill="${c.shade}" stroke="${c.deep}" stroke-width="4" stroke-opacity="0.4"/><path d="${e}" stroke="${c.light}" stroke-width="8" opacity="0.6"/>`;
      s += `<rect x="0" y="1180" width="${W}" height="320" fill="${c.base}"/><rect x="0" y="1180" width="${W}" height="320" fill="url(#rib)"/>` + stitch(`M0,1230 H${W}`, c.detail, 6) + stitch(`M0,1440 H${W}`, c.detail, 6);
      s += `<path d="M1500,1300 q80,-260 160,0" fill="none" stroke="${c.shade}" stroke-width="44" stroke-linecap="round"/>`;
      return s;
    }
    case 'tote': case 'belt': case 'cardholder': {
      s += `<rect width="${W}" height="${H}" fill="url(#tex)"/>`;
      // a handle crossing the leather, with painted edges and saddle stitching
      s += `<path d="M-40,1180 C600,1060 1200,420 2040,260" stroke="${c.deep}" stroke-width="330" fill="none"/><path d="M-40,1180 C600,1060 1200,420 2040,260" stroke="${c.base}" stroke-width="300" fill="none"/><path d="M-40,1180 C600,1060 1200,420 2040,260" stroke="url(#tex)" stroke-width="300" fill="none"/>`;
      for (const off of [-118, 118]) s += `<path d="M-40,${1180 + off} C600,${1060 + off} 1200,${420 + off} 2040,${260 + off}" stroke="${c.detail}" stroke-width="9" stroke-dasharray="26 18" fill="none" stroke-linecap="round"/>`;
      for (const off of [-150, 150]) s += `<path d="M-40,${1180 + off} C600,${1060 + off} 1200,${420 + off} 2040,${260 + off}" stroke="${tone(c.base, -0.55)}" stroke-width="12" fill="none"/>`;
      s += `<circle cx="520" cy="330" r="70" fill="#c9a227" stroke="#8c6d12" stroke-width="10"/><circle cx="520" cy="330" r="30" fill="#e4c65a"/>`;
      s += stitch('M0,120 H2000', c.detail, 9);
      return s;
    }
    case 'tablecloth': {
      const acc = shades(ctx.colours[1] ?? 'burgundy');
      s += `<rect width="${W}" height="${H}" fill="url(#tex)"/>`;
      for (let i = 0; i < 9; i++) s += `<path d="M${i * 250 - 60},750 l125,-160 l125,160 l-125,160 Z" fill="${acc.base}" opacity="0.9"/>`;
      s += `<path d="M0,520 H${W} M0,980 H${W}" stroke="${acc.base}" stroke-width="30"/>`;
      return s;
    }
    default: { // bed linen: crumpled linen with the buttoned opening
      s += `<rect width="${W}" height="${H}" fill="url(#tex)"/>`;
      for (let i = 0; i < 6; i++) s += `<path d="M${-100 + i * 380},-20 C${60 + i * 380},400 ${-160 + i * 380},900 ${40 + i * 380},1520" stroke="${i % 2 ? c.light : c.deep}" stroke-width="${90 + (i % 3) * 30}" fill="none" opacity="0.22" stroke-linecap="round"/>`;
      s += `<path d="M-20,980 C600,940 1300,1020 2020,960 L2020,1520 L-20,1520 Z" fill="${c.shade}" stroke="${c.line}" stroke-width="6"/><path d="M-20,980 C600,940 1300,1020 2020,960 L2020,1520 L-20,1520 Z" fill="url(#tex)"/>`;
      s += stitch('M-20,1040 C600,1000 1300,1080 2020,1020', c.detail, 6);
      for (const x of [300, 800, 1300, 1800]) s += button(x, 972 + Math.sin(x / 300) * 18, 46, '#a58a66', 2);
      return s;
    }
  }
}

// ----------------------------------------------------------- home textiles

function drawBedset(c, ctx) {
  const W = 2000;
  const c2 = shades(ctx.colours[1] ?? 'white');
  let s = `<rect x="0" y="1180" width="${W}" height="320" fill="#b89a78"/><rect x="0" y="1180" width="${W}" height="14" fill="#8f7356"/>`;
  s += `<rect x="300" y="230" width="1400" height="520" rx="40" fill="#9b7653" stroke="#6e5238" stroke-width="6"/><rect x="340" y="270" width="1320" height="440" rx="28" fill="#ad8a66"/>`;
  s += `<rect x="280" y="700" width="1440" height="520" rx="30" fill="#e9e4dc" stroke="#b9b2a6" stroke-width="5"/>`;
  for (const x of [430, 1040]) {
    s += `<path d="M${x},520 Q${x + 260},470 ${x + 520},520 Q${x + 560},640 ${x + 520},760 Q${x + 260},800 ${x},760 Q${x - 40},640 ${x},520 Z" fill="url(#gf)" stroke="${c.line}" stroke-width="5"/><path d="M${x},520 Q${x + 260},470 ${x + 520},520 Q${x + 560},640 ${x + 520},760 Q${x + 260},800 ${x},760 Q${x - 40},640 ${x},520 Z" fill="url(#tex)"/>`;
    s += `<path d="M${x + 60},600 Q${x + 260},640 ${x + 470},590" stroke="${c.deep}" stroke-width="5" fill="none" opacity="0.4"/>`;
  }
  const duvet = `M250,760 Q1000,700 1750,760 L1790,1260 Q1000,1320 210,1260 Z`;
  s += part(duvet, c, 1);
  s += `<path d="M245,840 Q1000,790 1755,840 L1752,900 Q1000,850 242,900 Z" fill="${c.shade}" stroke="${c.line}" stroke-width="4"/>`;
  for (let i = 0; i < 6; i++) s += `<path d="M${420 + i * 230},930 q${30 - i * 8},150 ${-10 + i * 4},320" stroke="${c.deep}" stroke-width="6" fill="none" opacity="0.3"/>`;
  s += `<rect x="1280" y="980" width="330" height="220" rx="12" fill="${c2.base}" stroke="${c2.line}" stroke-width="4" transform="rotate(-6 1445 1090)"/>`;
  return s;
}
function drawTowels(c, ctx) {
  const cols = [ctx.colours[0], ctx.colours[1] ?? ctx.colours[0], ctx.colours[0], ctx.colours[1] ?? ctx.colours[0]].map(shades);
  let s = `<rect x="0" y="1150" width="2000" height="350" fill="#c8b79f"/>`;
  const heights = [170, 150, 170, 150];
  let y = 1150;
  cols.forEach((cc, i) => {
    const h = heights[i], w = 900 - i * 20, x = 1000 - w / 2 + (i % 2 ? 18 : -12);
    y -= h;
    s += `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${h / 2.2}" fill="${cc.base}" stroke="${cc.line}" stroke-width="5"/>`;
    s += `<rect x="${x + 20}" y="${y + 16}" width="${w - 40}" height="${h - 32}" rx="${h / 3}" fill="url(#waf${i % 2})" opacity="0.9"/>`;
    s += `<rect x="${x + 60}" y="${y + h - 34}" width="${w - 120}" height="14" fill="${cc.shade}"/>`;
  });
  s += `<defs>${[0, 1].map((k) => `<pattern id="waf${k}" width="34" height="34" patternUnits="userSpaceOnUse"><rect x="5" y="5" width="24" height="24" rx="4" fill="${cols[k].shade}" opacity="0.7"/><rect x="9" y="9" width="16" height="16" rx="3" fill="${cols[k].deep}" opacity="0.25"/></pattern>`).join('')}</defs>`;
  return s;
}
function drawTablecloth(c, ctx) {
  const acc = shades(ctx.colours[1] ?? 'burgundy');
  let s = `<rect x="0" y="1100" width="2000" height="400" fill="#bfa98c"/>`;
  s += `<rect x="430" y="1100" width="50" height="330" fill="#7a5a3c"/><rect x="1520" y="1100" width="50" height="330" fill="#7a5a3c"/>`;
  const cloth = `M520,420 L1480,420 L1760,760 L1760,1190 Q1000,1230 240,1190 L240,760 Z`;
  s += part(cloth, c, 1);
  s += `<path d="M240,760 L1760,760" stroke="${c.line}" stroke-width="4" opacity="0.5"/>`;
  // border of rhombi on the table top and on the drop
  let m = '';
  for (let i = 0; i < 24; i++) { const x = 300 + i * 60; m += `<path d="M${x},1020 l30,-36 l30,36 l-30,36 Z" fill="${acc.base}"/>`; }
  for (let i = 0; i < 22; i++) { const x = 610 + i * 36 + 0; if (x < 1400) m += `<path d="M${x},470 l18,-16 l18,16 l-18,16 Z" fill="${acc.base}"/>`; }
  s += m + `<path d="M280,1080 H1720 M280,960 H1720" stroke="${acc.base}" stroke-width="10"/>`;
  s += `<path d="M820,600 l180,-90 l180,90 l-180,90 Z" fill="none" stroke="${acc.base}" stroke-width="14"/><path d="M930,600 l70,-35 l70,35 l-70,35 Z" fill="${acc.base}"/>`;
  for (let i = 0; i < 7; i++) s += `<path d="M${320 + i * 230},780 q${10},200 -6,400" stroke="${c.deep}" stroke-width="8" fill="none" opacity="0.22"/>`;
  return s;
}
function drawBlanket(c, ctx, detail = false) {
  const cols = (ctx.colours.filter((x) => x !== 'multicolour').length ? ctx.colours.filter((x) => x !== 'multicolour') : ['red', 'grey']).map(shades);
  const stripes = (x, y, w, h, k = 1) => {
    let s = '', yy = y, i = 0;
    const seq = [60, 20, 30, 20, 90, 14, 40, 14];
    while (yy < y + h) {
      const hh = Math.min(seq[i % seq.length] * k, y + h - yy);
      s += `<rect x="${x}" y="${yy}" width="${w}" height="${hh}" fill="${cols[i % cols.length].base}"/>`;
      yy += hh; i++;
    }
    return s;
  };
  if (detail) {
    let s = stripes(0, -10, 2000, 1200, 3) + `<rect width="2000" height="1200" fill="url(#tex)" opacity="0.45"/>`;
    for (let i = 0; i < 60; i++) s += `<path d="M${16 + i * 33},1190 q${(i % 3) - 1 * 8},160 ${(i % 2 ? 6 : -6)},300" stroke="${cols[i % cols.length].shade}" stroke-width="14" stroke-linecap="round" fill="none"/>`;
    return s + `<rect x="0" y="1170" width="2000" height="30" fill="${cols[0].deep}"/>`;
  }
  let s = `<rect x="0" y="1150" width="2000" height="350" fill="#c7b59b"/>`;
  const layers = [[500, 960, 1000, 190], [520, 790, 960, 170], [540, 640, 920, 150]];
  for (const [x, y, w, h] of layers) {
    s += `<g><clipPath id="cl${y}"><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="40"/></clipPath><g clip-path="url(#cl${y})">${stripes(x - 10, y, w + 20, h, 0.9)}<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="url(#tex)"/></g><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="40" fill="none" stroke="${cols[0].line}" stroke-width="5"/></g>`;
  }
  for (let i = 0; i < 24; i++) s += `<path d="M${1505 + (i % 2) * 8},${975 + i * 7} q60,${-4 + (i % 3) * 4} 110,${6}" stroke="${cols[i % cols.length].shade}" stroke-width="8" stroke-linecap="round" fill="none"/>`;
  return s;
}

// -------------------------------------------------------------- accessories

function drawTote(c, view) {
  let s = `<rect x="0" y="1200" width="2000" height="300" fill="#cbb99f"/>`;
  if (view === 'side') {
    s += `<path d="M1000,300 C1060,300 1080,420 1080,560" stroke="${c.shade}" stroke-width="40" fill="none"/>`;
    s += part('M860,560 L1140,560 L1160,1200 L840,1200 Z', c, 1);
    s += `<path d="M1000,560 L1000,1200" stroke="${c.deep}" stroke-width="6" opacity="0.6"/><path d="M860,560 L1000,760 L1140,560" fill="none" stroke="${c.deep}" stroke-width="6" opacity="0.5"/>`;
    s += stitch('M880,600 L866,1170', c.detail) + stitch('M1120,600 L1134,1170', c.detail);
    for (const x of [880, 1120]) s += `<circle cx="${x}" cy="1212" r="12" fill="#b3a38a"/>`;
    return s;
  }
  for (const dx of [-170, 170]) s += `<path d="M${1000 + dx - 110},560 C${1000 + dx - 110},240 ${1000 + dx + 110},240 ${1000 + dx + 110},560" stroke="${c.shade}" stroke-width="44" fill="none"/>` + stitch(`M${1000 + dx - 110},540 C${1000 + dx - 110},262 ${1000 + dx + 110},262 ${1000 + dx + 110},540`, c.detail, 3);
  s += part('M560,540 L1440,540 L1500,1200 L500,1200 Z', c, 1);
  s += stitch('M590,575 L1410,575', c.detail) + stitch('M585,600 L530,1170', c.detail) + stitch('M1415,600 L1470,1170', c.detail);
  for (const dx of [-280, -60, 60, 280]) s += `<rect x="${1000 + dx - 25}" y="520" width="50" height="110" rx="6" fill="${c.shade}" stroke="${c.line}" stroke-width="4"/>` + button(1000 + dx, 600, 9, '#c9a227', 0);
  s += `<rect x="880" y="700" width="240" height="90" rx="8" fill="none" stroke="${c.deep}" stroke-width="4" opacity="0.6"/>`;
  return s;
}
function drawBelt(c) {
  let s = `<rect x="0" y="0" width="2000" height="1500" fill="#d6c7b1" opacity="0.35"/>`;
  s += `<path d="M1000,750 m-430,0 a430,430 0 1,0 860,0 a430,430 0 1,0 -860,0" fill="none" stroke="${c.line}" stroke-width="128"/>`;
  s += `<path d="M1000,750 m-430,0 a430,430 0 1,0 860,0 a430,430 0 1,0 -860,0" fill="none" stroke="${c.base}" stroke-width="116"/>`;
  s += `<path d="M1000,750 m-300,0 a300,300 0 1,0 600,0 a300,300 0 1,0 -600,0" fill="none" stroke="${c.line}" stroke-width="128"/>`;
  s += `<path d="M1000,750 m-300,0 a300,300 0 1,0 600,0 a300,300 0 1,0 -600,0" fill="none" stroke="${c.shade}" stroke-width="116"/>`;
  s += `<path d="M1000,750 m-456,0 a456,456 0 1,0 912,0 a456,456 0 1,0 -912,0" fill="none" stroke="${c.detail}" stroke-width="4" stroke-dasharray="12 8"/>`;
  s += `<path d="M1000,750 m-404,0 a404,404 0 1,0 808,0 a404,404 0 1,0 -808,0" fill="none" stroke="${c.detail}" stroke-width="4" stroke-dasharray="12 8"/>`;
  s += `<path d="M1430,690 L1760,560 L1790,640 L1460,790 Z" fill="${c.base}" stroke="${c.line}" stroke-width="5"/>`;
  s += `<rect x="1330" y="600" width="190" height="250" rx="30" fill="none" stroke="#c9a227" stroke-width="30"/><rect x="1330" y="600" width="190" height="250" rx="30" fill="none" stroke="#8c6d12" stroke-width="4"/><path d="M1425,725 H1560" stroke="#c9a227" stroke-width="18" stroke-linecap="round"/>`;
  return s;
}
function drawCardholder(c, ctx) {
  const c2 = shades(ctx.colours[1] ?? ctx.colours[0]);
  const one = (cc, x, y, rot) => `<g transform="rotate(${rot} ${x + 310} ${y + 200})"><rect x="${x}" y="${y}" width="620" height="400" rx="36" fill="${cc.base}" stroke="${cc.line}" stroke-width="6"/><rect x="${x}" y="${y}" width="620" height="400" rx="36" fill="url(#tex)"/><path d="M${x + 30},${y + 150} Q${x + 310},${y + 120} ${x + 590},${y + 150}" stroke="${cc.deep}" stroke-width="8" fill="none"/><rect x="${x + 18}" y="${y + 18}" width="584" height="364" rx="26" fill="none" stroke="${cc.detail}" stroke-width="4" stroke-dasharray="12 8"/><rect x="${x + 60}" y="${y - 40}" width="360" height="110" rx="10" fill="#f4f1ea" stroke="#c9c3b5" stroke-width="3"/></g>`;
  return `<rect x="0" y="1080" width="2000" height="420" fill="#cbb99f"/>` + one(c2, 980, 560, 8) + one(c, 380, 520, -6);
}
function drawScarf(c, view) {
  if (view === 'detail') {
    let s = `<rect width="2000" height="1500" fill="${c.base}"/><rect width="2000" height="1100" fill="url(#ribBig)"/>`;
    for (let i = 0; i < 40; i++) s += `<path d="M${30 + i * 50},1080 q${(i % 2) ? 10 : -10},200 ${(i % 3) * 6},420" stroke="${i % 2 ? c.shade : c.base}" stroke-width="22" stroke-linecap="round" fill="none"/>`;
    return s + `<rect x="0" y="1060" width="2000" height="40" fill="${c.deep}"/>`;
  }
  let s = `<rect x="0" y="1180" width="2000" height="320" fill="#cbb99f"/>`;
  const fold = (y, w, x) => `<rect x="${x}" y="${y}" width="${w}" height="150" rx="60" fill="${c.base}" stroke="${c.line}" stroke-width="5"/><rect x="${x}" y="${y}" width="${w}" height="150" rx="60" fill="url(#rib)"/>`;
  s += fold(1030, 1000, 500) + fold(880, 960, 520) + fold(730, 920, 540);
  s += `<path d="M1380,780 C1560,820 1600,1000 1520,1180 L1380,1180 C1440,1020 1420,900 1330,860 Z" fill="${c.shade}" stroke="${c.line}" stroke-width="5"/>`;
  for (let i = 0; i < 12; i++) s += `<path d="M${1385 + i * 12},1180 q${(i % 2) ? 6 : -6},60 ${(i % 2) ? 4 : -2},110" stroke="${c.shade}" stroke-width="10" stroke-linecap="round" fill="none"/>`;
  return s;
}

// ------------------------------------------------------------------ fabrics

function drawFabric(c, ctx, view) {
  if (view === 'detail') {
    let s = `<rect width="2000" height="1500" fill="url(#gf)"/><rect width="2000" height="1500" fill="url(#texBig)"/>`;
    s += `<path d="M-20 500 C600 380 1300 640 2020 460" stroke="${c.deep}" stroke-width="90" fill="none" opacity="0.16"/><path d="M-20 1100 C700 980 1300 1240 2020 1060" stroke="${c.light}" stroke-width="90" fill="none" opacity="0.2"/>`;
    return s;
  }
  const cols = ctx.colours.slice(0, 3).map(shades);
  let s = `<rect x="0" y="1100" width="2000" height="400" fill="#c9b79c"/>`;
  // unrolled length from the front roll
  const fc = cols[0];
  s += `<path d="M420,1040 L1560,1040 L1720,1440 L300,1440 Z" fill="${fc.multi ? PALETTE.multicolour : fc.base}" stroke="${fc.line}" stroke-width="5"/><path d="M420,1040 L1560,1040 L1720,1440 L300,1440 Z" fill="url(#tex)"/>`;
  if (fc.multi) s += `<path d="M420,1040 L1560,1040 L1720,1440 L300,1440 Z" fill="url(#stripes)" opacity="0.85"/>`;
  const roll = (cc, x, y, w, r) => {
    const fill = cc.multi ? PALETTE.multicolour : cc.base;
    let g = `<rect x="${x}" y="${y - r}" width="${w}" height="${2 * r}" fill="${fill}" stroke="${cc.line}" stroke-width="5"/>`;
    if (cc.multi) g += `<rect x="${x}" y="${y - r}" width="${w}" height="${2 * r}" fill="url(#stripesV)"/>`;
    g += `<rect x="${x}" y="${y - r}" width="${w}" height="${2 * r}" fill="url(#tex)"/>`;
    g += `<rect x="${x}" y="${y - r * 0.9}" width="${w}" height="${r * 0.5}" fill="#ffffff" opacity="0.14"/><rect x="${x}" y="${y + r * 0.4}" width="${w}" height="${r * 0.6}" fill="#000000" opacity="0.1"/>`;
    g += `<ellipse cx="${x + w}" cy="${y}" rx="${r * 0.32}" ry="${r}" fill="${tone(fill, -0.08)}" stroke="${cc.line}" stroke-width="5"/>`;
    for (let k = 1; k < 5; k++) g += `<ellipse cx="${x + w}" cy="${y}" rx="${(r * 0.32 * (5 - k)) / 5}" ry="${(r * (5 - k)) / 5}" fill="none" stroke="${cc.line}" stroke-width="2" opacity="0.5"/>`;
    g += `<ellipse cx="${x + w}" cy="${y}" rx="${r * 0.08}" ry="${r * 0.25}" fill="#8a6a48"/>`;
    return g;
  };
  if (cols[2]) s += roll(cols[2], 560, 520, 1000, 140);
  if (cols[1]) s += roll(cols[1], 420, 760, 1080, 160);
  s += roll(cols[0], 300, 1020, 1160, 180);
  return s;
}

// ----------------------------------------------------- software & hardware

function accentFor(maker) {
  const list = ['#2f6fde', '#1f8a70', '#7a3fb0', '#d0542c', '#0f7c9a'];
  return list[hash(maker) % list.length];
}
function uiContent(type, x, y, w, h, acc, r) {
  // x,y,w,h: content area
  let s = '';
  const grey = '#e3e7ec', mid = '#c3cad3', dark = '#56606c';
  const bar = (bx, by, bw, bh, col, rx = 6) => `<rect x="${f(bx)}" y="${f(by)}" width="${f(bw)}" height="${f(bh)}" rx="${rx}" fill="${col}"/>`;
  if (type === 'gantt') {
    const rows = 9, rh = h / (rows + 1);
    for (let i = 0; i <= 12; i++) s += `<path d="M${f(x + 180 + ((w - 200) * i) / 12)} ${y} V${y + h}" stroke="${grey}" stroke-width="2"/>`;
    const cols = [acc, tone(acc, 0.35), '#e0a03a', '#5aa469', '#d0542c'];
    for (let i = 0; i < rows; i++) {
      const yy = y + rh * (i + 0.6);
      s += bar(x + 10, yy, 140, rh * 0.45, mid);
      let xx = x + 180 + r() * 80;
      while (xx < x + w - 120) { const bw = 80 + r() * 260; s += bar(xx, yy - 4, Math.min(bw, x + w - xx - 20), rh * 0.55, cols[Math.floor(r() * cols.length)], 8); xx += bw + 20 + r() * 60; }
    }
    s += `<path d="M${f(x + 180 + (w - 200) * 0.42)} ${y} V${y + h}" stroke="#d0542c" stroke-width="4"/>`;
  } else if (type === 'nesting') {
    s += bar(x, y, w, h, '#f1ede4', 4);
    for (let k = 0; k < 70; k++) {
      const px = x + 10 + (k % 14) * (w / 14), py = y + 10 + Math.floor(k / 14) * (h / 5);
      const pw = w / 14 - 12, ph = h / 5 - 14, t = k % 4;
      const col = [tone(acc, 0.45), tone(acc, 0.6), '#c8d7c1', '#e8d3b0'][t];
      if (t === 0) s += `<path d="M${f(px)},${f(py + ph)} L${f(px + pw * 0.2)},${f(py)} L${f(px + pw * 0.8)},${f(py)} L${f(px + pw)},${f(py + ph)} Z" fill="${col}" stroke="${dark}" stroke-width="2"/>`;
      else if (t === 1) s += `<path d="M${f(px)},${f(py)} L${f(px + pw)},${f(py + ph * 0.15)} L${f(px + pw * 0.9)},${f(py + ph)} L${f(px + pw * 0.1)},${f(py + ph)} Z" fill="${col}" stroke="${dark}" stroke-width="2"/>`;
      else s += `<rect x="${f(px)}" y="${f(py)}" width="${f(pw)}" height="${f(ph)}" rx="${t === 2 ? 30 : 6}" fill="${col}" stroke="${dark}" stroke-width="2"/>`;
    }
  } else if (type === 'matrix') {
    const n = 5, cw = (h - 20) / n;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      const risk = (i + (n - 1 - j)) / (2 * n - 2);
      const col = risk > 0.7 ? '#d9534f' : risk > 0.45 ? '#f0ad4e' : '#5cb85c';
      s += bar(x + i * cw, y + j * cw, cw - 8, cw - 8, col, 6);
    }
    for (let k = 0; k < 7; k++) { const yy = y + 10 + k * (h / 7); s += `<circle cx="${f(x + h + 40)}" cy="${f(yy + 18)}" r="12" fill="${['#d9534f', '#f0ad4e', '#5cb85c'][k % 3]}"/>` + bar(x + h + 70, yy + 8, (w - h - 120) * (0.5 + r() * 0.5), 20, mid); }
  } else if (type === 'techpack') {
    s += bar(x, y, w * 0.42, h, '#f6f4ef', 8);
    const cx = x + w * 0.21, cy = y + h * 0.5;
    s += `<path d="M${f(cx - 70)},${f(cy - 150)} L${f(cx - 160)},${f(cy - 110)} L${f(cx - 220)},${f(cy + 40)} L${f(cx - 160)},${f(cy + 60)} L${f(cx - 130)},${f(cy - 20)} L${f(cx - 130)},${f(cy + 170)} L${f(cx + 130)},${f(cy + 170)} L${f(cx + 130)},${f(cy - 20)} L${f(cx + 160)},${f(cy + 60)} L${f(cx + 220)},${f(cy + 40)} L${f(cx + 160)},${f(cy - 110)} L${f(cx + 70)},${f(cy - 150)} Q${f(cx)},${f(cy - 100)} ${f(cx - 70)},${f(cy - 150)} Z" fill="none" stroke="${dark}" stroke-width="4"/>`;
    for (let k = 0; k < 8; k++) { const yy = y + 20 + k * (h / 8); s += bar(x + w * 0.47, yy, w * 0.16, 22, mid) + bar(x + w * 0.66, yy, w * 0.3 * (0.4 + r() * 0.6), 22, grey); }
    for (let k = 0; k < 5; k++) s += `<rect x="${f(x + w * 0.47 + k * 70)}" y="${f(y + h - 70)}" width="56" height="56" rx="8" fill="${[acc, '#5aa469', '#e0a03a', '#8b9097', '#b9352c'][k]}"/>`;
  } else if (type === 'passport') {
    s += bar(x, y, w * 0.55, h, '#f6f4ef', 8);
    for (let k = 0; k < 9; k++) { const yy = y + 24 + k * (h / 9); s += bar(x + 24, yy, 160, 20, mid) + bar(x + 210, yy, (w * 0.55 - 240) * (0.3 + r() * 0.7), 20, k === 0 ? acc : grey); }
    s += qr(x + w * 0.62, y + 20, Math.min(w * 0.34, h - 40), r);
  } else if (type === 'kanban') {
    const cols = 4, cw = w / cols;
    for (let i = 0; i < cols; i++) {
      s += bar(x + i * cw + 8, y, cw - 16, 30, i === 0 ? acc : mid);
      const n = 2 + Math.floor(r() * 3);
      for (let k = 0; k < n; k++) s += `<rect x="${f(x + i * cw + 8)}" y="${f(y + 50 + k * 120)}" width="${f(cw - 16)}" height="100" rx="10" fill="#ffffff" stroke="${grey}" stroke-width="3"/>` + `<rect x="${f(x + i * cw + 24)}" y="${f(y + 66 + k * 120)}" width="60" height="60" rx="8" fill="${['#c8d7c1', '#e8d3b0', tone(acc, 0.55)][k % 3]}"/>` + bar(x + i * cw + 100, y + 74 + k * 120, cw - 140, 16, mid) + bar(x + i * cw + 100, y + 100 + k * 120, (cw - 140) * 0.6, 16, grey);
    }
  } else { // charts
    const kw = (w - 60) / 4;
    for (let i = 0; i < 4; i++) s += `<rect x="${f(x + i * (kw + 20))}" y="${y}" width="${f(kw)}" height="110" rx="12" fill="#ffffff" stroke="${grey}" stroke-width="3"/>` + bar(x + i * (kw + 20) + 20, y + 22, kw * 0.4, 16, mid) + bar(x + i * (kw + 20) + 20, y + 54, kw * 0.6, 34, i === 0 ? acc : dark);
    const cy = y + 150, ch = h - 160;
    s += `<rect x="${x}" y="${cy}" width="${f(w * 0.62)}" height="${f(ch)}" rx="12" fill="#ffffff" stroke="${grey}" stroke-width="3"/>`;
    let line = '';
    for (let k = 0; k <= 24; k++) { const px = x + 20 + ((w * 0.62 - 40) * k) / 24, py = cy + ch - 30 - (ch - 80) * (0.3 + 0.35 * Math.sin(k / 3) * 0.5 + r() * 0.35); line += `${k ? 'L' : 'M'}${f(px)},${f(py)} `; }
    const area = line + `L${f(x + w * 0.62 - 20)},${f(cy + ch - 20)} L${f(x + 20)},${f(cy + ch - 20)} Z`;
    s += `<path d="${area}" fill="${acc}" opacity="0.15"/><path d="${line}" fill="none" stroke="${acc}" stroke-width="6" stroke-linejoin="round"/>`;
    const bx = x + w * 0.65, bw = w * 0.35;
    s += `<rect x="${f(bx)}" y="${cy}" width="${f(bw)}" height="${f(ch)}" rx="12" fill="#ffffff" stroke="${grey}" stroke-width="3"/>`;
    for (let k = 0; k < 7; k++) { const hh = (ch - 80) * (0.25 + r() * 0.7); s += bar(bx + 24 + k * ((bw - 40) / 7), cy + ch - 24 - hh, (bw - 40) / 7 - 14, hh, k === 4 ? acc : mid, 4); }
  }
  return s;
}
function qr(x, y, size, r) {
  const n = 21, m = size / n;
  let s = `<rect x="${f(x - m)}" y="${f(y - m)}" width="${f(size + 2 * m)}" height="${f(size + 2 * m)}" fill="#ffffff"/>`;
  const finder = (fx, fy) => `<rect x="${f(x + fx * m)}" y="${f(y + fy * m)}" width="${f(7 * m)}" height="${f(7 * m)}" fill="#1d1f23"/><rect x="${f(x + (fx + 1) * m)}" y="${f(y + (fy + 1) * m)}" width="${f(5 * m)}" height="${f(5 * m)}" fill="#ffffff"/><rect x="${f(x + (fx + 2) * m)}" y="${f(y + (fy + 2) * m)}" width="${f(3 * m)}" height="${f(3 * m)}" fill="#1d1f23"/>`;
  let d = '';
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    const inFinder = (i < 8 && j < 8) || (i > n - 9 && j < 8) || (i < 8 && j > n - 9);
    if (!inFinder && r() < 0.48) d += `M${f(x + i * m)},${f(y + j * m)}h${f(m)}v${f(m)}h${f(-m)}z`;
  }
  return s + `<path d="${d}" fill="#1d1f23"/>` + finder(0, 0) + finder(n - 7, 0) + finder(0, n - 7);
}
function screenType(id, view) {
  if (view === 'dashboard') return /plm|collection/.test(id) ? 'kanban' : 'charts';
  if (/planning|schedul/.test(id)) return 'gantt';
  if (/nesting|cutting|marker/.test(id)) return 'nesting';
  if (/audit|security|pentest/.test(id)) return 'matrix';
  if (/plm|collection/.test(id)) return 'techpack';
  if (/passport|dpp|trace/.test(id)) return 'passport';
  if (/hosting|cloud|backup/.test(id)) return 'backup';
  return 'charts';
}
function drawSoftware(ctx, view, r) {
  const acc = accentFor(ctx.maker);
  let s = '';
  if (view === 'mobile') {
    s += `<rect x="0" y="1150" width="2000" height="350" fill="#cfc3b1"/>`;
    // a garment tag beside the phone
    s += `<g transform="rotate(-8 560 800)"><path d="M360,420 L760,420 L760,1180 L360,1180 L360,520 Z" fill="#f4efe4" stroke="#b8ad98" stroke-width="5"/><circle cx="560" cy="500" r="26" fill="#cfc3b1" stroke="#b8ad98" stroke-width="4"/>${qr(420, 600, 280, r)}<rect x="420" y="940" width="280" height="22" rx="6" fill="#c9bfae"/><rect x="420" y="990" width="200" height="22" rx="6" fill="#c9bfae"/></g>`;
    s += `<rect x="1000" y="180" width="560" height="1140" rx="80" fill="#1d1f23"/><rect x="1030" y="250" width="500" height="1000" rx="30" fill="#f7f8fa"/><rect x="1200" y="205" width="160" height="22" rx="11" fill="#34373d"/>`;
    s += `<rect x="1030" y="250" width="500" height="130" rx="30" fill="${acc}"/><rect x="1030" y="330" width="500" height="50" fill="${acc}"/><rect x="1070" y="295" width="220" height="26" rx="8" fill="#ffffff" opacity="0.9"/>`;
    for (let k = 0; k < 6; k++) s += `<rect x="1060" y="${410 + k * 135}" width="440" height="112" rx="16" fill="#ffffff" stroke="#e3e7ec" stroke-width="3"/><rect x="1080" y="${428 + k * 135}" width="76" height="76" rx="12" fill="${[tone(acc, 0.5), '#c8d7c1', '#e8d3b0'][k % 3]}"/><rect x="1176" y="${440 + k * 135}" width="${200 + Math.floor(r() * 100)}" height="18" rx="6" fill="#c3cad3"/><rect x="1176" y="${474 + k * 135}" width="${120 + Math.floor(r() * 80)}" height="18" rx="6" fill="#e3e7ec"/>`;
    return s;
  }
  if (view === 'dashboard') {
    // laptop
    s += `<rect x="0" y="1230" width="2000" height="270" fill="#cfc3b1"/>`;
    s += `<rect x="330" y="150" width="1340" height="900" rx="36" fill="#2a2d33"/><rect x="370" y="190" width="1260" height="820" rx="10" fill="#f7f8fa"/>`;
    s += `<path d="M220,1070 L1780,1070 L1860,1230 L140,1230 Z" fill="#b9bec6" stroke="#8d939b" stroke-width="5"/><rect x="860" y="1080" width="280" height="30" rx="10" fill="#9aa0a8"/>`;
    s += appFrame(370, 190, 1260, 820, acc) + uiContent(screenType(ctx.id, 'dashboard'), 580, 290, 1010, 690, acc, r);
    return s;
  }
  // monitor
  s += `<rect x="0" y="1260" width="2000" height="240" fill="#cfc3b1"/>`;
  s += `<rect x="880" y="1060" width="240" height="180" fill="#9aa0a8"/><path d="M700,1260 Q1000,1200 1300,1260 Z" fill="#8d939b"/>`;
  s += `<rect x="240" y="100" width="1520" height="980" rx="30" fill="#1d1f23"/><rect x="275" y="135" width="1450" height="890" rx="8" fill="#f7f8fa"/>`;
  const type = screenType(ctx.id, view);
  s += appFrame(275, 135, 1450, 890, acc);
  s += type === 'backup' ? backupCalendar(500, 240, 1190, 750, acc, r) : uiContent(type, 500, 240, 1190, 750, acc, r);
  return s;
}
function appFrame(x, y, w, h, acc) {
  let s = `<rect x="${x}" y="${y}" width="${w}" height="70" fill="${acc}"/><circle cx="${x + 40}" cy="${y + 35}" r="16" fill="#ffffff" opacity="0.9"/><rect x="${x + 72}" y="${y + 24}" width="200" height="22" rx="8" fill="#ffffff" opacity="0.85"/><circle cx="${x + w - 45}" cy="${y + 35}" r="18" fill="#ffffff" opacity="0.6"/>`;
  s += `<rect x="${x}" y="${y + 70}" width="190" height="${h - 70}" fill="#eef1f5"/>`;
  for (let k = 0; k < 8; k++) s += `<rect x="${x + 24}" y="${y + 110 + k * 62}" width="${k === 1 ? 140 : 120}" height="20" rx="7" fill="${k === 1 ? acc : '#c3cad3'}"/>`;
  return s;
}
function backupCalendar(x, y, w, h, acc, r) {
  let s = '';
  const cols = 7, rows = 5, cw = w / cols, ch = (h - 60) / rows;
  for (let i = 0; i < cols; i++) s += `<rect x="${f(x + i * cw + 30)}" y="${y}" width="${f(cw - 60)}" height="22" rx="7" fill="#c3cad3"/>`;
  for (let j = 0; j < rows; j++) for (let i = 0; i < cols; i++) {
    const ok = r() > 0.06;
    s += `<rect x="${f(x + i * cw + 8)}" y="${f(y + 50 + j * ch)}" width="${f(cw - 16)}" height="${f(ch - 14)}" rx="12" fill="#ffffff" stroke="#e3e7ec" stroke-width="3"/><circle cx="${f(x + i * cw + cw / 2)}" cy="${f(y + 50 + j * ch + ch / 2 - 7)}" r="22" fill="${ok ? '#5cb85c' : '#f0ad4e'}"/>`;
    if (ok) s += `<path d="M${f(x + i * cw + cw / 2 - 10)},${f(y + 50 + j * ch + ch / 2 - 7)} l7,8 l14,-16" stroke="#ffffff" stroke-width="6" fill="none" stroke-linecap="round"/>`;
  }
  return s;
}

function drawDevice(c, view, ctx) {
  const body = c.base, dark = shades(ctx.colours[1] ?? 'black');
  let s = '';
  if (view === 'detail') {
    s += `<rect width="2000" height="1500" fill="${tone(body, -0.05)}"/><rect width="2000" height="1500" fill="url(#tex)"/>`;
    s += `<rect x="340" y="200" width="1320" height="1100" rx="40" fill="${dark.base}" stroke="${dark.line}" stroke-width="8"/>`;
    s += `<rect x="420" y="280" width="760" height="520" rx="16" fill="#0f1215"/><rect x="450" y="310" width="700" height="460" rx="8" fill="#e9f3ec"/>`;
    s += `<rect x="480" y="340" width="640" height="70" rx="10" fill="#5cb85c"/><path d="M520,375 l22,24 l42,-46" stroke="#ffffff" stroke-width="12" fill="none" stroke-linecap="round"/><rect x="610" y="360" width="300" height="30" rx="8" fill="#ffffff"/>`;
    for (let k = 0; k < 5; k++) s += `<rect x="480" y="${440 + k * 62}" width="${420 - k * 30}" height="26" rx="8" fill="#b9c6bd"/><rect x="1000" y="${440 + k * 62}" width="120" height="26" rx="8" fill="#8fa498"/>`;
    const leds = [['#5cb85c', 1], ['#f0ad4e', 0.35], ['#d9534f', 0.35]];
    leds.forEach(([col, op], k) => { s += `<circle cx="1400" cy="${380 + k * 170}" r="62" fill="#15181c"/><circle cx="1400" cy="${380 + k * 170}" r="46" fill="${col}" opacity="${op}"/>`; });
    for (const x of [520, 760, 1000]) s += `<circle cx="${x}" cy="1010" r="80" fill="#3a3f46" stroke="#15181c" stroke-width="8"/><circle cx="${x}" cy="1010" r="50" fill="${x === 520 ? '#5cb85c' : x === 760 ? '#e9eef2' : '#d9534f'}"/>`;
    s += `<path d="M1300,930 h220 M1300,1000 h220 M1300,1070 h220" stroke="#3a3f46" stroke-width="18" stroke-linecap="round"/>`;
    return s;
  }
  s += `<rect x="0" y="1160" width="2000" height="340" fill="#c9c3b8"/>`;
  // conveyor
  s += `<rect x="80" y="900" width="1840" height="70" rx="35" fill="#3a3f46"/><rect x="100" y="912" width="1800" height="14" rx="7" fill="#5b6169"/>`;
  for (let x = 140; x < 1900; x += 120) s += `<circle cx="${x}" cy="935" r="22" fill="#6d737b" stroke="#2b2f35" stroke-width="4"/>`;
  for (const x of [200, 900, 1100, 1800]) s += `<rect x="${x - 20}" y="970" width="40" height="200" fill="#5b6169"/>`;
  // carton going in
  s += `<rect x="170" y="640" width="330" height="260" fill="#c49a62" stroke="#8c6a3d" stroke-width="6"/><path d="M170,700 H500" stroke="#8c6a3d" stroke-width="4"/><rect x="300" y="640" width="70" height="260" fill="#d8b27a" opacity="0.6"/><rect x="210" y="760" width="120" height="70" fill="#f4efe4"/>`;
  // tunnel
  s += `<path d="M620,380 L1420,380 L1420,900 L1340,900 L1340,460 L700,460 L700,900 L620,900 Z" fill="${body}" stroke="${c.line}" stroke-width="6"/>`;
  s += `<rect x="700" y="460" width="640" height="440" fill="#23262b"/><rect x="700" y="460" width="640" height="440" fill="url(#tex)" opacity="0.4"/>`;
  for (let k = 0; k < 6; k++) s += `<rect x="${712 + k * 106}" y="470" width="90" height="40" rx="6" fill="#3a3f46"/>`;
  s += `<rect x="640" y="300" width="760" height="90" rx="20" fill="${tone(body, -0.12)}" stroke="${c.line}" stroke-width="6"/>`;
  s += `<rect x="1180" y="318" width="180" height="54" rx="8" fill="#0f1215"/><rect x="1190" y="326" width="160" height="38" rx="6" fill="#5cb85c" opacity="0.85"/>`;
  s += `<circle cx="700" cy="345" r="20" fill="#5cb85c"/><circle cx="760" cy="345" r="20" fill="#f0ad4e" opacity="0.4"/><circle cx="820" cy="345" r="20" fill="#d9534f" opacity="0.4"/>`;
  // RFID waves
  for (const k of [1, 2, 3]) s += `<path d="M${1020 - k * 50},${250 - k * 18} Q1020,${200 - k * 40} ${1020 + k * 50},${250 - k * 18}" stroke="${accentFor(ctx.maker)}" stroke-width="10" fill="none" stroke-linecap="round" opacity="${1 - k * 0.2}"/>`;
  // carton coming out
  s += `<rect x="1520" y="680" width="300" height="220" fill="#c49a62" stroke="#8c6a3d" stroke-width="6"/><rect x="1640" y="680" width="60" height="220" fill="#d8b27a" opacity="0.6"/><circle cx="1770" cy="640" r="46" fill="#5cb85c"/><path d="M1748,640 l16,18 l30,-34" stroke="#fff" stroke-width="10" fill="none" stroke-linecap="round"/>`;
  return s;
}

// ------------------------------------------------------------ composition

const TEXTURE_OF = {
  sweater: 'knit', vneck: 'knit', cardigan: 'knit', turtleneck: 'rib', polo: 'knit', scarf: 'knit',
  shirt: 'weave', blouse: 'none', ie: 'weave', chef: 'twill', scrubs: 'weave', hivis: 'twill',
  dress: 'weave', wrapdress: 'none', gown: 'none', kidsdress: 'knit', tiereddress: 'none',
  jeans: 'twill', trousers: 'twill', widetrousers: 'weave', bib: 'twill',
  parka: 'twill', rain: 'ripstop', softshell: 'ripstop', quilted: 'quilt', kidsjacket: 'ripstop',
  bodysuit: 'rib', briefs: 'knit', bedset: 'weave', towels: 'none', tablecloth: 'weave',
  blanket: 'twill', tote: 'leather', belt: 'leather', cardholder: 'leather', fabric: 'twill', device: 'ripstop',
};

function drawItem(kind, view, c, ctx, _r) {
  const id = ctx.id;
  const btnWood = '#9c7448';
  switch (kind) {
    case 'sweater': return drawTop(c, view, { neck: 'crew', rib: true });
    case 'vneck': return drawTop(c, view, { neck: view === 'back' ? 'crew' : 'v', vdepth: 270, rib: true });
    case 'turtleneck': return drawTop(c, view, { neck: 'turtle', rib: true, y0: 470, L: 860 });
    case 'cardigan': return drawTop(c, view, { neck: 'v', vdepth: 330, rib: true, open: 'buttons', btn: btnWood, btnR: 16, buttons: 5, cable: true, extras: (g, v) => v === 'back' ? '' : cableColumn(g.cx - 150, g.y0 + 330, g.y0 + g.L - 90, 90, c) + cableColumn(g.cx + 150, g.y0 + 330, g.y0 + g.L - 90, 90, c) });
    case 'polo': return drawTop(c, view, { neck: 'polo', open: view === 'back' ? undefined : 'polo', sleeve: 'short', rib: true, L: 860 });
    case 'shirt': {
      const camp = id.includes('linen');
      const chest = id.includes('oxford');
      return drawTop(c, view, {
        neck: camp ? 'camp' : 'collar', open: 'buttons', cuffs: true, L: 960, buttonDown: chest, btn: camp ? '#a58a66' : '#f4f1ea', buttons: camp ? 6 : 8,
        backYoke: true, boxPleat: chest, darts: id.includes('poplin'),
        extras: (g, v) => v === 'back' || !chest ? '' : pocket(g.cx - 220, g.y0 + 250, 150, 170, c),
      });
    }
    case 'blouse': return drawTop(c, view, { neck: 'tie', open: 'buttons', hiddenPlacket: true, cuffs: true, L: 880, bw: 270, sw: 280 }) + sheen(c);
    case 'ie': return drawTop(c, view, { neck: 'gathered', L: 900, sw: 320, bw: 300, hw: 320, slen: 800, cuff: 95, embroidery: ['#b9352c', '#2b2c30'], extras: (g, v) => v === 'back' ? '' : [-170, 170].map((dx) => `<path d="M${g.cx + dx},${g.y0 + 160} V${g.y0 + 700}" stroke="#b9352c" stroke-width="16" stroke-dasharray="16 10"/><path d="M${g.cx + dx - 30},${g.y0 + 160} V${g.y0 + 700}" stroke="#2b2c30" stroke-width="8" stroke-dasharray="8 12"/>`).join('') });
    case 'chef': return drawTop(c, view, { neck: 'mandarin', open: view === 'back' ? undefined : 'double', btn: '#ffffff', cuffs: true, L: 900, y0: 440, extras: (g, v) => v === 'back' ? '' : `<rect x="${g.arms[0].C[0] - 30}" y="${g.arms[0].C[1] - 360}" width="60" height="130" rx="8" fill="url(#gf)" stroke="${c.line}" stroke-width="4"/>` });
    case 'hivis': return drawTop(c, view, { neck: 'collar', open: 'zip', flap: true, cuffs: true, L: 900, sw: 310, bw: 300, sleeveStripes: true, backStripes: true, extras: (g, v) => v === 'back' ? '' : reflective(g) + pocket(g.cx - 240, g.y0 + 200, 160, 170, c, true) + pocket(g.cx + 80, g.y0 + 200, 160, 170, c, true) });
    case 'parka': return drawTop(c, view, { neck: 'hood', fur: true, open: 'zip', flap: true, cuffs: true, L: 1260, y0: 400, sw: 310, bw: 300, hw: 330, slen: 800, drawcord: true, backSeam: true, extras: (g, v) => v === 'back' ? '' : pocket(g.cx - 250, g.y0 + 230, 150, 160, c, true) + pocket(g.cx + 100, g.y0 + 230, 150, 160, c, true) + pocket(g.cx - 290, g.y0 + 800, 200, 220, c, true) + pocket(g.cx + 90, g.y0 + 800, 200, 220, c, true) + stitch(`M${g.cx - g.bw},${g.y0 + 600} Q${g.cx},${g.y0 + 620} ${g.cx + g.bw},${g.y0 + 600}`, c.detail, 4) });
    case 'rain': return drawTop(c, view, { neck: 'hood', open: 'zip', flap: true, cuffs: true, L: 1080, y0: 420, hw: 320, vent: true, extras: (g, v) => v === 'back' ? '' : pocket(g.cx - 270, g.y0 + 640, 190, 200, c, true) + pocket(g.cx + 90, g.y0 + 640, 190, 200, c, true) });
    case 'softshell': return drawTop(c, view, { neck: 'stand', open: 'zip', zipColour: accentFor(id), cuffs: true, L: 940, y0: 470, extras: (g, v) => v === 'back' ? seam(`M${g.cx - g.bw},${g.y0 + 260} Q${g.cx},${g.y0 + 300} ${g.cx + g.bw},${g.y0 + 260}`, c, 4) : `<path d="M${g.cx + 80},${g.y0 + 180} L${g.cx + 230},${g.y0 + 360}" stroke="${c.line}" stroke-width="10"/><path d="M${g.cx - 250},${g.y0 + 560} L${g.cx - 120},${g.y0 + 720} M${g.cx + 250},${g.y0 + 560} L${g.cx + 120},${g.y0 + 720}" stroke="${c.line}" stroke-width="8"/>` + seam(`M${g.cx - g.bw},${g.y0 + 400} Q${g.cx - 150},${g.y0 + 420} ${g.cx - 60},${g.y0 + 380}`, c, 4) });
    case 'quilted': return drawTop(c, view, { neck: 'collar', open: 'buttons', btn: tone(c.base, -0.25), btnHoles: 0, buttons: 6, cuffs: true, L: 900, y0: 440, extras: (g, v) => v === 'back' ? '' : pocket(g.cx - 280, g.y0 + 580, 190, 180, c, true) + pocket(g.cx + 90, g.y0 + 580, 190, 180, c, true) + `<path d="M${g.cx - g.nw - 8},${g.y0 - 34} L${g.cx - g.nw - 40},${g.y0 + 95} L${g.cx - 18},${g.y0 + 150} L${g.cx - 4},${g.y0 + 40} Z M${g.cx + g.nw + 8},${g.y0 - 34} L${g.cx + g.nw + 40},${g.y0 + 95} L${g.cx + 18},${g.y0 + 150} L${g.cx + 4},${g.y0 + 40} Z" fill="#6d4b2f" stroke="#4a321e" stroke-width="5"/>` });
    case 'kidsjacket': return drawTop(c, view, { neck: 'hood', open: 'zip', flap: true, cuffs: true, L: 820, y0: 520, sw: 340, bw: 330, hw: 340, slen: 640, cuff: 85, nw: 115, sleeveStripes: true, backStripes: false, extras: (g, v) => (v === 'back' ? `<rect x="${g.cx - g.bw}" y="${g.y0 + 420}" width="${2 * g.bw}" height="44" fill="#c9ced4" stroke="#9aa0a8" stroke-width="3"/><rect x="${g.cx - g.bw}" y="${g.y0 + 437}" width="${2 * g.bw}" height="10" fill="#eef1f4"/>` : pocket(g.cx - 290, g.y0 + 460, 180, 190, c, true) + pocket(g.cx + 110, g.y0 + 460, 180, 190, c, true)) });
    case 'bodysuit': return drawBodysuit(c, view);
    case 'scrubs': return drawScrubs(c, view);
    case 'bib': return drawBib(c, view);
    case 'jeans': return drawTrousers(c, view, { jeans: true, outer: 250, inner: 55, thread: '#d98b2b' });
    case 'trousers': return drawTrousers(c, view, { outer: 245, inner: 55 });
    case 'widetrousers': return drawTrousers(c, view, { outer: 330, inner: 20, hip: 300, pleats: true, top: 300 });
    case 'gown': return drawDress(c, view, { straps: true, y0: 300, waist: 840, hem: 1900, hemW: 400, ww: 190 });
    case 'wrapdress': return drawDress(c, view, { sleeve: 'long', open: 'wrap', neck: 'v', vdepth: 300, belt: true, waist: 820, hem: 1780, hemW: 420, cuffs: false, slen: 720, cuff: 75, angle: 14 });
    case 'kidsdress': {
      const k = ctx.colours.includes('multicolour') && view !== 'front' ? shades('multicolour') : c;
      return drawDress(k, view, { y0: 520, waist: 900, hem: 1640, hemW: 440, ww: 210, bw: 220, sw: 240, sleeve: 'short', gathers: true, pockets: true, nw: 95 });
    }
    case 'tiereddress': return drawDress(c, view, { y0: 400, waist: 800, hem: 1850, hemW: 500, ww: 190, sleeve: 'short', slen: 230, cuff: 140, tiers: true, neck: 'crew', backButtons: true });
    case 'dress': return drawDress(c, view, { neck: 'collar', open: 'buttons', btn: '#a58a66', buttons: 11, sleeve: 'short', belt: true, pockets: true, cuffs: true, waist: 780, hem: 1830, hemW: 460 });
    case 'briefs': return `<g transform="translate(800 1000) scale(1.45) translate(-800 -1000)">${drawBriefs(c)}</g>`;
    case 'bedset': return drawBedset(c, ctx);
    case 'towels': return drawTowels(c, ctx);
    case 'tablecloth': return drawTablecloth(c, ctx);
    case 'blanket': return drawBlanket(c, ctx, view === 'detail');
    case 'tote': return drawTote(c, view);
    case 'belt': return drawBelt(c);
    case 'cardholder': return drawCardholder(c, ctx);
    case 'scarf': return drawScarf(c, view);
    case 'fabric': return drawFabric(c, ctx, view);
    case 'device': return drawDevice(c, view, ctx);
    default: return drawTop(c, view, { neck: 'crew' });
  }
}
function sheen(c) {
  return `<path d="M700,700 Q660,1000 720,1290" stroke="${c.light}" stroke-width="36" fill="none" opacity="0.35" stroke-linecap="round"/><path d="M930,720 Q960,1000 900,1280" stroke="${c.deep}" stroke-width="26" fill="none" opacity="0.2" stroke-linecap="round"/>`;
}

function compose(entry, file) {
  const { id, data } = entry;
  const view = viewOf(file);
  const kind = kindOf(id, data.category);
  const portrait = PORTRAIT.has(data.category);
  const W = portrait ? 1600 : 2000, H = portrait ? 2000 : 1500;
  const r = rng(hash(`${id}/${file}`));
  const colours = (data.colours?.length ? data.colours : ['grey']).filter((x) => PALETTE[x]);
  if (!colours.length) colours.push('grey');
  const c = shades(colours[0]);
  const ctx = { id, maker: data.maker ?? '', colours, btn: undefined };
  if (kind === 'software') {
    const bd = backdrop(W, H, '#ffffff', r);
    const body = drawSoftware(ctx, view, r);
    return svgDoc(W, H, bd.defs, bd.svg + `<g filter="url(#ds)">${body}</g>`);
  }
  const bd = backdrop(W, H, c.multi ? '#f0e6d6' : c.base, r);
  let texType = TEXTURE_OF[kind] ?? 'weave';
  if (c.multi && ['dress', 'tiereddress', 'kidsdress', 'wrapdress', 'shirt', 'blouse'].includes(kind)) texType = 'floral';
  const texScale = view === 'detail' ? (portrait ? 3.2 : 3) : 1;
  let defs = bd.defs + fillDefs(c) + texture(texType, c, texScale);
  defs += `<pattern id="rib" width="16" height="40" patternUnits="userSpaceOnUse"><rect width="7" height="40" fill="${c.tex}" opacity="0.6"/></pattern>`;
  defs += `<pattern id="ribBig" width="64" height="100" patternUnits="userSpaceOnUse"><rect width="30" height="100" fill="${c.shade}"/><path d="M34 0 V100" stroke="${c.line}" stroke-width="3" opacity="0.5"/></pattern>`;
  defs += `<pattern id="cord" width="36" height="36" patternUnits="userSpaceOnUse"><rect width="18" height="36" fill="#5a3d25"/></pattern>`;
  defs += `<pattern id="zip" width="50" height="22" patternUnits="userSpaceOnUse"><rect x="4" y="3" width="20" height="9" rx="2" fill="#8d9298"/><rect x="26" y="14" width="20" height="9" rx="2" fill="#8d9298"/></pattern>`;
  defs += `<pattern id="flor" width="576" height="608" patternUnits="userSpaceOnUse">${floralTile(3.2)}</pattern>`;
  defs += `<pattern id="stripes" width="200" height="200" patternUnits="userSpaceOnUse" patternTransform="rotate(90)">${stripeTile()}</pattern><pattern id="stripesV" width="200" height="200" patternUnits="userSpaceOnUse" patternTransform="rotate(90)">${stripeTile()}</pattern>`;
  defs += `<pattern id="texBig" width="${f(16 * 3)}" height="${f(16 * 3)}" patternUnits="userSpaceOnUse">${/jersey/.test(id) ? `<path d="M3 3 L24 42 L45 3" fill="none" stroke="${c.tex}" stroke-width="6" stroke-linecap="round"/>` : `<path d="M-12 12 L12 -12 M0 48 L48 0 M36 60 L60 36" stroke="${c.tex}" stroke-width="8"/>`}</pattern>`;
  let body;
  const closeUp = view === 'detail' && (portrait || ['bedset', 'towels', 'tote', 'tablecloth', 'belt', 'cardholder'].includes(kind));
  if (view === 'detail' && portrait) body = garmentDetail(kind, c, ctx);
  else if (closeUp) body = homeDetail(kind, c, ctx);
  else body = drawItem(kind, view, c, ctx, r);
  const framed = closeUp ? body : `<g filter="url(#ds)">${body}</g>`;
  return svgDoc(W, H, defs, bd.svg + framed);
}
function floralTile(k) {
  let g = '';
  const spots = [[30, 30, 0], [100, 70, 1], [55, 120, 2], [140, 150, 3], [20, 170, 4], [150, 20, 5]];
  for (const [x, y, i] of spots) {
    for (let p = 0; p < 5; p++) { const a = (p / 5) * Math.PI * 2; g += `<circle cx="${f((x + Math.cos(a) * 9) * k)}" cy="${f((y + Math.sin(a) * 9) * k)}" r="${f(7 * k)}" fill="${FLOWERS[i]}"/>`; }
    g += `<circle cx="${f(x * k)}" cy="${f(y * k)}" r="${f(5 * k)}" fill="#f4d35e"/>`;
  }
  return g;
}
function stripeTile() {
  return `<rect width="200" height="200" fill="${PALETTE.multicolour}"/><rect y="0" width="200" height="34" fill="${FLOWERS[0]}"/><rect y="60" width="200" height="18" fill="${FLOWERS[1]}"/><rect y="104" width="200" height="34" fill="${FLOWERS[2]}"/><rect y="160" width="200" height="14" fill="${FLOWERS[3]}"/>`;
}
function svgDoc(W, H, defs, body) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><defs>${defs}</defs>${body}</svg>`;
}

// -------------------------------------------------------------------- main

async function loadEntries(only) {
  const ids = (await readdir(PRODUCTS, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const out = [];
  for (const id of ids) {
    if (only.length && !only.includes(id)) continue;
    const file = path.join(PRODUCTS, id, 'index.yaml');
    if (!existsSync(file)) continue;
    let data;
    try { data = YAML.parse(await readFile(file, 'utf8')) ?? {}; } catch (e) { console.warn(`skip ${id}: ${e.message}`); continue; }
    if (data.sample !== true) continue;
    const images = Array.isArray(data.images) ? data.images.filter((x) => typeof x === 'string' && /\.jpe?g$/i.test(x)) : [];
    out.push({ id, data, images });
  }
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const only = args.filter((a) => !a.startsWith('--'));
  const entries = await loadEntries(only);
  let written = 0, same = 0, total = 0, bad = 0, count = 0;
  for (const e of entries) {
    for (const img of e.images) {
      const svg = compose(e, img);
      const buf = await sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).jpeg(JPEG).toBuffer();
      const dest = path.join(PRODUCTS, e.id, img);
      const prev = existsSync(dest) ? await readFile(dest) : null;
      count++;
      total += buf.length;
      if (buf.length > MAX_BYTES) console.warn(`warning: ${e.id}/${img} is ${Math.round(buf.length / 1024)} KB`);
      if (prev && prev.equals(buf)) { same++; continue; }
      if (check) { bad++; console.log(`${prev ? 'out of date' : 'missing'}: ${e.id}/${img}`); continue; }
      await writeFile(dest, buf);
      written++;
    }
  }
  console.log(`${count} images for ${entries.length} sample products: ${written} written, ${same} unchanged, ${Math.round(total / 1024)} KB in all`);
  if (check && bad) process.exit(1);
}

main().catch((e) => { console.error(e); process.exit(1); });
