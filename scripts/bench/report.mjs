/** The benchmark's table: Markdown for people, JSON for machines. */

const num = (v, digits = 1) =>
  v === null || v === undefined || Number.isNaN(v) ? 'n/a' : Number(v).toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = (v) => (v === null || v === undefined ? 'n/a' : Number(v).toLocaleString('en'));
const mb = (bytes) => (bytes === null || bytes === undefined ? 'n/a' : num(bytes / 1024 / 1024, 0));
const kb = (bytes) => (bytes === null || bytes === undefined ? 'n/a' : num(bytes / 1024, 0));

/** The peak memory of each phase, in the phases' order ("n/a" where a phase did not show). */
function byPhase(peaks) {
  if (!peaks) return 'n/a';
  return ['content', 'bundle', 'rendering', 'images', 'search'].map((phase) => mb(peaks[phase])).join(' / ');
}

/** The largest of the per-language bounds, with its language. */
function worst(byLanguage) {
  if (!byLanguage) return 'n/a';
  const [lang, bytes] = Object.entries(byLanguage).sort((a, b) => b[1] - a[1])[0] ?? [];
  return lang ? `${kb(bytes)} (${lang})` : 'n/a';
}

/** The Markdown table of a result (see bench.mjs for its shape). */
export function markdownTable(result) {
  const k = result.klaster;
  const f = result.floor;
  const p = k.phases;
  const fp = f?.phases;
  const dash = '–';
  const rows = [
    ['pages written', int(k.pages), f ? int(f.pages) : dash],
    ['total (s)', num(k.totalSeconds), f ? num(f.totalSeconds) : dash],
    ['  content loading and checks (s)', num(p.content), fp ? num(fp.content) : dash],
    ['  bundling (s)', num(p.bundle), fp ? num(fp.bundle) : dash],
    ['  rendering (s)', num(p.rendering), fp ? num(fp.rendering) : dash],
    [`  images (s)${result.images === 'none' ? ' [pass-through]' : ''}`, num(p.images), fp ? num(fp.images) : dash],
    ['  search index (s)', num(p.search), fp ? num(fp.search) : dash],
    ['  other: sitemap, swap, exit (s)', num(p.other), fp ? num(fp.other) : dash],
    ['ms per page, all told', num(k.msPerPage, 2), f ? num(f.msPerPage, 2) : dash],
    ['ms per page, images excluded', num(k.msPerPageExclImages, 2), f ? num(f.msPerPage, 2) : dash],
    ['ratio to the floor (images excluded)', result.ratioToFloor === null ? 'n/a' : `${num(result.ratioToFloor, 2)}×`, f ? '1.00×' : dash],
    ['CPU time, user + system (s)', num(k.cpuSeconds), f ? num(f.cpuSeconds) : dash],
    [`CPU ms per page${result.images === 'none' ? '' : ', images included'}`, num(k.cpuMsPerPage, 2), f ? num(f.cpuMsPerPage, 2) : dash],
    [`ratio to the floor, CPU${result.images === 'none' ? '' : ' (images included)'}`, result.cpuRatioToFloor === null || result.cpuRatioToFloor === undefined ? 'n/a' : `${num(result.cpuRatioToFloor, 2)}×`, f ? '1.00×' : dash],
    ['peak memory, RSS (MB)', mb(k.peakRssBytes), f ? mb(f.peakRssBytes) : dash],
    ['  peak while: content, bundling, rendering, images, search (MB)', byPhase(k.peakRssByPhaseBytes), f ? byPhase(f.peakRssByPhaseBytes) : dash],
    ['size of dist/ (MB)', mb(k.distBytes), f ? mb(f.distBytes) : dash],
    [`first search query downloads (KB)${k.search?.term ? `, "${k.search.term}"` : ''}`, kb(k.search?.bytes), f?.search ? kb(f.search.bytes) : dash],
    ['  worst query, upper bound from file sizes (KB)', worst(k.searchWorstByLanguage), f ? worst(f.searchWorstByLanguage) : dash],
  ];
  if (result.rebuild) {
    rows.push([
      'rebuild after one product text edit (s)',
      `${num(result.rebuild.totalSeconds)} (${num(result.rebuild.ratioToFull * 100, 0)}% of the full build${
        result.rebuild.cpuRatioToFull ? `; CPU ${num(result.rebuild.cpuRatioToFull * 100, 0)}%` : ''
      })`,
      dash,
    ]);
  }
  const c = result.corpus;
  const head = [
    `Klaster benchmark: ${int(c.products)} products, ${int(c.organisations)} organisations, ${int(c.clusters)} clusters, ` +
      `${int(c.projects)} projects, ${int(c.news)} news, ${int(c.events)} events, ${int(c.programmes)} programmes; ` +
      `${int(c.textFiles)} text files (${int(c.missingTranslations)} translations missing), ${int(c.images)} images (${result.images}).`,
    `Machine: ${result.machine.cpus}× ${result.machine.cpuModel}, ${mb(result.machine.memoryBytes)} MB RAM, Node ${result.machine.node}, ${result.machine.platform}; ${result.date}.`,
    // The load at the end is mostly the benchmark's own; the load at the
    // start says whether other work was running.
    `Load average (1 min) before the run ${num(result.machine.loadAverageStart, 1)}, after ${num(result.machine.loadAverageEnd, 1)}` +
      (result.machine.loadAverageStart > result.machine.cpus * 0.5
        ? ': other processes were busy, so wall-clock figures are noisy (CPU time less so); compare only within one run.'
        : '.'),
    '',
  ];
  const table = ['| measure | Klaster | floor |', '|---|---:|---:|', ...rows.map((r) => `| ${r.join(' | ')} |`)];
  return [...head, ...table].join('\n');
}
