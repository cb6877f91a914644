import { describe, expect, it } from 'vitest';
import { drawMap, MARKER_RADIUS, placeLabels, separate, townsOf } from '../../packages/klaster/src/lib/map.ts';
import { progress, sectionPath } from '../../packages/klaster/src/lib/project-sections.ts';

describe('maps', () => {
  it('keep close places apart enough to read (Sofia and Kyustendil)', () => {
    const map = drawMap([
      { id: 'sofia', lat: 42.6977, lon: 23.3219 },
      { id: 'kyustendil', lat: 42.2839, lon: 22.6911 },
      { id: 'sofia-again', lat: 42.6977, lon: 23.3219 },
    ]);
    const [a, b, c] = map.points;
    for (const [p, q] of [[a, b], [a, c], [b, c]]) {
      expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThanOrEqual(MARKER_RADIUS * 2);
    }
    expect(map.points.map((p) => p.number)).toEqual([1, 2, 3]);
    for (const p of map.points) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(map.width);
    }
  });
  it('draw the countries around the places, and only them', () => {
    const region = drawMap([
      { id: 'nis', lat: 43.32, lon: 21.9 },
      { id: 'sofia', lat: 42.6977, lon: 23.3219 },
      { id: 'skopje', lat: 42.0, lon: 21.43 },
    ]);
    const europe = drawMap([
      { id: 'iasi', lat: 47.16, lon: 27.59 },
      { id: 'igualada', lat: 41.58, lon: 1.62 },
      { id: 'marseille', lat: 43.3, lon: 5.37 },
    ]);
    expect(region.countries.length).toBeGreaterThanOrEqual(3);
    expect(europe.countries.length).toBeGreaterThan(region.countries.length);
  });
  it('fit the frame to a cluster\'s towns, with a margin (Kyustendil, Sofia, Dupnitsa)', () => {
    const map = drawMap([
      { id: 'kyustendil', lat: 42.2839, lon: 22.6911 },
      { id: 'sofia', lat: 42.6977, lon: 23.3219 },
      { id: 'dupnitsa', lat: 42.2606, lon: 23.1181 },
    ]);
    const xs = map.points.map((p) => p.at.x);
    const ys = map.points.map((p) => p.at.y);
    // The towns, some 60 km apart, spread over most of the map, none at its very edge.
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(map.width / 3);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(map.height / 3);
    for (const p of map.points) {
      expect(p.at.x).toBeGreaterThanOrEqual(MARKER_RADIUS);
      expect(p.at.x).toBeLessThanOrEqual(map.width - MARKER_RADIUS);
      expect(p.at.y).toBeGreaterThanOrEqual(MARKER_RADIUS);
      expect(p.at.y).toBeLessThanOrEqual(map.height - MARKER_RADIUS);
    }
  });
  it('keep each place where it is, and its marker on it when nothing overlaps', () => {
    const map = drawMap([
      { id: 'kyustendil', lat: 42.2839, lon: 22.6911 },
      { id: 'sofia', lat: 42.6977, lon: 23.3219 },
      { id: 'sofia-again', lat: 42.6977, lon: 23.3219 },
    ]);
    const kyustendil = map.points.find((p) => p.point.id === 'kyustendil')!;
    expect([kyustendil.x, kyustendil.y]).toEqual([kyustendil.at.x, kyustendil.at.y]);
    const [a, b] = map.points.filter((p) => p.point.id.startsWith('sofia'));
    // Two members in one town: one dot, two markers beside it.
    expect(a.at).toEqual(b.at);
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(MARKER_RADIUS * 2);
  });
  it('number places from north-west to south-east', () => {
    const map = drawMap([
      { id: 'south', lat: 41, lon: 23 },
      { id: 'north', lat: 47, lon: 23 },
    ]);
    expect(map.points.map((p) => p.point.id)).toEqual(['north', 'south']);
  });
  it('separate() leaves distant points where they are', () => {
    const points = [{ x: 0, y: 0 }, { x: 100, y: 0 }];
    separate(points, 20);
    expect(points).toEqual([{ x: 0, y: 0 }, { x: 100, y: 0 }]);
  });
});

