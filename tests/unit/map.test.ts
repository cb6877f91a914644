import { describe, expect, it } from 'vitest';
import { drawMap, MARKER_RADIUS, separate } from '../../packages/klaster/src/lib/map.ts';
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
    const balkans = drawMap([{ id: 'nis', lat: 43.32, lon: 21.9 }]);
    const europe = drawMap([
      { id: 'iasi', lat: 47.16, lon: 27.59 },
      { id: 'igualada', lat: 41.58, lon: 1.62 },
      { id: 'marseille', lat: 43.3, lon: 5.37 },
    ]);
    expect(balkans.countries.length).toBeGreaterThan(5);
    expect(europe.countries.length).toBeGreaterThan(balkans.countries.length);
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
});
