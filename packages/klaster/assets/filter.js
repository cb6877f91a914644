// Filtering a listing (the catalogue, the members directory) in place.
//
// Without JavaScript every facet value is a link to its static page
// (/<locale>/catalogue/<facet>/<value>/). Where this script runs, the values
// become checkboxes: several values of one facet are OR-ed, facets are
// AND-ed (material=organic-cotton AND certification=gots), the list and the
// counts follow the choice without a reload, the address keeps it
// (?material=organic-cotton&certification=gots) so it can be shared and
// reloaded, and Back and Forward step through the choices.
//
// Why a small per-locale index (<listing>/filters.json, written by the build
// from the same facet index as the static facet pages) and not Pagefind's
// filters: Pagefind sorts by code point, after folding letters to ASCII, not
// by the locale's collation (measured on the demo: Romanian "Cămașă..."
// comes after "Curea...", Serbian Latin "Čino..." after "Dečja...", Bulgarian
// Latin names before Cyrillic ones), so listing every product in
// Intl.Collator order would mean loading every result's fragment and sorting
// here; its filter values are the translated labels, while the addresses
// and the static pages use ids; and it counts only within the current
// results, where a facet list needs the count each value would have if
// ticked. The index holds each entry once, already in collation order, with
// its facet values, so filtering is a pass over an array. It holds no cards:
// those come in chunks of a few entries (<listing>/cards/<k>.json), fetched
// when they are about to be shown, so that the first tick of a box in a
// catalogue of 10,000 products downloads tens of kilobytes, not a megabyte
// (src/lib/filter-data.ts). The first chunk comes with the index (every
// chunk, for a listing of a few dozen entries).
//
// Everything written to the page goes through textContent and attributes,
// never innerHTML. The pure functions are exported for the unit tests.

/** Does an entry's facet values satisfy a selection, leaving out one facet? */
export function matches(values, selection, except) {
  for (const facet of Object.keys(selection)) {
    if (facet === except) continue;
    const chosen = selection[facet];
    if (!chosen.length) continue;
    const own = values[facet];
    if (!own || !own.some((v) => chosen.includes(v))) return false;
  }
  return true;
}

/** The positions of the entries a selection keeps, in the index's (collation) order. */
export function select(items, selection) {
  const out = [];
  items.forEach((item, i) => {
    if (matches(item.facets, selection)) out.push(i);
  });
  return out;
}

/**
 * Each facet value's count under a selection: the entries that match every
 * other facet's choice and have this value, i.e. how many a tick would show
 * (for a facet without a choice) or add to the OR (for one with a choice).
 */
export function facetCounts(items, names, selection) {
  const counts = Object.fromEntries(names.map((f) => [f, new Map()]));
  const add = (facet, values) => {
    for (const v of values ?? []) counts[facet].set(v, (counts[facet].get(v) ?? 0) + 1);
  };
  for (const item of items) {
    const failed = names.filter((f) => selection[f]?.length && !matches(item.facets, { [f]: selection[f] }));
    if (failed.length === 0) for (const f of names) add(f, item.facets[f]);
    else if (failed.length === 1) add(failed[0], item.facets[failed[0]]);
  }
  return counts;
}

/**
 * The entries of a facet table (src/lib/filter-data.ts), each as
 * { facets: { facet: [value, ...] } }: a column's -1 is no value, a number
 * one value's position in the facet's list, a list several.
 */
export function tableItems(index) {
  const items = Array.from({ length: index.count }, () => ({ facets: {} }));
  for (const facet of index.facets) {
    const column = index.table[facet.name];
    const names = facet.values.map(([v]) => v);
    column.forEach((cell, i) => {
      if (cell === -1) return;
      items[i].facets[facet.name] = (typeof cell === 'number' ? [cell] : cell).map((k) => names[k]);
    });
  }
  return items;
}

/** The chunks of cards holding the given entries, in order, each once. */
export function chunksOf(positions, size) {
  return [...new Set(positions.map((i) => Math.floor(i / size)))];
}

/** A selection from an address's query, keeping only known facets and values. */
export function parseSelection(search, known) {
  const params = new URLSearchParams(search);
  const selection = {};
  for (const [facet, values] of Object.entries(known)) {
    const chosen = [...new Set(params.getAll(facet))].filter((v) => values.has(v));
    if (chosen.length) selection[facet] = chosen;
  }
  return selection;
}

/** The query of a selection, facets and values in a stable order. */
export function selectionQuery(selection, names) {
  const params = new URLSearchParams();
  for (const facet of names) for (const value of [...(selection[facet] ?? [])].sort()) params.append(facet, value);
  return params.toString();
}