describe('drawMap reuse', () => {
  it('draws the same places once and returns each call its own points', () => {
    const places = (name: string) => [
      { id: 'sofia', lat: 42.6977, lon: 23.3219, name: `${name} Sofia` },
      { id: 'nis', lat: 43.32, lon: 21.9, name: `${name} Niš` },
    ];
    const en = drawMap(places('en'));
    const bg = drawMap(places('bg'));
    expect(bg.countries).toBe(en.countries);
    expect(bg.points.map((p) => [p.x, p.y, p.number])).toEqual(en.points.map((p) => [p.x, p.y, p.number]));
    expect(en.points.map((p) => p.point.name).sort()).toEqual(['en Niš', 'en Sofia']);
    expect(bg.points.map((p) => p.point.name).sort()).toEqual(['bg Niš', 'bg Sofia']);
  });
  it('draws other places afresh', () => {
    const one = drawMap([{ id: 'a', lat: 42.7, lon: 23.3 }]);
    const moved = drawMap([{ id: 'a', lat: 45.8, lon: 16.0 }]);
    expect(moved.countries).not.toBe(one.countries);
    expect(moved.points[0]).not.toEqual(one.points[0]);
  });
});

describe('project microsite helpers', () => {
  it('indicator progress is the achieved share of the target', () => {
    expect(progress(100, 64)).toEqual({ ratio: 0.64, percent: 64 });
    expect(progress(50, 63).percent).toBe(126);
    expect(progress(10, undefined)).toEqual({ ratio: 0, percent: 0 });
  });
  it('sections live below the project home', () => {
    expect(sectionPath('overview')).toBe('');
    expect(sectionPath('partners')).toBe('partners/');
  });
  describe('town labels', () => {
    const cluster = [
      { id: 'inter-moda', lat: 42.2839, lon: 22.6911, town: 'Кюстендил' },
      { id: 'hemus', lat: 42.2839, lon: 22.6911, town: 'Кюстендил' },
      { id: 'fde', lat: 42.6977, lon: 23.3219, town: 'София' },
      { id: 'dupnitsa', lat: 42.2606, lon: 23.1181, town: 'Дупница' },
    ];
    const map = drawMap(cluster);
    const labels = placeLabels(townsOf(map.points), map.points, map.width, map.height);
    type Box = (typeof labels)[number]['box'];
    const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    it('name each town once, in the text given (the page\'s language)', () => {
      expect(labels.map((l) => l.text).sort()).toEqual(['Дупница', 'Кюстендил', 'София']);
    });
    it('stay inside the map and clear of every marker and of each other', () => {
      for (const l of labels) {
        expect(l.box.left).toBeGreaterThanOrEqual(0);
        expect(l.box.top).toBeGreaterThanOrEqual(0);
        expect(l.box.right).toBeLessThanOrEqual(map.width);
        expect(l.box.bottom).toBeLessThanOrEqual(map.height);
        for (const m of map.points) {
          const marker = { left: m.x - MARKER_RADIUS, top: m.y - MARKER_RADIUS, right: m.x + MARKER_RADIUS, bottom: m.y + MARKER_RADIUS };
          expect(overlap(l.box, marker), `${l.text} over marker ${m.number}`).toBe(false);
        }
        for (const other of labels) if (other !== l) expect(overlap(l.box, other.box), `${l.text} over ${other.text}`).toBe(false);
      }
    });
    it('leave out a town with no free spot rather than cover another', () => {
      // A 60 × 40 map holds one marker and hardly any text.
      const tight = placeLabels([{ text: 'Kyustendil', x: 30, y: 20, places: 1 }], [{ x: 30, y: 20 }], 60, 40);
      expect(tight).toEqual([]);
    });
  });
});
