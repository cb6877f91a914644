/** What `npm run check` tells an editor: warnings beside errors, and news scheduled for a later day. */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { ROOT, runScript, tempDir } from '../helpers/build.ts';

const work = tempDir('check-messages');
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;

/** A copy of the valid fixture with some files rewritten. */
function contentWith(files: Record<string, string | ((text: string) => string)>): string {
  const root = join(work, String(count++));
  cpSync(join(ROOT, 'tests/fixtures/valid'), root, { recursive: true });
  for (const [file, edit] of Object.entries(files)) {
    const path = join(root, file);
    writeFileSync(path, typeof edit === 'string' ? edit : edit(readFileSync(path, 'utf8')));
  }
  return root;
}
const check = (root: string) => checkContent(root, { today: '2026-11-21' });

describe('warnings', () => {
  const root = contentWith({
    'products/demo-sweater/index.yaml': (t) => t.replace('2030-01-31', '2020-01-31').replace('category: knitwear', 'category: knitted'),
    'products/demo-sweater/index.ro.md': '---\nname: Pulover demonstraţie\nsummary: 5\n---\nTricotat în Kyustendil, ţară.\n',
  });

  it("are found in a file that has errors too", () => {
    const { errors, warnings } = check(root);
    expect(errors.map((e) => `${e.file} ${e.field}`).sort()).toEqual(['products/demo-sweater/index.ro.md summary', 'products/demo-sweater/index.yaml category']);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'products/demo-sweater/index.yaml', field: 'certifications[0].validUntil', message: expect.stringContaining('expired on 2020-01-31') }),
        expect.objectContaining({ file: 'products/demo-sweater/index.ro.md', field: 'name', message: expect.stringContaining('cedilla') }),
        expect.objectContaining({ file: 'products/demo-sweater/index.ro.md', field: 'body', message: expect.stringContaining('cedilla') }),
      ]),
    );
  });

  it('are shown by npm run check beside the errors, which end with what to do next', () => {
    const run = runScript('check.mjs', { KLASTER_CONTENT: root });
    expect(run.status).toBe(1);
    expect(run.output).toContain('warning: certifications[0].validUntil');
    expect(run.output).toContain('warning: body: Romanian cedilla letters');
    expect(run.output).not.toContain('Nothing was built');
    expect(run.output.trim().split('\n').at(-1)).toMatch(/run `npm run check` again.*`npm run build`/);
  });
});

describe('news dated after the build date', () => {
  const root = contentWith({ 'news/demo-news/index.yaml': 'date: 2026-12-24\nprojects: [demo-project]\n' });

  it('is scheduled: a notice, not an error', () => {
    const { errors, warnings, infos } = check(root);
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => w.file.startsWith('news/'))).toEqual([]);
    expect(infos).toEqual([
      expect.objectContaining({ file: 'news/demo-news/index.yaml', field: 'date', severity: 'info', message: expect.stringContaining('scheduled: published from 2026-12-24 on') }),
    ]);
    expect(check(contentWith({ 'news/demo-news/index.yaml': 'date: 2026-11-21\n' })).infos).toEqual([]);
  });

  it('is listed by npm run check, which passes', () => {
    const run = runScript('check.mjs', { KLASTER_CONTENT: root, KLASTER_BUILD_DATE: '2026-11-21' });
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/news\/demo-news\/index\.yaml\n {2}info: date: scheduled: published from 2026-12-24 on/);
  });
});
