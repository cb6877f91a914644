#!/usr/bin/env node
/**
 * Writes the demo projects' result documents: one small PDF for every
 * entry under `results` in a project's index.yaml whose file is missing
 * (or every one, with --force).
 *
 * They are placeholders and say so on their first line: "Demo document",
 * in the document's language, and that the project's real document is not
 * reproduced. Everything else in them is taken from what the site itself
 * publishes about the project, in the document's language (`language` of
 * the result): name, programme, dates, budget, partners, and by the
 * result's type
 *   strategy             objectives, activities and expected results
 *   cluster-map          a map of the partners (src/lib/map.ts) with their list
 *   magazine, newsletter the project's news, newest first
 *   report, study,       indicators (target and achieved) where set, then the
 *   toolkit              activities and expected results
 * and at the foot, the programme's funding statement (and slogan) with the
 * EU emblem, as on the microsite. (The programmes' disclaimers speak of
 * "this website", so they are left out of documents.)
 *
 * Chromium (playwright-core, the browser tests' Chromium) prints the HTML
 * to PDF with the system's DejaVu fonts embedded, so Cyrillic and Romanian
 * letters come out right; pdftotext then reads every file back to prove the
 * text is extractable.
 *
 * Usage (from the repository root):
 *   node scripts/demo-results.mjs                missing documents of all projects
 *   node scripts/demo-results.mjs --force [ID…]  rewrite them (of these projects)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { checkContent } from '../../../packages/klaster/src/lib/content/check.ts';
import { collectionNames } from '../../../packages/klaster/src/lib/content/fields.ts';
import { contentRoot } from '../../../packages/klaster/src/lib/config.ts';
import { buildDate } from '../../../packages/klaster/src/lib/build-date.ts';
import { emblemSvg } from '../../../packages/klaster/src/lib/emblem.ts';
import { countryName, formatDate, formatMoney, formatNumber } from '../../../packages/klaster/src/lib/format.ts';
import { translator } from '../../../packages/klaster/src/lib/i18n.ts';
import { langTag } from '../../../packages/klaster/src/lib/locales.ts';
import { drawMap, MARKER_RADIUS } from '../../../packages/klaster/src/lib/map.ts';
import { buildModel, displayName, localize } from '../../../packages/klaster/src/lib/model.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The words of the documents that are not UI strings of the site. */
export const DEMO = {
  en: {
    banner: 'Demo document',
    note: (type) => `A placeholder made for the Klaster demo site from the facts the site publishes about this project. It is not the project's own ${type}, which is not reproduced here.`,
    news: 'In this issue',
  },
  bg: {
    banner: 'Демонстрационен документ',
    note: (type) => `Заместител, създаден за демонстрационния сайт на Klaster от данните за проекта, публикувани на сайта. Това не е истинският документ на проекта (${type}); той не е възпроизведен тук.`,
    news: 'В този брой',
  },
  sr: {
    banner: 'Демонстрациони документ',
    note: (type) => `Замена направљена за демо сајт Klaster на основу података о пројекту објављених на сајту. Ово није стварни документ пројекта (${type}); он овде није пренет.`,
    news: 'У овом броју',
  },
  ro: {
    banner: 'Document demonstrativ',
    note: (type) => `Înlocuitor realizat pentru site-ul demonstrativ Klaster pe baza datelor despre proiect publicate pe site. Nu este documentul real al proiectului (${type}), care nu este reprodus aici.`,
    news: 'În acest număr',
  },
};

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const list = (items) => (items?.length ? `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '');

function loadModel(root) {
  const result = checkContent(root, { today: buildDate() });
  // The result files this script is about to write are allowed to be missing.
  const errors = result.errors.filter((e) => !/^results\[\d+\]\.file$/.test(e.field ?? ''));
  if (errors.length) throw new Error(`The content has problems; run npm run check first:\n${errors.map((e) => `  ${e.file}: ${e.field}: ${e.message}`).join('\n')}`);
  const input = { facts: {}, texts: {} };
  for (const c of collectionNames) {
    const entries = [...result.content[c].values()];
    input.facts[c] = entries.map((e) => ({ id: e.id, data: e.facts }));
    input.texts[c] = entries.flatMap((e) =>
      Object.entries(e.texts).map(([locale, t]) => ({ id: e.id, locale, data: t.data, body: t.body, hasBody: t.body.trim().length > 0 })),
    );
  }
  return buildModel(input);
}

/** The HTML of one result document. */
export function documentHtml(model, projectId, result) {
  const lang = result.language;
  const t = translator(lang);
  const words = DEMO[lang.split('-')[0]] ?? DEMO.en;
  const project = model.get('projects', projectId);
  const f = project.facts;
  const text = localize(project, lang).text;
  const programme = localize(model.get('programmes', f.programme), lang).text;
  const type = t(`taxonomy.resultType.${result.type}`);
  const title = `${words.banner}: ${type} – ${f.acronym}`;

  const partners = f.partners.map((p) => {
    const entry = p.organisation ? model.get('organisations', p.organisation) : model.get('clusters', p.cluster);
    const pt = localize(entry, lang).text;
    const coordinates = entry.facts.coordinates;
    return { id: entry.id, name: displayName(pt), city: pt.city, country: countryName(entry.facts.country, lang), role: t(`taxonomy.partnerRole.${p.role}`), coordinates };
  });

  const facts = [
    [t('project.programme'), `${programme.name}${f.call ? ` · ${t('project.call')} ${f.call}` : ''}`],
    f.grantNumber && [t('project.grantNumber'), f.grantNumber],
    [t('project.period'), `${formatDate(f.start, lang)} – ${formatDate(f.end, lang)}`],
    f.budget && [t('project.budget'), formatMoney(f.budget.total, f.budget.currency, lang)],
    f.budget?.euContribution && [t('project.euContribution'), formatMoney(f.budget.euContribution, f.budget.currency, lang)],
  ].filter(Boolean);

  let body;
  const aims = `<h2>${esc(t('project.objectives'))}</h2>${list(text.objectives)}`;
  const work = `<h2>${esc(t('project.activities'))}</h2>${list(text.activities)}<h2>${esc(t('project.expectedResults'))}</h2>${list(text.expectedResults)}`;
  switch (result.type) {
    case 'strategy':
      body = aims + work;
      break;
    case 'cluster-map': {
      const places = partners.filter((p) => p.coordinates).map((p) => ({ ...p, lat: p.coordinates.lat, lon: p.coordinates.lon }));
      const map = drawMap(places, 480, 330);
      body = `<h2>${esc(t('map.partners'))}</h2>
<svg viewBox="0 0 ${map.width} ${map.height}" width="${map.width}" height="${map.height}" role="img" aria-label="${esc(t('map.partners'))}">
<rect width="${map.width}" height="${map.height}" fill="#dde9f2"/>
<g fill="#f4f1ea" stroke="#8d99a6" stroke-width="0.6">${map.countries.map((d) => `<path d="${d}"/>`).join('')}</g>
<g>${map.points.map((p) => `<g transform="translate(${p.x} ${p.y})"><circle r="${MARKER_RADIUS}" fill="#1f4e79"/><text text-anchor="middle" dy="0.35em" fill="#fff" font-size="12">${p.number}</text></g>`).join('')}</g>
</svg>
<h3>${esc(t('map.list'))}</h3>
<ol>${map.points.map((p) => `<li value="${p.number}">${esc(p.point.name)} · ${esc([p.point.city, p.point.country].filter(Boolean).join(', '))}</li>`).join('')}</ol>`;
      break;
    }
    case 'magazine':
    case 'newsletter': {
      const news = model.newsOf('projects', projectId).map((id) => {
        const n = model.get('news', id);
        const nt = localize(n, lang).text;
        return `<article><h3>${esc(nt.title)}</h3><p class="date">${esc(formatDate(n.facts.date, lang))}</p><p>${esc(nt.summary)}</p></article>`;
      });
      body = `<h2>${esc(words.news)}</h2>${news.join('')}`;
      break;
    }
    default: {
      const rows = f.indicators.flatMap((ind) => [ind, ...(ind.breakdown ?? []).map((b) => ({ ...b, sub: true }))]);
      const label = (id) => text.indicators?.[id] ?? id;
      const table = rows.length
        ? `<h2>${esc(t('project.indicators'))}</h2><table><thead><tr><th>${esc(t('project.indicators'))}</th><th>${esc(t('project.target'))}</th><th>${esc(t('project.achieved'))}</th></tr></thead><tbody>${rows
            .map((r) => `<tr${r.sub ? ' class="sub"' : ''}><td>${esc(label(r.id))}</td><td>${formatNumber(r.target, lang)}</td><td>${r.achieved === undefined ? '–' : formatNumber(r.achieved, lang)}</td></tr>`)
            .join('')}</tbody></table>`
        : '';
      body = table + work;
    }
  }

  return `<!doctype html>
<html lang="${langTag(lang)}">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>
  @page { size: A4; margin: 18mm 18mm 20mm; }
  body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; line-height: 1.4; color: #1b1b1b; }
  .banner { border: 2px solid #a33; color: #a33; padding: 6pt 8pt; margin-bottom: 12pt; }
  .banner strong { text-transform: uppercase; letter-spacing: 0.05em; }
  h1 { font-size: 17pt; margin: 0 0 4pt; }
  .name { font-size: 12pt; margin: 0 0 10pt; }
  h2 { font-size: 12pt; margin: 14pt 0 4pt; }
  h3 { font-size: 10.5pt; margin: 8pt 0 2pt; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 10pt; margin: 0; }
  dt { font-weight: bold; }
  dd { margin: 0; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #ccc; padding: 3pt 4pt; text-align: left; }
  td + td, th + th { text-align: right; }
  tr.sub td:first-child { padding-left: 16pt; }
  .date { color: #555; margin: 0; }
  footer { margin-top: 18pt; border-top: 1px solid #999; padding-top: 8pt; display: flex; gap: 10pt; align-items: flex-start; font-size: 8.5pt; }
  footer svg { flex: none; }
  footer p { margin: 0 0 3pt; }
  svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<p class="banner"><strong>${esc(words.banner)}</strong><br>${esc(words.note(type.toLowerCase()))}</p>
<h1>${esc(type)}: ${esc(f.acronym)}</h1>
<p class="name">${esc(text.name)}</p>
<p>${esc(text.summary)}</p>
<dl>${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
<h2>${esc(t('project.partners'))}</h2>
<ul>${partners.map((p) => `<li>${esc(p.name)} (${esc(p.role)}) · ${esc([p.city, p.country].filter(Boolean).join(', '))}</li>`).join('')}</ul>
${body}
<footer>
${model.get('programmes', f.programme).facts.funder === 'european-union' ? emblemSvg(t('funding.emblemAlt'), 40) : ''}
<div><p><strong>${esc(programme.statement)}</strong></p>${programme.slogan ? `<p>${esc(programme.slogan)}</p>` : ''}<p>${esc(programme.name)}</p></div>
</footer>
</body>
</html>`;
}

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const only = args.filter((a) => !a.startsWith('--'));
  const root = contentRoot();
  const model = loadModel(root);
  const jobs = [];
  for (const project of model.all('projects')) {
    if (only.length && !only.includes(project.id)) continue;
    for (const result of project.facts.results) {
      const file = join(root, 'projects', project.id, result.file);
      if (!result.file.endsWith('.pdf')) continue;
      if (existsSync(file) && !force) continue;
      jobs.push({ project: project.id, result, file });
    }
  }
  if (!jobs.length) {
    console.log('Every result document is there (use --force to rewrite them).');
    return;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'], headless: true });
  try {
    const page = await browser.newPage();
    for (const job of jobs) {
      await page.setContent(documentHtml(model, job.project, job.result), { waitUntil: 'load' });
      writeFileSync(job.file, await page.pdf({ format: 'A4', printBackground: true, tagged: true }));
      const banner = (DEMO[job.result.language.split('-')[0]] ?? DEMO.en).banner;
      const read = execFileSync('pdftotext', [job.file, '-'], { encoding: 'utf8' });
      if (!read.replace(/\s+/g, ' ').toLowerCase().includes(banner.toLowerCase())) throw new Error(`pdftotext does not find "${banner}" in ${job.file}`);
      console.log(`Wrote ${job.file}`);
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
