/**
 * HTML validity gate: the Nu Html Checker (the npm package vnu-jar, run
 * with the machine's Java) over every HTML file of a folder in one Java
 * run, errors only, each reported with its page, place and message.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shorten, sitePathOf, type Failure } from './html.ts';

export function vnuJar(): string {
  return join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  message: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  extract?: string;
  hiliteStart?: number;
  hiliteLength?: number;
}


/** The checker's JSON report as failures; pages named by their site path under `root`. */
export function parseVnuReport(json: string, root: string): Failure[] {
  const report = JSON.parse(json) as { messages: VnuMessage[] };
  return report.messages
    .filter((m) => m.type === 'error' || (m.type === 'non-document-error'))
    .map((m) => {
      let page = m.url ?? root;
      if (page.startsWith('file:')) {
        const file = relative(root, fileURLToPath(page)).split(sep).join('/');
        page = file.startsWith('..') ? fileURLToPath(page) : sitePathOf(file);
      }
      const at = m.lastLine !== undefined ? ` (line ${m.lastLine}, column ${m.firstColumn ?? m.lastColumn})` : '';
      const extract =
        m.extract && m.hiliteStart !== undefined && m.hiliteLength !== undefined
          ? `: ${shorten(m.extract.slice(m.hiliteStart, m.hiliteStart + m.hiliteLength), 160)}`
          : '';
      return { page, reason: `${m.type === 'error' ? '' : `${m.type}: `}${shorten(m.message, 300)}${at}${extract}` };
    });
}

/**
 * Runs the checker once over a folder (or files), HTML files only. Throws
 * when Java is missing, saying how to get it.
 */
export function runVnu(target: string, java = process.env.JAVA || 'java'): Failure[] {
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `The HTML check needs Java (${java} was not found). Install Debian's package: sudo apt-get install default-jre-headless (or set JAVA).`,
    );
  }
  const run = spawnSync(java, ['-jar', vnuJar(), '--errors-only', '--format', 'json', '--skip-non-html', target], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  // The checker writes its report to stderr and exits 1 when it found errors.
  const json = run.stderr.slice(run.stderr.indexOf('{'));
  if (run.error || !json.startsWith('{')) throw new Error(`The Nu Html Checker did not run: ${run.error?.message ?? run.stderr.slice(0, 2000)}`);
  return parseVnuReport(json, target);
}
