/**
 * Maps drawn at build time: the countries of Europe (Natural Earth, from
 * world-atlas) projected with d3-geo, and numbered markers for places with
 * coordinates. No tiles, no requests, no JavaScript. The frame is fitted to
 * the places shown (a cluster's towns, a cross-border region) with a margin.
 * Each place is a dot where it is; its numbered marker sits on it, or, where
 * markers would overlap, beside it with a line to the dot, so every number
 * stays readable; the list beside the map names each number.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoAzimuthalEqualArea, geoBounds, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
}

export interface PlacedPoint<P extends MapPoint> {
  point: P;
  number: number;
  /** The numbered marker's centre. */
  x: number;
  y: number;
  /** The place itself on the map (the marker's centre unless markers were moved apart). */
  at: { x: number; y: number };
}

export interface DrawnMap<P extends MapPoint> {
  width: number;
  height: number;
  countries: string[];
  points: PlacedPoint<P>[];
}

let europe: FeatureCollection<Geometry> | undefined;

/** The world's countries at 1:50m, read once per build. */
function countries(): FeatureCollection<Geometry> {
  if (!europe) {
    const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
    const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection }>;
    europe = feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
  }
  return europe;
}

let bounds: [[number, number], [number, number]][] | undefined;

/** Each country's bounding box in degrees ([[west, south], [east, north]]), computed once. */
function countryBounds() {
  bounds ??= countries().features.map((f) => geoBounds(f));
  return bounds;
}

/**
 * The degrees a map's frame shows, from points along its border taken back
 * through the projection, with a margin: countries wholly outside are not
 * projected at all (projecting and clipping every country of the world was
 * most of a map's cost).
 */
function visibleBox(projection: GeoProjection, width: number, height: number) {
  let west = 180, east = -180, south = 90, north = -90;
  const steps = 8;
  for (let i = 0; i <= steps; i++) {
    for (const [x, y] of [[(width * i) / steps, 0], [(width * i) / steps, height], [0, (height * i) / steps], [width, (height * i) / steps]]) {
      const p = projection.invert?.([x, y]);
      if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return undefined;
      west = Math.min(west, p[0]);
      east = Math.max(east, p[0]);
      south = Math.min(south, p[1]);
      north = Math.max(north, p[1]);
    }
  }
  const margin = 2;
  return { west: west - margin, east: east + margin, south: south - margin, north: north + margin };
}

function mayShow(box: ReturnType<typeof visibleBox>, [[w, s], [e, n]]: [[number, number], [number, number]]) {
  if (!box || w > e) return true; // unknown frame, or a country across the antimeridian: draw it
  return e >= box.west && w <= box.east && n >= box.south && s <= box.north;
}

/**
 * Smallest span of the map in degrees (about 90 km north to south): a map of
 * one town or of two neighbouring ones still shows the country around them.
 */
const MIN_SPAN = 0.8;
/** The margin around the places, as a share of their span. */
const MARGIN = 0.35;
export const MARKER_RADIUS = 13;

/** Pushes markers apart until no two overlap (a few relaxation rounds). */
export function separate(points: { x: number; y: number }[], minDistance: number, rounds = 60): void {
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const a = points[i];
        const b = points[j];
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let d = Math.hypot(dx, dy);
        if (d >= minDistance) continue;
        if (d < 0.01) {
          // Same place: split them sideways, in a fixed direction.
          dx = 1;
          dy = 0;
          d = 1;
        }
        const push = (minDistance - d) / 2;
        a.x -= (dx / d) * push;
        a.y -= (dy / d) * push;
        b.x += (dx / d) * push;
        b.y += (dy / d) * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
}

/**
 * Drawn geometries by their points and size. The same places are drawn on
 * a page in every locale (and a cluster's members on several pages); the
 * projection of every country is the costly part, so it is done once.
 */
const drawn = new Map<string, DrawnMap<MapPoint & { index: number }>>();

