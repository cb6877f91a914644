import { describe, expect, it } from 'vitest';
import { bulgarianToLatin, guessCyrillicLanguage, serbianToLatin, slugify } from '../../src/lib/transliterate.ts';

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
    const { transliterateHtml } = await import('../../src/lib/transliterate.ts');
    const html = '<p>Џемпер <a href="/sr/проба/">Љубљана</a> <code>ЏЕП</code> <span translate="no">Рила</span> <span lang="bg">Щастие</span> крај</p>';
    expect(transliterateHtml(html)).toBe('<p>Džemper <a href="/sr/проба/">Ljubljana</a> <code>ЏЕП</code> <span translate="no">Рила</span> <span lang="bg">Щастие</span> kraj</p>');
  });
  it('handles nesting and void elements', async () => {
    const { transliterateHtml } = await import('../../src/lib/transliterate.ts');
    expect(transliterateHtml('<div translate="no"><b>Ниш</b><br>Ниш</div><p>Ниш<img alt="Ниш"></p>')).toBe('<div translate="no"><b>Ниш</b><br>Ниш</div><p>Niš<img alt="Ниш"></p>');
  });
  it('transliterates every string of nested data', async () => {
    const { transliterateDeep } = await import('../../src/lib/transliterate.ts');
    expect(transliterateDeep({ name: 'Њива', list: ['Ђак', 3], nested: { a: 'Чај' } })).toEqual({ name: 'Njiva', list: ['Đak', 3], nested: { a: 'Čaj' } });
  });
});
