import { describe, expect, it } from 'vitest';
import {
  bulgarianToLatin,
  guessCyrillicLanguage,
  keptCharacters,
  serbianLatin,
  serbianToLatin,
  slugify,
  transliterateHtml,
} from '../../packages/klaster/src/lib/transliterate.ts';

describe('Serbian Cyrillic to Latin', () => {
  it('writes љ, њ, џ as lj, nj, dž', () => {
    expect(serbianToLatin('љубав њива џеп')).toBe('ljubav njiva džep');
  });
  it('keeps title case and all capitals of digraphs apart', () => {
    expect(serbianToLatin('Љубљана')).toBe('Ljubljana');
    expect(serbianToLatin('ЉУБЉАНА')).toBe('LJUBLJANA');
    expect(serbianToLatin('ЏЕМПЕР')).toBe('DŽEMPER');
    expect(serbianToLatin('Џемпер')).toBe('Džemper');
    expect(serbianToLatin('Њ')).toBe('Nj');
  });
  it('writes the other letters by the official alphabet', () => {
    expect(serbianToLatin('Ђорђе Ћирић чешља шешир жута')).toBe('Đorđe Ćirić češlja šešir žuta');
    expect(serbianToLatin('Кластерска кућа, Ниш')).toBe('Klasterska kuća, Niš');
  });
  it('leaves Latin text, digits and punctuation alone', () => {
    expect(serbianToLatin('GOTS 2024: „Тест“')).toBe('GOTS 2024: „Test“');
  });
});

describe('Bulgarian by the Streamlined System', () => {
  it('transliterates the letters that differ from Serbian', () => {
    expect(bulgarianToLatin('Щастие Юг Ябълка Жар Цвят Чай Шия Ъгъл')).toBe('Shtastie Yug Yabalka Zhar Tsvyat Chay Shia Agal');
  });
  it('writes a final -ия as -ia', () => {
    expect(bulgarianToLatin('България')).toBe('Balgaria');
    expect(bulgarianToLatin('Мария')).toBe('Maria');
    expect(bulgarianToLatin('София, Шия')).toBe('Sofia, Shia');
  });
  it('keeps all capitals', () => {
    expect(bulgarianToLatin('ЖИВОТ')).toBe('ZHIVOT');
  });
});

describe('slugs', () => {
  it('suggests an ASCII slug from Bulgarian names', () => {
    expect(slugify('Кюстендил Мода')).toBe('kyustendil-moda');
    expect(slugify('Пуловер от мериносова вълна')).toBe('pulover-ot-merinosova-valna');
  });
  it('recognises Serbian letters and uses the Serbian alphabet', () => {
    expect(slugify('Џемпер Љубљана')).toBe('dzemper-ljubljana');
    expect(slugify('Ђурђевак')).toBe('djurdjevak');
  });
  it('follows the hint where the letters are shared', () => {
    expect(guessCyrillicLanguage('Ниш', 'sr')).toBe('sr');
    expect(slugify('Чешаљ', 'sr')).toBe('cesalj');
    expect(slugify('Чешаљ')).toBe('cesalj');
  });
  it('strips diacritics and punctuation from Latin names', () => {
    expect(slugify('Agrupació Catalana del Tèxtil i de la Moda')).toBe('agrupacio-catalana-del-textil-i-de-la-moda');
    expect(slugify('Iași – Țesături Ștefan')).toBe('iasi-tesaturi-stefan');
  });
});

describe('HTML and nested values', () => {
  it('transliterates text, never markup, code or protected text', async () => {
    const { transliterateHtml } = await import('../../packages/klaster/src/lib/transliterate.ts');
    const html = '<p>Џемпер <a href="/sr/проба/">Љубљана</a> <code>ЏЕП</code> <span translate="no">Рила</span> <span lang="bg">Щастие</span> крај</p>';
    expect(transliterateHtml(html)).toBe('<p>Džemper <a href="/sr/проба/">Ljubljana</a> <code>ЏЕП</code> <span translate="no">Рила</span> <span lang="bg">Щастие</span> kraj</p>');
  });
  it('handles nesting and void elements', async () => {
    const { transliterateHtml } = await import('../../packages/klaster/src/lib/transliterate.ts');
    expect(transliterateHtml('<div translate="no"><b>Ниш</b><br>Ниш</div><p>Ниш<img src="/sr/ниш.jpg" alt="Ниш"></p>')).toBe(
      '<div translate="no"><b>Ниш</b><br>Ниш</div><p>Niš<img src="/sr/ниш.jpg" alt="Niš"></p>',
    );
  });
  it('transliterates the attributes a reader sees, unless the element is protected', () => {
    expect(transliterateHtml('<a href="/ниш/" title="Џеп">Џеп</a><abbr title="Рила" translate="no">Рила</abbr><img alt="Рила" lang="bg"><img translate="no" alt="Ниш">')).toBe(
      '<a href="/ниш/" title="Džep">Džep</a><abbr title="Рила" translate="no">Рила</abbr><img alt="Рила" lang="bg"><img translate="no" alt="Ниш">',
    );
  });
  it('reads tags with an HTML tokenizer: a ">" inside an attribute value ends no tag', () => {
    // Only text and the attributes a reader sees change; an href or src after a quoted ">" stays as written.
    expect(transliterateHtml('<a title="1 > 0" href="/sr/ниш/">Ниш</a><img alt="а>б" src="/sr/ниш.jpg"><span data-x=\'>\' lang="bg">Щастие</span>')).toBe(
      '<a title="1 > 0" href="/sr/ниш/">Niš</a><img alt="a>b" src="/sr/ниш.jpg"><span data-x=\'>\' lang="bg">Щастие</span>',
    );
    // Comments, and text in script or style, are not text a reader sees.
    expect(transliterateHtml('<p>Ниш<!-- Ниш --><script>const s = "<b>Ниш</b>";</script><style>p::after{content:"Ниш"}</style></p>')).toBe(
      '<p>Niš<!-- Ниш --><script>const s = "<b>Ниш</b>";</script><style>p::after{content:"Ниш"}</style></p>',
    );
    // Implied end tags close a protected element as the browser would.
    expect(transliterateHtml('<ul><li lang="bg">Щастие<li>Ниш</ul><p translate="no">Ниш<p>Ниш')).toBe(
      '<ul><li lang="bg">Щастие<li>Niš</ul><p translate="no">Ниш<p>Niš',
    );
  });
  it('transliterates every string of nested data', async () => {
    const { transliterateDeep } = await import('../../packages/klaster/src/lib/transliterate.ts');
    expect(transliterateDeep({ name: 'Њива', list: ['Ђак', 3], nested: { a: 'Чај' } })).toEqual({ name: 'Njiva', list: ['Đak', 3], nested: { a: 'Čaj' } });
  });
});

