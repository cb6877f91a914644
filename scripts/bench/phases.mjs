/**
 * The phases of a build, read from Astro's log as it arrives. Each line is
 * stamped with the moment it arrived (see run.mjs), so a phase is the time
 * between two marker lines. Astro's own "✓ Completed in" figures are kept
 * beside them as a cross-check.
 *
 * To measure a new phase (the search index, say), add its markers to
 * MARKERS and a line to `phases()`.
 */

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
export const clean = (text) => text.replace(ANSI, '');

export const MARKERS = {
  checkDone: /Content OK: .* in ([\d.]+) s/,
  syncStart: /\[content\] Syncing content/,
  syncDone: /\[content\] Synced content/,
  bundleStart: /Building static entrypoints/,
  routesStart: /generating static routes/,
  route: /^\s*\S*\s*[├└]─ /,
  imagesStart: /generating optimized images/,
  image: /\((\d+)\/(\d+)\)\s*$/,
  // "325ms", "8.79s", "1m 26s", "10m 38s"
  completed: /✓ Completed in ((?:\d+m ?)?[\d.]+(?:ms|s)|\d+m)(?![\w])/,
  // Pagefind, whether run by an integration or by the build script.
  search: /pagefind|search index/i,
  searchDone: /Finished in ([\d.]+) seconds|Indexed \d+ page/i,
  duration: /\bin ((?:\d+m ?)?[\d.]+ ?(?:ms|s|seconds)|\d+m)(?![\w])/,
  pagesBuilt: /\[build\] (\d+) page\(s\) built in/,
  buildComplete: /\[build\] Complete!/,
};

/** Astro's and Pagefind's durations ("325ms", "8.79s", "1m 26s", "0.8 seconds") in ms. */
export function durationMs(text) {
  const m = /^(?:(\d+)m ?)?(?:([\d.]+) ?(ms|s|seconds))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1] ?? 0) * 60000 + (m[2] ? Number(m[2]) * (m[3] === 'ms' ? 1 : 1000) : 0);
}

/** Phase durations in seconds (null where the phase did not show). */
export function phases(lines, totalMs) {
  const L = lines.map((l) => ({ ms: l.ms, text: clean(l.text) }));
  const find = (re, from = 0) => {
    for (let i = from; i < L.length; i++) if (re.test(L[i].text)) return i;
    return -1;
  };
  const at = (i) => (i >= 0 ? L[i].ms : undefined);
  const span = (a, b) => (a === undefined || b === undefined ? null : Math.max(0, b - a) / 1000);

  const check = find(MARKERS.checkDone);
  const syncStart = find(MARKERS.syncStart);
  const syncDone = find(MARKERS.syncDone, Math.max(syncStart, 0));
  const bundle = find(MARKERS.bundleStart);
  const routes = find(MARKERS.routesStart);
  // A process that exits right after its last lines may lose them on a
  // pipe; then a phase ends with its last route (or image) line.
  const lastOf = (re, from) => {
    let last = -1;
    for (let i = from; i < L.length && !MARKERS.completed.test(L[i].text); i++) if (re.test(L[i].text)) last = i;
    return last;
  };
  const routesDone = routes >= 0 ? find(MARKERS.completed, routes) : -1;
  const routesEnd = routesDone >= 0 ? routesDone : routes >= 0 ? lastOf(MARKERS.route, routes) : -1;
  const images = find(MARKERS.imagesStart, Math.max(routes, 0));
  const imagesDone = images >= 0 ? find(MARKERS.completed, images) : -1;
  const imagesEnd = imagesDone >= 0 ? imagesDone : images >= 0 ? lastOf(MARKERS.image, images) : -1;
  // The search index: from the first line that names it to the last (or to
  // its "Finished" line). When it reports its own duration on one line
  // ("Indexed 474 pages for search in 1.1s"), that figure is taken.
  const searchFrom = Math.max(routesDone, imagesDone, 0);
  const search = routes >= 0 ? find(MARKERS.search, searchFrom) : -1;
  let searchSeconds = null;
  if (search >= 0) {
    let end = find(MARKERS.searchDone, search);
    if (end < 0) for (let i = search; i < L.length; i++) if (MARKERS.search.test(L[i].text)) end = i;
    const own = MARKERS.duration.exec(L[end].text);
    searchSeconds = own ? durationMs(own[1]) / 1000 : span(at(search - 1), at(end));
  }
  // Each phase from and to (ms since the start): its length, and the memory samples within it.
  const spans = {
    content: bundle >= 0 ? [0, at(bundle)] : null,
    bundle: bundle >= 0 && routes >= 0 ? [at(bundle), at(routes)] : null,
    rendering: routes >= 0 && routesEnd >= 0 ? [at(routes), at(routesEnd)] : null,
    images: images >= 0 && imagesEnd >= 0 ? [at(images), at(imagesEnd)] : null,
    search: search >= 0 ? [at(search - 1) ?? at(search), totalMs] : null,
  };
  const completedMs = (i) => {
    if (i < 0) return null;
    const m = MARKERS.completed.exec(L[i].text);
    return m ? durationMs(m[1]) / 1000 : null;
  };

  const length = (s) => (s ? Math.max(0, s[1] - s[0]) / 1000 : null);
  const result = {
    content: length(spans.content),
    bundle: length(spans.bundle),
    rendering: length(spans.rendering),
    images: length(spans.images),
    search: searchSeconds,
    other: null,
    check: check >= 0 ? Number(MARKERS.checkDone.exec(L[check].text)[1]) : null,
    contentSync: span(at(syncStart), at(syncDone)),
    astroRendering: completedMs(routesDone),
    astroImages: completedMs(imagesDone),
    routes: routes >= 0 ? L.slice(routes, routesDone >= 0 ? routesDone : undefined).filter((l) => MARKERS.route.test(l.text)).length : 0,
    imageFiles: images >= 0 ? L.slice(images, imagesDone >= 0 ? imagesDone : undefined).filter((l) => MARKERS.image.test(l.text)).length : 0,
    spans,
  };
  const known = ['content', 'bundle', 'rendering', 'images', 'search'].reduce((s, k) => s + (result[k] ?? 0), 0);
  result.other = Math.max(0, totalMs / 1000 - known);
  return result;
}

