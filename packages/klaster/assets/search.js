// Search with Pagefind, written for this site rather than taken from
// Pagefind's own UI: the interface speaks the site's languages (from
// i18n/<locale>.json, Bulgarian included), keeps the query and filters in
// the address, and announces results to screen readers.
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

  async function render(from) {
    const slice = results.slice(from, from + PAGE);
    const data = await Promise.all(slice.map((r) => r.data()));
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
      const meta = document.createElement('p');
      meta.className = 'meta';
      meta.textContent = [item.meta.kind, item.meta.maker && `${strings.maker}: ${item.meta.maker}`].filter(Boolean).join(' · ');
      const excerpt = document.createElement('p');
      // Pagefind's excerpt: the page's own text, escaped by Pagefind, with <mark> around matches.
      excerpt.innerHTML = item.excerpt;
      li.append(link, meta, excerpt);
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

  async function search() {
    const mine = ++run;
    if (input.value.trim()) status.textContent = strings.loading;
    if (!(await ready)) {
      status.textContent = strings.unavailable;
      return;
    }
    if (mine !== run) return;
    // Romanian: cedilla letters (ş, ţ) are searched as the comma-below letters the content is stored with.
    const query = input.value.trim().replace(/[şŞţŢ]/g, (c) => ({ ş: 'ș', Ş: 'Ș', ţ: 'ț', Ţ: 'Ț' })[c]);
    const filters = selectedFilters();
    remember(query, filters);
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      return;
    }
    status.textContent = strings.loading;
    const response = await pagefind.debouncedSearch(query || null, { filters }, 200);
    if (!response || mine !== run) return;
    results = response.results;
    list.replaceChildren();
    await render(0);
    if (mine !== run) return;
    status.textContent = results.length ? say('results', { count: results.length, query }) : say('none', { query });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  input.addEventListener('input', search);
  filtersBox.addEventListener('change', search);
  more.addEventListener('click', () => render(shown));
  search();
}