export function sameSelection(a, b, names) {
  return selectionQuery(a, names) === selectionQuery(b, names);
}

const PAGE = 24;
const SHOWN_VALUES = 15;

async function enhance(form) {
  const strings = JSON.parse(form.dataset.strings);
  const own = JSON.parse(form.dataset.own);
  const level = form.dataset.level === '2' ? 'h2' : 'h3';
  const list = document.getElementById('listing-cards');
  const pages = document.getElementById('listing-pages');
  const status = document.getElementById('listing-status');
  const more = document.getElementById('listing-more');
  const lead = document.getElementById('listing-lead');
  const heading = document.querySelector('main h1');
  const clear = form.querySelector('.facet-clear');
  const ownPath = location.pathname;
  if (!list || !status || !more) return;

  const json = async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  };
  let index;
  try {
    index = await json(form.dataset.index);
  } catch {
    return; // The links to the static pages stay: nothing is lost.
  }
  const items = tableItems(index);
  // Chunks of cards by number: a promise of the chunk's cards, fetched once.
  const chunks = new Map();
  const chunk = (k) => {
    if (!chunks.has(k)) chunks.set(k, json(`${index.cards}${k}.json`).catch((error) => (chunks.delete(k), Promise.reject(error))));
    return chunks.get(k);
  };
  /** The cards of the given entries, fetching the chunks not yet here. */
  const cardsOf = async (positions) => {
    const wanted = chunksOf(positions, index.chunk);
    const got = new Map(await Promise.all(wanted.map(async (k) => [k, await chunk(k)])));
    return positions.map((i) => got.get(Math.floor(i / index.chunk))[i % index.chunk]);
  };
  // The first chunk (a small listing's every chunk) with the table, before the boxes are offered.
  try {
    await Promise.all(Array.from({ length: index.preload }, (_, k) => chunk(k)));
  } catch {
    return;
  }
  const names = index.facets.map((f) => f.name);
  const known = Object.fromEntries(index.facets.map((f) => [f.name, new Set(f.values.map(([v]) => v))]));
  const plural = new Intl.PluralRules(document.documentElement.lang);
  const say = (count) => (strings.results[plural.select(count)] ?? strings.results.other).replace('{{count}}', String(count));
  const original = {
    cards: [...list.children],
    heading: heading?.textContent,
    lead: lead?.textContent,
  };

  // The facet values as checkboxes, in the static page's order; past the
  // first few, behind a disclosure so the form stays short.
  const boxes = [];
  for (const facet of index.facets) {
    const fieldset = form.querySelector(`fieldset[data-facet="${facet.name}"]`) ?? newFieldset(facet);
    const lists = [document.createElement('ul')];
    facet.values.forEach(([value, label], i) => {
      if (i === SHOWN_VALUES) lists.push(document.createElement('ul'));
      const li = document.createElement('li');
      const labelEl = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = facet.name;
      box.value = value;
      const text = document.createElement('span');
      const count = document.createElement('span');
      count.className = 'count';
      text.append(`${label} `, count);
      labelEl.append(box, text);
      li.append(labelEl);
      lists.at(-1).append(li);
      boxes.push({ box, count });
    });
    for (const old of fieldset.querySelectorAll(':scope > ul, :scope > .facet-more')) old.remove();
    fieldset.append(lists[0]);
    form.append(fieldset); // in the index's order
    if (lists[1]) {
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = strings.more;
      details.append(summary, lists[1]);
      fieldset.append(details);
    }
  }
  form.classList.add('filtering');

  function newFieldset(facet) {
    const fieldset = document.createElement('fieldset');
    fieldset.dataset.facet = facet.name;
    const legend = document.createElement('legend');
    const title = document.createElement('h2');
    title.textContent = facet.label;
    legend.append(title);
    fieldset.append(legend);
    return fieldset;
  }

  const fromForm = () => {
    const selection = {};
    for (const { box } of boxes) if (box.checked) (selection[box.name] ??= []).push(box.value);
    return selection;
  };
  const fromAddress = () => {
    const chosen = parseSelection(location.search, known);
    return Object.keys(chosen).length || location.pathname !== ownPath ? chosen : own;
  };
  const addressOf = (selection) => {
    if (sameSelection(selection, own, names)) return ownPath;
    const query = selectionQuery(selection, names);
    return query ? `${form.dataset.root}?${query}` : form.dataset.root;
  };

  let matching = [];
  let shown = 0;

  function card(item) {
    const li = document.createElement('li');
    li.className = 'card';
    if (item.lang) li.lang = item.lang;
    if (item.image) {
      const picture = document.createElement('picture');
      for (const [type, srcset] of [['image/avif', item.image.avif], ['image/webp', item.image.webp]]) {
        const source = document.createElement('source');
        source.type = type;
        source.srcset = srcset;
        source.sizes = index.sizes;
        picture.append(source);
      }
      const img = document.createElement('img');
      img.src = item.image.src;
      img.alt = item.image.alt;
      img.width = item.image.width;
      img.height = item.image.height;
      img.loading = 'lazy';
      img.decoding = 'async';
      picture.append(img);
      li.append(picture);
    }
    const title = document.createElement(level);
    title.className = 'card-title';
    const link = document.createElement('a');
    link.href = item.href;
    link.textContent = item.name;
    title.append(link);
    li.append(title);
    for (const [text, className] of [[item.meta, 'meta'], [item.summary, '']]) {
      if (!text) continue;
      const p = document.createElement('p');
      if (className) p.className = className;
      p.textContent = text;
      li.append(p);
    }
    // A product's shortlist button, hidden until assets/shortlist.js shows it, as on the page's own cards.
    if (item.shortlist && list.dataset.shortlistAdd) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'card-shortlist button-quiet';
      button.hidden = true;
      button.textContent = list.dataset.shortlistAdd;
      const d = button.dataset;
      Object.assign(d, { shortlistToggle: '', add: list.dataset.shortlistAdd, remove: list.dataset.shortlistRemove, named: '' });
      for (const [key, value] of Object.entries(item.shortlist)) if (typeof value === 'string') d[key] = value;
      li.append(button);
    }
    return li;
  }

  // Each choice gets a number; cards arriving for an older one are dropped.
  let generation = 0;

  /** The next page of matching cards, once their chunks are here; undefined when a newer choice came first. */
  async function showMore() {
    const mine = generation;
    const positions = matching.slice(shown, shown + PAGE);
    const cards = await cardsOf(positions);
    if (mine !== generation) return undefined;
    const next = cards.map(card);
    list.append(...next);
    shown += next.length;
    more.hidden = shown >= matching.length;
    return next;
  }

  async function show(selection, announce) {
    const current = ++generation;
    const mine = sameSelection(selection, own, names);
    const counts = facetCounts(items, names, selection);
    for (const { box, count } of boxes) {
      const n = counts[box.name].get(box.value) ?? 0;
      box.checked = (selection[box.name] ?? []).includes(box.value);
      count.textContent = `(${n})`;
      box.disabled = n === 0 && !box.checked;
    }
    if (clear) clear.hidden = Object.keys(selection).length === 0;
    matching = select(items, selection);
    if (mine) {
      // This page's own choice: its own static list and page links, as sent.
      list.replaceChildren(...original.cards);
      if (pages) pages.hidden = false;
      more.hidden = true;
      if (heading) heading.textContent = original.heading;
      if (lead) lead.textContent = original.lead;
    } else {
      // The cards first (their chunks may have to come), then the list is replaced at once.
      const positions = matching.slice(0, PAGE);
      let cards;
      try {
        cards = await cardsOf(positions);
      } catch {
        return; // The boxes keep their state; the next change tries again.
      }
      if (current !== generation) return;
      list.replaceChildren(...cards.map(card));
      shown = cards.length;
      more.hidden = shown >= matching.length;
      if (pages) pages.hidden = true;
      if (heading) heading.textContent = form.dataset.title;
      if (lead) lead.textContent = strings.intro;
    }
    status.textContent = mine && !announce ? '' : say(matching.length);
  }

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', () => {
    const selection = fromForm();
    history.pushState(null, '', addressOf(selection));
    show(selection, true);
  });
  clear?.querySelector('a')?.addEventListener('click', (event) => {
    event.preventDefault();
    history.pushState(null, '', addressOf({}));
    show({}, true);
  });
  let loadingMore = false;
  more.addEventListener('click', async () => {
    if (loadingMore) return; // a second click while the cards come would add them twice
    loadingMore = true;
    try {
      const added = await showMore().catch(() => undefined);
      added?.[0]?.querySelector('a')?.focus();
    } finally {
      loadingMore = false;
    }
  });
  window.addEventListener('popstate', () => show(fromAddress(), true));
  show(fromAddress(), false);
}

if (typeof document !== 'undefined') {
  const form = document.getElementById('facet-form');
  if (form) enhance(form);
}
