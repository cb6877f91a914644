/**
 * `npm run check` warns, by file and line, about each thing the build's
 * sanitiser will drop from a text, and does not fail for it. The warnings
 * come from the same schema as the build (src/lib/content/sanitize-check.ts).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../packages/klaster/src/lib/content/check.ts';
import type { Problem } from '../../packages/klaster/src/lib/content/problems.ts';
import { DEMO_CONTENT, ROOT, klasterCommand } from '../helpers/build.ts';

const HOSTILE = join(ROOT, 'tests/fixtures/hostile-bodies');
const today = '2026-11-21';
const work = mkdtempSync(join(tmpdir(), 'klaster-sanitize-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const shown = (problems: Problem[], file: string) =>
  problems.filter((p) => p.file === file).map((p) => `${p.field}: ${p.message}`);
const removal = (problems: Problem[]) => problems.filter((p) => p.message.includes(' will be removed'));

describe('the content check on texts with HTML the site will not publish', () => {
  const result = checkContent(HOSTILE, { today });

  it('passes, with a warning for each thing that will be removed', () => {
    expect(result.errors).toEqual([]);
    expect(shown(result.warnings, 'products/demo-sweater/index.en.md')).toEqual([
      'line 9: <script> will be removed: scripts are not allowed in texts (also on lines 11, 13)',
      'line 15: href="javascript:alert(\'link\')" on <a> will be removed: the address must start with http:, https:, mailto:, tel: or lead within the site',
      'line 16: href="JaVaScRiPt:alert(\'mixed case\')" on <a> will be removed: the address must start with http:, https:, mailto:, tel: or lead within the site',
      'line 17: href="javascript:alert(\'spaces\')" on <a> will be removed: the address must start with http:, https:, mailto:, tel: or lead within the site',
      'line 18: href="java script:alert(\'tab entity\')" on <a> will be removed: the address must start with http:, https:, mailto:, tel: or lead within the site',
      'line 19: href="javascript:alert(\'entities\')" on <a> will be removed: the address must start with http:, https:, mailto:, tel: or lead within the site',
      'line 20: href="data:text/html;base64,PHNjcmlwdD5hbGVyd…" on <a> will be removed: the address must start with http:, https:, mailto:, tel: or lead within the site',
      'line 21: href="vbscript:msgbox(\'vb\')" on <a> will be removed: the address must start with http:, https:, mailto:, tel: or lead within the site',
      'line 22: onclick="alert(\'onclick\')" on <a> will be removed: event handlers are scripts, which are not allowed in texts',
      'line 24: href="javascript:alert(\'markdown\')" on <a> will be removed: the address must start with http:, https:, mailto:, tel: or lead within the site',
      'line 26: src="https://ok.example/x.png" on <img> will be removed: an image from another site is not published (every visitor would load it from there); put the file beside the text and write ./photo.jpg',
      'line 26: onerror="alert(\'onerror\')" on <img> will be removed: event handlers are scripts, which are not allowed in texts',
      'line 28: onmouseover="alert(\'onmouseover\')" on <p> will be removed: event handlers are scripts, which are not allowed in texts',
      "line 28: style=\"color: red\" on <p> will be removed: inline styles are not allowed in texts; the site's stylesheet styles every text",
      'line 30: <iframe> will be removed: embedded pages and objects are not allowed in texts; link to them instead',
      'line 32: <object> will be removed: embedded pages and objects are not allowed in texts; link to them instead',
      'line 32: <embed> will be removed: embedded pages and objects are not allowed in texts; link to them instead',
      'line 34: <form> will be removed (its text is kept): forms and inputs are not allowed in texts',
      'line 34: <input> will be removed: forms and inputs are not allowed in texts',
      'line 34: <button> will be removed (its text is kept): forms and inputs are not allowed in texts',
      'line 36: <style> will be removed: style sheets are not allowed in texts; the site\'s stylesheet styles every text',
      'line 38: <svg> will be removed: drawings in the text are not allowed; put the picture in an image file',
      'line 40: src="https://ok.example/loom.png" on <img> will be removed: an image from another site is not published (every visitor would load it from there); put the file beside the text and write ./photo.jpg',
    ]);
  });

  it('warns about the code and the HTML of an MDX text, by line', () => {
    expect(shown(result.warnings, 'projects/demo-project/index.en.mdx')).toEqual([
      "line 6: import Evil from './evil.js' will be removed: code is not allowed in texts (import and export lines)",
      "line 7: export const secret = 'exported' will be removed: code is not allowed in texts (import and export lines)",
      'line 9: {"expression text"} will be removed: code is not allowed in texts',
      'line 9: onClick="alert(\'jsx click\')" on <span> will be removed: event handlers are scripts, which are not allowed in texts',
      'line 13: {"alert(\'jsx script\')"} will be removed: code is not allowed in texts',
      'line 13: <script> will be removed: scripts are not allowed in texts',
      'line 15: href={"javascript:alert(\'expression link\')"} on <a> will be removed: code is not allowed in texts; write the value in quotes',
      'line 15: href="javascript:alert(\'jsx link\')" on <a> will be removed: the address must start with http:, https:, mailto:, tel: or lead within the site',
      'line 17: <iframe> will be removed: embedded pages and objects are not allowed in texts; link to them instead',
      'line 19: src="https://ok.example/p.png" on <img> will be removed: an image from another site is not published (every visitor would load it from there); put the file beside the text and write ./photo.jpg',
      'line 19: onError="alert(\'jsx onerror\')" on <img> will be removed: event handlers are scripts, which are not allowed in texts',
      'line 21: style={{ color: \'red\' }} on <div> will be removed: code is not allowed in texts; write the value in quotes',
      "line 23: <Evil> will be removed: only Klaster's components can be used in texts: PartnerList, Timeline, Figure, IndicatorBars, FundingNotice, Map",
    ]);
  });

  it('warns in every collection and locale that has such a text', () => {
    const files = new Set(removal(result.warnings).map((w) => w.file));
    expect([...files].sort()).toEqual([
      'clusters/demo-cluster/index.bg.md',
      'clusters/demo-cluster/index.en.md',
      'events/demo-fair/index.en.md',
      'news/demo-news/index.en.md',
      'newsletters/2012-02/index.en.md',
      'organisations/demo-maker/index.en.md',
      'products/demo-sweater/index.en.md',
      'products/demo-sweater/index.ro.md',
      'programmes/demo-programme/index.en.md',
      'projects/demo-project/index.en.mdx',
      'projects/demo-project/index.sr.md',
    ]);
  });

  it('is what npm run check prints, and it still succeeds', () => {
    const run = klasterCommand('check', { KLASTER_CONTENT: HOSTILE });
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain('products/demo-sweater/index.en.md\n  warning: line 9: <script> will be removed: scripts are not allowed in texts');
    expect(run.output).toContain('Content OK');
  });
});

describe('the content check on texts the sanitiser leaves alone', () => {
  it('has no such warning for the demo content, whose texts use <span lang> and components', () => {
    const { errors, warnings } = checkContent(DEMO_CONTENT, { today });
    expect(errors).toEqual([]);
    expect(removal(warnings)).toEqual([]);
  });

  it('says once what a component in the wrong place is, and once for a repeated problem', () => {
    const dir = join(work, 'mixed');
    cpSync(join(ROOT, 'tests/fixtures/valid'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'news/demo-news/index.en.md'),
      ['---', 'title: News', 'summary: Text.', '---', '', '<PartnerList />', '', '| a | b |', '|:--|--:|', '| 1 | 2 |', '| 3 | 4 |', ''].join('\n'),
    );
    const { errors, warnings } = checkContent(dir, { today });
    expect(shown(errors, 'news/demo-news/index.en.md')).toEqual(['line 6: <PartnerList> works only in MDX files; rename index.en.md to index.en.mdx']);
    expect(shown(warnings, 'news/demo-news/index.en.md')).toEqual([
      "line 8: style=\"text-align: left\" on <th> will be removed: a table column's alignment (:-- or --: under its heading) is an inline style, which the site does not publish",
      "line 8: style=\"text-align: right\" on <th> will be removed: a table column's alignment (:-- or --: under its heading) is an inline style, which the site does not publish",
      "line 10: style=\"text-align: left\" on <td> will be removed: a table column's alignment (:-- or --: under its heading) is an inline style, which the site does not publish (also on line 11)",
      "line 10: style=\"text-align: right\" on <td> will be removed: a table column's alignment (:-- or --: under its heading) is an inline style, which the site does not publish (also on line 11)",
    ]);
  });
});
