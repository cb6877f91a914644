// The visitor's shortlist of products, kept in this browser (localStorage).
// On a product page: reveals the "Add to shortlist" button (rendered hidden,
// as nothing works without JavaScript) and the link to the shortlist. On the
// shortlist page (/<locale>/shortlist/): lists the products by maker, with one
// enquiry e-mail to each maker (a mailto: link, RFC 6068: encodeURIComponent,
// CRLF line breaks), and printing. The texts come from the page, in its language.
const KEY = 'klaster-shortlist';

function load() {
  try {
    const items = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(items) ? items.filter((i) => i && typeof i.id === 'string' && typeof i.name === 'string') : [];
  } catch {
    return [];
  }
}

function save(items) {
  try {
    localStorage.setItem(KEY, JSON.stringify(items));
  } catch {
    // Storage full or refused (private windows of some browsers): the list lasts as long as the page.
  }
}

let storageWorks = true;
try {
  localStorage.getItem(KEY);
} catch {
  storageWorks = false;
}

/** A text of the page with {{name}} placeholders filled in. */
const fill = (template, values) => template.replace(/\{\{(\w+)\}\}/g, (_, name) => values[name] ?? '');

/** A product's button shows whether the product is on the list; a card's says which product it is about. */
function showButton(button) {
  const d = button.dataset;
  const on = load().some((i) => i.id === d.id);
  button.setAttribute('aria-pressed', String(on));
  button.textContent = on ? d.remove : d.add;
  if ('named' in d) button.setAttribute('aria-label', `${button.textContent}: ${d.name}`);
  button.hidden = false;
}

function productButtons() {
  // One listener for every button, those of cards that a listing's filter adds later (assets/filter.js) too.
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-shortlist-toggle]') : null;
    if (!button) return;
    const d = button.dataset;
    const items = load();
    const at = items.findIndex((i) => i.id === d.id);
    if (at >= 0) items.splice(at, 1);
    else items.push({ id: d.id, name: d.name, lang: d.lang, sku: d.sku, moq: d.moq, maker: d.maker, makerLang: d.makerLang, email: d.email, url: d.url });
    save(items);
    for (const same of document.querySelectorAll('[data-shortlist-toggle]')) if (same.dataset.id === d.id) showButton(same);
  });
  for (const button of document.querySelectorAll('[data-shortlist-toggle]')) showButton(button);
  for (const hidden of document.querySelectorAll('[data-shortlist-only]')) hidden.hidden = false;
  // Cards that a listing's filter puts in place of the page's own.
  const list = document.getElementById('listing-cards');
  if (list) {
    new MutationObserver(() => {
      for (const button of list.querySelectorAll('[data-shortlist-toggle][hidden]')) showButton(button);
    }).observe(list, { childList: true });
  }
}

function mailto(to, subject, lines) {
  const value = (s) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${value(subject)}&body=${value(lines.join('\r\n'))}`;
}

function shortlistPage(root) {
  const d = root.dataset;
  const view = root.querySelector('[data-shortlist-view]');
  const groups = root.querySelector('[data-shortlist-groups]');
  const empty = root.querySelector('[data-shortlist-empty]');
  const count = root.querySelector('[data-shortlist-count]');
  root.querySelector('[data-shortlist-nojs]').hidden = true;
  view.hidden = false;
  const render = () => {
    const items = load();
    groups.replaceChildren();
    empty.hidden = items.length > 0;
    count.hidden = items.length === 0;
    count.textContent = fill(d.count, { count: String(items.length) });
    for (const el of root.querySelectorAll('[data-shortlist-when-full]')) el.hidden = items.length === 0;
    const byMaker = new Map();
    for (const item of items) {
      const key = item.email || item.maker;
      if (!byMaker.has(key)) byMaker.set(key, []);
      byMaker.get(key).push(item);
    }
    for (const list of byMaker.values()) {
      const section = document.createElement('section');
      section.className = 'maker';
      const heading = document.createElement('h2');
      heading.textContent = list[0].maker;
      // Names shown in another language than the page's (an entry not yet translated) say so.
      if (list[0].makerLang) heading.lang = list[0].makerLang;
      const ul = document.createElement('ul');
      for (const item of list) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = item.url;
        a.textContent = item.name;
        if (item.lang) a.lang = item.lang;
        li.append(a);
        const facts = [item.sku && fill(d.sku, { sku: item.sku }), item.moq && fill(d.moq, { moq: item.moq })].filter(Boolean);
        if (facts.length) li.append(document.createElement('br'), facts.join(' · '));
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'remove';
        remove.textContent = d.remove;
        remove.setAttribute('aria-label', `${d.remove}: ${item.name}`);
        remove.addEventListener('click', () => {
          save(load().filter((i) => i.id !== item.id));
          render();
          // The button is gone: keyboard focus goes back to the page's heading.
          document.querySelector('h1[tabindex]')?.focus();
        });
        li.append(' ', remove);
        ul.append(li);
      }
      section.append(heading, ul);
      if (list[0].email) {
        const lines = [d.greeting, '', d.intro, ''];
        for (const item of list) {
          lines.push(fill(d.product, { product: item.name }));
          if (item.sku) lines.push(fill(d.sku, { sku: item.sku }));
          if (item.moq) lines.push(fill(d.moq, { moq: item.moq }));
          lines.push(fill(d.page, { url: item.url }), `${d.quantity} `, '');
        }
        lines.push(d.closing, '');
        const send = document.createElement('a');
        send.className = 'action primary';
        send.href = mailto(list[0].email, d.subject, lines);
        send.textContent = fill(d.enquire, { maker: list[0].maker });
        const p = document.createElement('p');
        p.append(send);
        section.append(p);
      }
      groups.append(section);
    }
  };
  root.querySelector('[data-shortlist-print]').addEventListener('click', () => window.print());
  root.querySelector('[data-shortlist-clear]').addEventListener('click', () => {
    save([]);
    render();
  });
  window.addEventListener('storage', (event) => event.key === KEY && render());
  render();
}

if (storageWorks) {
  productButtons();
  const root = document.querySelector('[data-shortlist]');
  if (root) shortlistPage(root);
}
