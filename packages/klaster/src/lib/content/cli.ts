/** The terminal side of the content check, shared by `npm run check` and the build. */
import { performance } from 'node:perf_hooks';
import { buildDate } from '../build-date.ts';
import { contentRoot } from '../config.ts';
import { checkContent, type CheckResult } from './check.ts';
import { formatProblems } from './problems.ts';
import { translationStatus } from '../i18n-status.ts';
import { loadSiteConfig } from '../site/load.ts';
import { checkSiteAgainstContent, type ContentIds } from '../site/check.ts';

export function runCheck(root: string = contentRoot(), log: (line: string) => void = console.log): CheckResult | undefined {
  const started = performance.now();
  const site = loadSiteConfig();
  const checked = checkContent(root, { today: buildDate() });
  const ids = Object.fromEntries(Object.entries(checked.content).map(([name, entries]) => [name, new Set(entries.keys())])) as unknown as ContentIds;
  const result = {
    ...checked,
    errors: [...site.problems, ...(site.config ? checkSiteAgainstContent(site.config, ids, site.file) : []), ...checked.errors],
  };
  const entries = Object.values(result.content).reduce((n, m) => n + m.size, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (result.warnings.length) log(`\n${result.warnings.length} warning(s):\n${formatProblems(result.warnings)}`);
  if (result.errors.length) {
    log(`\nThe site configuration and the content in ${root} have ${result.errors.length} problem(s):\n${formatProblems(result.errors)}\n`);
    log('Nothing was built. Fix the problems above and run `npm run check` again.');
    return undefined;
  }
  log(`Content OK: ${entries} entries checked in ${seconds} s (${root}).`);
  const gaps = translationStatus(result.content).locales.filter((s) => s.missing.length || s.outdated.length);
  for (const s of gaps) {
    log(`warning: ${s.locale}: ${s.missing.length} entries have no translation, ${s.outdated.length} translations are outdated (npm run i18n:status lists them)`);
  }
  return result;
}