/** Draws the map of these points, with each point placed and numbered. */
export function drawMap<P extends MapPoint>(input: P[], width = 420, height = 315): DrawnMap<P> {
  const key = JSON.stringify([width, height, input.map((p) => [p.id, p.lat, p.lon])]);
  let geometry = drawn.get(key);
  if (!geometry) {
    geometry = project(input.map(({ id, lat, lon }, index) => ({ id, lat, lon, index })), width, height);
    drawn.set(key, geometry);
  }
  return { ...geometry, points: geometry.points.map((p) => ({ ...p, point: input[p.point.index] })) };
}

function project<P extends MapPoint>(input: P[], width: number, height: number): DrawnMap<P> {
  // Room for a marker at the edge of the frame.
  const pad = MARKER_RADIUS + 6;
  const lats = input.map((p) => p.lat);
  const lons = input.map((p) => p.lon);
  const centre = input.length
    ? { lat: (Math.min(...lats) + Math.max(...lats)) / 2, lon: (Math.min(...lons) + Math.max(...lons)) / 2 }
    : { lat: 50, lon: 15 };
  const spanLat = input.length ? Math.max(...lats) - Math.min(...lats) : 20;
  const spanLon = input.length ? (Math.max(...lons) - Math.min(...lons)) * Math.cos((centre.lat * Math.PI) / 180) : 20;
  const half = Math.max(MIN_SPAN / 2, (spanLat / 2) * (1 + MARGIN), (spanLon / 2) * (1 + MARGIN));
  const halfLon = half / Math.max(0.2, Math.cos((centre.lat * Math.PI) / 180));
  const frame: GeoPermissibleObjects = {
    type: 'MultiPoint',
    coordinates: [
      ...input.map((p) => [p.lon, p.lat]),
      [centre.lon - halfLon, centre.lat - half],
      [centre.lon + halfLon, centre.lat + half],
    ],
  };
  const projection = geoAzimuthalEqualArea()
    .rotate([-centre.lon, -centre.lat])
    .fitExtent(
      [
        [pad, pad],
        [width - pad, height - pad],
      ],
      frame,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const path = geoPath(projection).digits(1);
  const box = visibleBox(projection, width, height);
  const within = countryBounds();
  const shapes = countries()
    .features.map((f: Feature<Geometry>, i) => (mayShow(box, within[i]) ? path(f) : null))
    .filter((d): d is string => !!d && d.length > 0);
  const placed = input
    .map((point) => {
      const [x, y] = projection([point.lon, point.lat]) ?? [width / 2, height / 2];
      const round = (n: number) => Math.round(n * 10) / 10;
      return { point, number: 0, x, y, at: { x: round(x), y: round(y) } };
    })
    // Number from north-west to south-east, so the list reads like the map.
    .sort((a, b) => a.y - b.y || a.x - b.x || (a.point.id < b.point.id ? -1 : 1));
  placed.forEach((p, i) => (p.number = i + 1));
  separate(placed, MARKER_RADIUS * 2 + 2);
  for (const p of placed) {
    p.x = Math.round(Math.min(width - MARKER_RADIUS, Math.max(MARKER_RADIUS, p.x)) * 10) / 10;
    p.y = Math.round(Math.min(height - MARKER_RADIUS, Math.max(MARKER_RADIUS, p.y)) * 10) / 10;
  }
  return { width, height, countries: shapes, points: placed };
}

/** A town's name on the map: `x`, `y` are where its text is anchored (the middle of its line's height). */
export interface MapLabel {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
  /** The box the text is taken to fill, for overlap checks and tests. */
  box: { left: number; top: number; right: number; bottom: number };
}

/** The labels' font size in map units (a 420-unit map is about 360 px wide on a 390 px phone: about 12 px). */
export const LABEL_SIZE = 14;

/** A generous width of a text in map units: 0.7 em a character covers Latin, Cyrillic and Greek letters in a semi-bold sans-serif. */
export const labelWidth = (text: string, size = LABEL_SIZE) => Array.from(text).length * size * 0.7;

type Box = MapLabel['box'];
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Town names beside their places, one label a town (beside the markers
 * of its places), where the label stays inside the map and overlaps no
 * numbered marker and no other label: to the right, else the left, above
 * or below them, then the same a line further out. A town with no free spot gets no label (the list
 * beside the map still names every place). Towns are labelled from the
 * one with most places down, then north to south.
 */
export function placeLabels(
  towns: { text: string; x: number; y: number; places: number; around?: Box }[],
  markers: { x: number; y: number }[],
  width: number,
  height: number,
  size = LABEL_SIZE,
): MapLabel[] {
  const half = size * 0.6;
  const taken: Box[] = markers.map((m) => ({ left: m.x - MARKER_RADIUS, top: m.y - MARKER_RADIUS, right: m.x + MARKER_RADIUS, bottom: m.y + MARKER_RADIUS }));
  const labels: MapLabel[] = [];
  const order = [...towns].sort((a, b) => b.places - a.places || a.y - b.y || a.x - b.x || (a.text < b.text ? -1 : 1));
  for (const town of order) {
    const w = labelWidth(town.text, size);
    // Beside the town's markers (where they were moved apart, around all of them), then a line further out.
    const around = town.around ?? { left: town.x - MARKER_RADIUS, top: town.y - MARKER_RADIUS, right: town.x + MARKER_RADIUS, bottom: town.y + MARKER_RADIUS };
    const cx = (around.left + around.right) / 2;
    const cy = (around.top + around.bottom) / 2;
    const candidates: Omit<MapLabel, 'text'>[] = [];
    for (const out of [3, 3 + 2 * half]) {
      const right = around.right + out;
      const left = around.left - out;
      const above = around.top - out;
      const below = around.bottom + out;
      candidates.push(
        { x: right, y: cy, anchor: 'start', box: { left: right, top: cy - half, right: right + w, bottom: cy + half } },
        { x: left, y: cy, anchor: 'end', box: { left: left - w, top: cy - half, right: left, bottom: cy + half } },
        { x: cx, y: above - half, anchor: 'middle', box: { left: cx - w / 2, top: above - 2 * half, right: cx + w / 2, bottom: above } },
        { x: cx, y: below + half, anchor: 'middle', box: { left: cx - w / 2, top: below, right: cx + w / 2, bottom: below + 2 * half } },
      );
    }
    const free = candidates.find((c) => c.box.left >= 0 && c.box.top >= 0 && c.box.right <= width && c.box.bottom <= height && !taken.some((t) => overlaps(t, c.box)));
    if (!free) continue;
    const round = (n: number) => Math.round(n * 10) / 10;
    const box = { left: round(free.box.left), top: round(free.box.top), right: round(free.box.right), bottom: round(free.box.bottom) };
    labels.push({ text: town.text, x: round(free.x), y: round(free.y), anchor: free.anchor, box });
    taken.push(box);
  }
  return labels;
}

/** The towns of placed points (by their `town`): the middle of its places, and the box around its markers. */
export function townsOf<P extends MapPoint & { town?: string }>(points: PlacedPoint<P>[]) {
  const towns = new Map<string, { text: string; x: number; y: number; places: number; around: Box }>();
  for (const p of points) {
    const name = p.point.town?.trim();
    if (!name) continue;
    const t = towns.get(name) ?? { text: name, x: 0, y: 0, places: 0, around: { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity } };
    t.x += p.at.x;
    t.y += p.at.y;
    t.places += 1;
    t.around = {
      left: Math.min(t.around.left, p.x - MARKER_RADIUS),
      top: Math.min(t.around.top, p.y - MARKER_RADIUS),
      right: Math.max(t.around.right, p.x + MARKER_RADIUS),
      bottom: Math.max(t.around.bottom, p.y + MARKER_RADIUS),
    };
    towns.set(name, t);
  }
  return [...towns.values()].map((t) => ({ ...t, x: t.x / t.places, y: t.y / t.places }));
}