describe('phrases kept as written (keepAsWritten)', () => {
  it('leaves the phrases alone and transliterates the rest', () => {
    expect(serbianToLatin('Џемпер марке Јумко, модел ЏМ-200', ['Јумко', 'ЏМ-200'])).toBe('Džemper marke Јумко, model ЏМ-200');
  });
  it('keeps the capitals of digraphs right beside a kept phrase', () => {
    expect(serbianToLatin('ЏЕМПЕР ЈУМКО Џемпер', ['ЈУМКО'])).toBe('DŽEMPER ЈУМКО Džemper');
    expect(serbianToLatin('ЏМ-200 Џемпер', ['ЏМ-200'])).toBe('ЏМ-200 Džemper');
    expect(serbianToLatin('Њ ЏМ-200', ['ЏМ-200'])).toBe('Nj ЏМ-200');
    // Outside the phrases, the result is exactly the plain transliteration.
    const text = 'ЉУБЉАНА, Љубљана и Јумко: ЏЕП Џеп ЊИВА';
    const kept = serbianToLatin(text, ['Јумко']);
    const plain = serbianToLatin(text);
    expect(kept.replace('Јумко', 'Jumko')).toBe(plain);
  });
  it('matches whole words only, exactly as written', () => {
    // "Јумкова" is another word: transliterated whole, never half Cyrillic.
    expect(serbianToLatin('Јумко и Јумкова фабрика', ['Јумко'])).toBe('Јумко i Jumkova fabrika');
    // Capitals differ: not the phrase.
    expect(serbianToLatin('ЈУМКО', ['Јумко'])).toBe('JUMKO');
    // Inside a longer word: the word stays in one script, digraph capitals and all.
    expect(serbianToLatin('ЉЈУМКО', ['ЈУМКО'])).toBe('LJJUMKO');
    // A phrase that ends in a non-letter may be followed by anything.
    expect(serbianToLatin('ЏМ-2', ['ЏМ-'])).toBe('ЏМ-2');
  });
  it('keeps overlapping and nested phrases whole', () => {
    expect(serbianToLatin('Рила Нит Про и Нит', ['Рила Нит', 'Нит Про'])).toBe('Рила Нит Про i Nit');
    expect(serbianToLatin('Рила Нит и Рила', ['Рила', 'Рила Нит'])).toBe('Рила Нит i Рила');
    expect(keptCharacters('Ас Бе Це', ['Ас Бе', 'Бе Це'])).toEqual(Array(8).fill(true));
    expect(keptCharacters('Ас Бе Це', ['Бе'])).toEqual([false, false, false, true, true, false, false, false]);
  });
  it('counts characters beyond the Basic Multilingual Plane as one', () => {
    expect(serbianToLatin('🧶 Јумко ћебе', ['Јумко'])).toBe('🧶 Јумко ćebe');
    expect(keptCharacters('🧶Ја', ['Ја'])).toEqual([false, true, true]);
  });
  it('ignores empty phrases and phrases not in the text', () => {
    expect(serbianToLatin('Ниш', ['', 'Јумко'])).toBe('Niš');
    expect(serbianLatin(['  ', '']).text('Ниш')).toBe('Niš');
  });
  it('applies one list to fields, nested data and rendered HTML', () => {
    const latin = serbianLatin([' Јумко ', 'Х&М Ниш', 'Ђ"Ђ']);
    expect(latin.deep({ name: 'Јумко Врање', list: ['Јумко'], alt: { 'front.jpg': 'Јумко џемпер' } })).toEqual({
      name: 'Јумко Vranje',
      list: ['Јумко'],
      alt: { 'front.jpg': 'Јумко džemper' },
    });
    // In HTML the phrase is found as rendered, with its & or quotes escaped.
    expect(latin.html('<p title="Јумко">Јумко и Х&amp;М Ниш, Ђ&quot;Ђ <code>Ниш</code></p>')).toBe(
      '<p title="Јумко">Јумко i Х&amp;М Ниш, Ђ&quot;Ђ <code>Ниш</code></p>',
    );
  });
});
