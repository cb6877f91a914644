/**
 * Project result documents are published by the build (src/integrations/klaster.ts)
 * for every project the content reader accepts, whichever facts file it has.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyResultFiles } from '../../packages/klaster/src/integrations/klaster.ts';
import { checkContent } from '../../packages/klaster/src/lib/content/check.ts';
import { ROOT, tempDir } from '../helpers/build.ts';

const work = tempDir('results');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('result documents', () => {
  it('are published for a project whose facts file is index.yml', () => {
    const content = join(work, 'content');
    cpSync(join(ROOT, 'tests/fixtures/valid'), content, { recursive: true });
    const project = join(content, 'projects/demo-project');
    renameSync(join(project, 'index.yaml'), join(project, 'index.yml'));
    writeFileSync(
      join(project, 'index.yml'),
      '\nresults:\n  - { id: final-report, file: final-report.pdf, type: report, language: en }\n',
      { flag: 'a' },
    );
    writeFileSync(join(project, 'final-report.pdf'), '%PDF-1.4 demo');
    // A stray file among the project folders is no project.
    writeFileSync(join(content, 'projects/notes.txt'), 'not an entry');
    // The reader accepts the project, and lists its document...
    const { errors, content: checked } = checkContent(content, { today: '2026-11-21' });
    expect(errors).toEqual([]);
    expect(checked.projects.get('demo-project')!.facts.results.map((r) => r.file)).toEqual(['final-report.pdf']);
    // ...so the build publishes it.
    const out = join(work, 'out');
    mkdirSync(out);
    expect(copyResultFiles(out, content)).toBe(1);
    const published = join(out, 'files/projects/demo-project/final-report.pdf');
    expect(existsSync(published)).toBe(true);
    expect(readFileSync(published, 'utf8')).toBe('%PDF-1.4 demo');
  });
});
