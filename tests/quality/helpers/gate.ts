/**
 * How a quality test reports: every failure, grouped with counts and then
 * page by page, in the test's error and in a report file under the
 * system's temporary folder (printed), so a long list can be read whole.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Failure } from '../../gates/html.ts';
import { formatFailures } from '../../gates/report.ts';

/**
 * One folder per `vitest` run, shared by its test files: they run in child
 * processes of the run (the default pool), in the run's own process otherwise.
 */
const runId = typeof process.send === 'function' ? process.ppid : process.pid;
export const REPORT_DIR = process.env.KLASTER_QUALITY_REPORTS || join(tmpdir(), `klaster-quality-${runId}`);

/** Writes a gate's report file and returns its path. */
export function writeReport(name: string, text: string): string {
  mkdirSync(REPORT_DIR, { recursive: true });
  const file = join(REPORT_DIR, `${name}.txt`);
  writeFileSync(file, `${text}\n`);
  return file;
}

/** Fails with the grouped list of failures (the first 200 lines; the whole list is in the report file). */
export function expectNoFailures(gate: string, failures: Failure[], started?: number): void {
  const seconds = started === undefined ? '' : ` (${((performance.now() - started) / 1000).toFixed(1)} s)`;
  const text = formatFailures(gate + seconds, failures);
  const file = writeReport(gate.split('(')[0]!.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''), text);
  if (!failures.length) return;
  const lines = text.split('\n');
  const shown = lines.length > 200 ? [...lines.slice(0, 200), `… ${lines.length - 200} more lines in ${file}`] : lines;
  throw new Error(`${shown.join('\n')}\n\nReport: ${file}`);
}
