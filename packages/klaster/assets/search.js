// Search with Pagefind, written for this site rather than taken from
// Pagefind's own UI: the interface speaks the site's languages (from
// i18n/<locale>.json, Bulgarian included), keeps the query and filters in
// the address, and announces results to screen readers. Queries are
// normalised as the index was (search-terms.js): Bulgarian word forms meet,
// Serbian is searched in either script, with or without diacritics.
import { searchTerms, STEMMER } from './search-terms.js';

const form = document.getElementById('search-form');
if (form) {
  const strings = JSON.parse(form.dataset.strings);
  const input = form.querySelector('input[name="q"]');
  const filtersBox = document.getElementById('search-filters');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more');
  const FILTERS = JSON.parse(form.dataset.filters);
  const PAGE = 20;
  let pagefind;
  let terms = searchTerms(form.dataset.locale);
  let results = [];
  let shown = 0;
  let run = 0;

  const plural = new Intl.PluralRules(document.documentElement.lang);
  const say = (key, vars) => {
    let text = strings[key];
    if (typeof text === 'object') text = text[plural.select(vars.count)] ?? text.other;
    return text.replace(/\{\{(\w+)\}\}/g, (_, name) => String(vars[name]));
  };

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';

  async function load() {
    const stemmer = STEMMER[form.dataset.locale];
    if (stemmer) terms = searchTerms(form.dataset.locale, { [stemmer]: (await import(`./stem-${stemmer}.js`)).stemmer });
    pagefind = await import(form.dataset.bundle + 'pagefind.js');
    await pagefind.options({ baseUrl: form.dataset.base });
    const available = await pagefind.filters();
    for (const key of FILTERS) {
      const values = Object.keys(available[key] ?? {}).sort((a, b) => a.localeCompare(b, document.documentElement.lang));
      if (!values.length) continue;
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = strings.filterNames[key];
      fieldset.append(legend);
      const chosen = params.getAll(key);
      for (const value of values) {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = key;
        box.value = value;
        box.checked = chosen.includes(value);
        label.append(box, ' ', value);
        fieldset.append(label);
      }
      filtersBox.append(fieldset);
    }
    const details = document.getElementById('search-filter-box');
    details.hidden = filtersBox.children.length === 0;
    // Open when the address already chose filters; closed, it keeps the tab order short.
    details.open = filtersBox.querySelector('input:checked') !== null;
  }

  function selectedFilters() {
    const filters = {};
    for (const box of filtersBox.querySelectorAll('input:checked')) {
      (filters[box.name] ??= { any: [] }).any.push(box.value);
    }
    return filters;
  }

  function remember(query, filters) {
    const next = new URLSearchParams();
    if (query) next.set('q', query);
    for (const [key, { any }] of Object.entries(filters)) for (const value of any) next.append(key, value);
    const search = next.toString();
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
  }

  // A result quotes the page's text around the match, as Pagefind's own
  // excerpt does (its densest run of matched words, 30 words long), but only
  // from the page's text: the index reads each page with its name first, its
  // label parts (maker, category, facts) and the search words it adds after
  // the text, between two anchors whose word positions Pagefind records
  // (src/integrations/search-words.ts). Pagefind's excerpt would quote those
  // too ("MakerRila Knit", a Bulgarian page's stems). A run starts at its
  // sentence when that is near; the page's summary stands in when it has no
  // text of its own.
  const EXCERPT_WORDS = 30;
  const EXCERPT = 220;
  const WORD = /[\p{L}\p{N}]+/gu;
  const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '');

  /** Whether a word of the text answers one of the query's keys: one key is the start of the other. */
  function matcher(query) {
    const keys = terms.keys(query).map(fold).filter(Boolean);
    return (word) => {
      const key = fold(terms.key(word.toLocaleLowerCase(document.documentElement.lang)));
      return keys.some((k) => key.startsWith(k) || (key.length >= 3 && k.startsWith(key)));
    };
  }

  /** The words of the page's text around its matches, as text and <mark> nodes; undefined when the page has no text of its own. */
  function textExcerpt(item, matches) {
    const words = item.content.split(/[\r\n\s]+/g);
    const anchor = (id) => item.anchors?.find((a) => a.id === id)?.location;
    const from = anchor('klaster-search-text') ?? 0;
    let to = Math.min(anchor('klaster-search-tail') ?? words.length, words.length);
    while (from < to && !words[to - 1]) to--;
    if (to - from < 1) return undefined;
    // Pagefind's matches in the text, and the text's words whose key meets the query's (a match of an added stem).
    const score = new Map();
    for (const l of item.weighted_locations ?? [])
      if (l.location >= from && l.location < to) score.set(l.location, (score.get(l.location) ?? 0) + l.balanced_score);
    for (let i = from; i < to; i++) if (!score.has(i) && [...(words[i].match(WORD) ?? [])].some(matches)) score.set(i, 1);
    let start = from;
    let best = 0;
    for (let i = from; i < Math.max(from + 1, to - EXCERPT_WORDS + 1); i++) {
      let sum = 0;
      for (let j = i; j < Math.min(to, i + EXCERPT_WORDS); j++) sum += score.get(j) ?? 0;
      if (sum > best) [best, start] = [sum, i];
    }
    // The window's first match a few words in, not at its end.
    if (best > 0)
      for (let i = start; i < to; i++)
        if (score.has(i)) {
          start = Math.max(from, Math.min(start + EXCERPT_WORDS - 1, i) - 8);
          break;
        }
    // From the start of the sentence, when it begins at most ten words before.
    for (let i = start; i > Math.max(from, start - 10); i--) {
      if (/[.!?]$/.test(words[i - 1])) {
        start = i;
        break;
      }
      if (i - 1 === from) start = from;
    }
    const end = Math.min(to, start + EXCERPT_WORDS);
    const nodes = [];
    let run = start > from ? '… ' : '';
    for (let i = start; i < end; i++) {
      const space = i > start ? ' ' : '';
      if (!score.has(i)) {
        run += space + words[i];
        continue;
      }
      // The word's punctuation stays outside the mark.
      const [, lead, core, trail] = words[i].match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u);
      nodes.push(run + space + lead);
      const mark = document.createElement('mark');
      mark.textContent = core;
      nodes.push(mark);
      run = trail;
    }
    nodes.push(run);
    if (end < to) nodes.push(' …');
    return nodes;
  }

  /** The part of the summary around its first match, from the start of that sentence, as text and <mark> nodes. */
  function excerpt(text, matches) {
    const words = [...text.matchAll(WORD)];
    const first = words.find((w) => matches(w[0]));
    let start = 0;
    if (first) {
      const before = text.slice(0, first.index);
      // The start of the match's sentence: after the last . ! ? before it, and the spaces after that.
      const sentence = before.search(/(?<=^|[.!?])\s*[^.!?]*$/) + (before.match(/(?:^|[.!?])(\s*)[^.!?]*$/)?.[1].length ?? 0);
      start = first.index - sentence > EXCERPT / 2 ? text.lastIndexOf(' ', first.index - 40) + 1 : sentence;
    }
    let end = text.length;
    if (end - start > EXCERPT) end = Math.max(text.lastIndexOf(' ', start + EXCERPT), first ? first.index + first[0].length : start + EXCERPT);
    const nodes = [];
    if (start > 0) nodes.push('… ');
    let at = start;
    for (const w of words) {
      if (w.index < start || w.index + w[0].length > end || !matches(w[0])) continue;
      nodes.push(text.slice(at, w.index));
      const mark = document.createElement('mark');
      mark.textContent = w[0];
      nodes.push(mark);
      at = w.index + w[0].length;
    }
    nodes.push(text.slice(at, end));
    if (end < text.length) nodes.push(' …');
    return nodes;
  }

  /** A labelled part of a result: its name for screen readers and the eye, then its value. */
  function fact(label, value) {
    const part = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    part.append(dt, dd);
    return part;
  }

  async function render(from, query) {
    const slice = results.slice(from, from + PAGE);
    const data = await Promise.all(slice.map((r) => r.data()));
    const matches = matcher(query);
    for (const item of data) {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = item.url;
      if (item.meta.image) {
        const img = document.createElement('img');
        img.src = item.meta.image;
        img.alt = '';
        img.width = 64;
        img.height = 80;
        img.loading = 'lazy';
        link.append(img);
      }
      const title = document.createElement('span');
      title.className = 'result-title';
      title.textContent = item.meta.title;
      link.append(title);
      const kind = document.createElement('p');
      kind.className = 'result-kind';
      kind.textContent = item.meta.kind;
      const facts = document.createElement('dl');
      facts.className = 'result-facts';
      if (item.meta.maker) facts.append(fact(strings.maker, item.meta.maker));
      if (item.meta.category) facts.append(fact(strings.category, item.meta.category));
      li.append(link, kind);
      if (facts.children.length) li.append(facts);
      const quote = textExcerpt(item, matches) ?? (item.meta.description ? excerpt(item.meta.description, matches) : undefined);
      if (quote) {
        const text = document.createElement('p');
        text.className = 'result-excerpt';
        text.append(...quote);
        li.append(text);
      }
      list.append(li);
    }
    shown = from + slice.length;
    more.hidden = shown >= results.length;
  }

  // Every search waits for Pagefind and the filters, so a query typed while
  // they load, or one from the address, gives one answer, not two. Without
  // its index (`npm run dev` before any build, a failed download) search says
  // it is unavailable instead of searching for ever.
  const ready = load().then(
    () => true,
    () => false,
  );

  let lastQuery = '';

  async function search() {
    const mine = ++run;
    list.setAttribute('aria-busy', 'true');
    if (input.value.trim()) status.textContent = strings.loading;
    if (!(await ready)) {
      status.textContent = strings.unavailable;
      return;
    }
    if (mine !== run) return;
    const query = input.value.trim();
    const filters = selectedFilters();
    remember(query, filters);
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren();
      list.removeAttribute('aria-busy');
      status.textContent = '';
      more.hidden = true;
      return;
    }
    status.textContent = strings.loading;
    // What Pagefind is asked: the query normalised as the index was (Romanian
    // cedilla letters as comma-below, Bulgarian stems, Serbian in plain Latin).
    const response = await pagefind.debouncedSearch(terms.query(query) || null, { filters }, 200);
    if (!response || mine !== run) return;
    results = response.results;
    lastQuery = query;
    list.replaceChildren();
    await render(0, query);
    if (mine !== run) return;
    list.removeAttribute('aria-busy');
    status.textContent = results.length ? say('results', { count: results.length, query }) : say('none', { query });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  input.addEventListener('input', search);
  filtersBox.addEventListener('change', search);
  more.addEventListener('click', () => render(shown, lastQuery));
  search();
}