/**
 * The peak of the memory samples ({ ms, bytes }) taken within each phase's
 * span (see phases()): which part of the build the peak belongs to.
 */
export function peaksByPhase(spans, samples) {
  const out = {};
  for (const [phase, span] of Object.entries(spans ?? {})) {
    if (!span) continue;
    const within = samples.filter((s) => s.ms >= span[0] && s.ms <= span[1]).map((s) => s.bytes);
    if (within.length) out[phase] = Math.max(...within);
  }
  return out;
}

const ID_PARENTS = new Set(['products', 'clusters', 'members', 'organisations', 'projects', 'news', 'events', 'newsletter', 'newsletters', 'programmes']);

/** A route's pattern: /en/products/x/index.html -> /:locale/products/[id]/ */
export function routePattern(path) {
  const parts = path.replace(/^\//, '').replace(/index\.html$/, '').split('/').filter(Boolean);
  if (parts.length === 0) return '/';
  const out = [];
  for (let i = 0; i < parts.length; i++) {
    const prev = parts[i - 1];
    if (i === 0 && /^[a-z]{2}(?:-[a-z]+)?$/.test(parts[0])) out.push(':locale');
    else if (prev === 'page') out.push('[n]');
    else if (ID_PARENTS.has(prev) && out[i - 1] !== '[value]') out.push('[id]');
    else if (parts[i - 2] === 'catalogue' && prev !== 'page') out.push('[value]');
    else out.push(parts[i]);
  }
  const folder = path.endsWith('/') || path.endsWith('index.html');
  return `/${out.join('/')}${folder ? '/' : ''}`;
}

/**
 * Rendering time by route pattern, from Astro's "(+12ms)" after each route.
 * Astro renders several pages at a time (build.concurrency), so these add
 * up to more than the phase; they compare kinds of page with each other.
 * Sorted by total time, slowest first.
 */
export function routeKinds(lines) {
  const kinds = new Map();
  const re = /[├└]─ (\S+) \(\+(\d+)ms\)/;
  for (const { text } of lines) {
    const m = re.exec(clean(text));
    if (!m) continue;
    const key = routePattern(m[1]);
    const k = kinds.get(key) ?? { route: key, pages: 0, ms: 0 };
    k.pages++;
    k.ms += Number(m[2]);
    kinds.set(key, k);
  }
  return [...kinds.values()]
    .map((k) => ({ ...k, msPerPage: Math.round((k.ms / k.pages) * 100) / 100 }))
    .sort((a, b) => b.ms - a.ms);
}

/** Follows a build's log to say where it is, for the progress line. */
export function tracker() {
  const state = { phase: 'starting', routes: 0, images: 0, imagesTotal: 0 };
  return {
    state,
    line(raw) {
      const text = clean(raw);
      if (MARKERS.checkDone.test(text)) state.phase = 'content loading';
      else if (MARKERS.syncStart.test(text)) state.phase = 'content loading';
      else if (MARKERS.bundleStart.test(text)) state.phase = 'bundling';
      else if (MARKERS.routesStart.test(text)) state.phase = 'rendering';
      else if (MARKERS.imagesStart.test(text)) state.phase = 'images';
      else if (state.phase === 'rendering' && MARKERS.route.test(text)) state.routes++;
      else if (state.phase === 'images' && MARKERS.image.test(text)) {
        const m = MARKERS.image.exec(text);
        state.images = Number(m[1]);
        state.imagesTotal = Number(m[2]);
      } else if (MARKERS.completed.test(text) && (state.phase === 'rendering' || state.phase === 'images')) state.phase = 'finishing';
      else if (state.phase === 'finishing' && MARKERS.search.test(text)) state.phase = 'search index';
    },
    describe() {
      if (state.phase === 'rendering') return `rendering: ${state.routes.toLocaleString('en')} pages`;
      if (state.phase === 'images') return `images: ${state.images.toLocaleString('en')}/${state.imagesTotal.toLocaleString('en')}`;
      return state.phase;
    },
  };
}
