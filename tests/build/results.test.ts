/**
 * Project result documents: every demo project publishes two or three real
 * documents, each a PDF whose text can be read back (pdftotext) and that
 * says it is a demo document in its own language; the site publishes the
 * very bytes of the content file and lists each with its real size,
 * formatted for the page's locale.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { checkContent, type CheckedEntry } from '../../packages/klaster/src/lib/content/check.ts';
import { basePath } from '../../packages/klaster/src/lib/config.ts';
import { formatFileSize } from '../../packages/klaster/src/lib/format.ts';
import { langTag, localeCodes, type Locale } from '../../packages/klaster/src/lib/locales.ts';
import { attr, findAll, parentOf, parseHtml, textOf } from '../gates/html.ts';
import { paths, withBase } from '../../packages/klaster/src/lib/urls.ts';
import { DEMO } from '../../sites/demo/scripts/demo-results.mjs';
import { DEMO_CONTENT } from '../helpers/build.ts';

const dist = inject('demoDist');
const CONTENT = DEMO_CONTENT;
let projects: CheckedEntry<'projects'>[];

beforeAll(() => {
  const { content, errors } = checkContent(CONTENT, { today: '2026-11-21' });
  expect(errors).toEqual([]);
  projects = [...content.projects.values()];
});

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the demo projects’ result documents', () => {
  it('are two or three per project', () => {
    expect(projects.length).toBeGreaterThanOrEqual(4);
    for (const p of projects) {
      expect(p.facts.results.length, p.id).toBeGreaterThanOrEqual(2);
      expect(p.facts.results.length, p.id).toBeLessThanOrEqual(3);
    }
  });

  it('are PDFs whose text reads back and says, in their language, that they are demo documents', () => {
    for (const p of projects) {
      for (const r of p.facts.results) {
        const file = join(CONTENT, 'projects', p.id, r.file);
        expect(readFileSync(file).subarray(0, 5).toString('latin1'), file).toBe('%PDF-');
        expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]), file).toBeGreaterThan(0);
        const text = squash(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toLowerCase();
        const words = DEMO[r.language.split('-')[0] as keyof typeof DEMO];
        expect(words, `${file}: no demo wording for ${r.language}`).toBeDefined();
        expect(text, file).toContain(words.banner.toLowerCase());
        expect(text, file).toContain(p.facts.acronym.toLowerCase());
        // Written in its language: the project's name as the text in that language gives it.
        const name = (p.texts[r.language as Locale]?.data as { name?: string } | undefined)?.name;
        if (name) expect(text, file).toContain(squash(name).toLowerCase());
      }
    }
  });

  it('are published as they are, under /files/projects/', () => {
    for (const p of projects) {
      for (const r of p.facts.results) {
        const published = join(dist, paths.projectFile(p.id, r.file));
        expect(readFileSync(published).equals(readFileSync(join(CONTENT, 'projects', p.id, r.file))), published).toBe(true);
      }
    }
  });

  it.each(localeCodes)('are listed in %s with type, language and their real size', (locale) => {
    for (const p of projects) {
      const html = readFileSync(join(dist, paths.project(locale, p.id), 'results', 'index.html'), 'utf8');
      const items = findAll(parseHtml(html), (e) => e.name === 'li' && !!parentOf(e) && attr(parentOf(e)!, 'class') === 'results');
      expect(items.length, p.id).toBe(p.facts.results.length);
      p.facts.results.forEach((r, i) => {
        const link = findAll(items[i], (e) => e.name === 'a')[0];
        expect(attr(link, 'href')).toBe(withBase(paths.projectFile(p.id, r.file), basePath()));
        expect(attr(link, 'hreflang')).toBe(langTag(r.language as Locale));
        const size = statSync(join(dist, paths.projectFile(p.id, r.file))).size;
        expect(textOf(items[i])).toContain(formatFileSize(size, locale));
      });
    }
  });
});
