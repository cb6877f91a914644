/** The terminal side of the content check, shared by `npm run check` and the build. */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDate } from '../build-date.ts';
import { contentRoot } from '../config.ts';
import { checkContent, type CheckResult } from './check.ts';
import { formatProblems, githubAnnotations } from './problems.ts';
import { translationStatus } from '../i18n-status.ts';
import { loadSiteConfig } from '../site/load.ts';
import { checkUiStrings, unknownSiteStrings } from '../i18n-check.ts';
import { problem, type Problem } from './problems.ts';
import { checkSiteAgainstContent, type ContentIds } from '../site/check.ts';

/** A UI-string message (`<file>: <what>`) as a problem of that file. */
function uiProblem(message: string): Problem {
  const at = message.indexOf(': ');
  return problem(message.slice(0, at), undefined, message.slice(at + 2));
}

export interface RunCheckOptions {
  /** The check runs before a build (which then stops on errors), not as `npm run check`. */
  building?: boolean;
}

/**
 * A file's path from the repository's root (GITHUB_WORKSPACE in GitHub
 * Actions, else the current folder), with forward slashes; `fallback` when
 * the file is outside it.
 */
export function repositoryPath(file: string, fallback: string, workspace = process.env.GITHUB_WORKSPACE || process.cwd()): string {
  const rel = relative(workspace, file);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return fallback;
  return rel.split(sep).join('/');
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** The settings, the UI strings and the content checked together: what `npm run check` reports. */
export function checkSiteAndContent(root: string = contentRoot()) {
  const site = loadSiteConfig();
  const checked = checkContent(root, { today: buildDate() });
  const ids = Object.fromEntries(Object.entries(checked.content).map(([name, entries]) => [name, new Set(entries.keys())])) as unknown as ContentIds;
  // Problems of the settings and the UI strings name files in the site's folder; the content's, in the content folder.
  const siteProblems = [
    ...site.problems,
    ...(site.config ? checkSiteAgainstContent(site.config, ids, site.file) : []),
    // UI strings: every key and plural form in every locale, a label for every vocabulary value.
    ...(site.config ? [...checkUiStrings(), ...unknownSiteStrings()].map(uiProblem) : []),
  ];
  const result: CheckResult = { ...checked, errors: [...siteProblems, ...checked.errors] };
  return { site, siteProblems, result };
}

export function runCheck(
  root: string = contentRoot(),
  log: (line: string) => void = console.log,
  options: RunCheckOptions = {},
): CheckResult | undefined {
  const started = performance.now();
  const { site, siteProblems, result } = checkSiteAndContent(root);
  const entries = Object.values(result.content).reduce((n, m) => n + m.size, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  // Errors and warnings together, file by file: a file's warnings are shown while it has errors too.
  const listed = [...result.errors, ...result.warnings, ...result.infos];
  if (listed.length) {
    const counts = [
      result.errors.length ? count(result.errors.length, 'problem') : '',
      result.warnings.length ? count(result.warnings.length, 'warning') : '',
      result.infos.length ? count(result.infos.length, 'notice') : '',
    ].filter(Boolean);
    log(`\nThe site configuration and the content in ${root} have ${counts.join(' and ')}:\n${formatProblems(listed)}\n`);
    if (process.env.GITHUB_ACTIONS === 'true') {
      const fromSite = new Set(siteProblems);
      const path = (p: (typeof listed)[number]) => repositoryPath(resolve(fromSite.has(p) ? site.root : root, p.file), p.file);
      for (const line of githubAnnotations(listed, path)) log(line);
    }
  }
  const gaps = translationStatus(result.content).locales.filter((s) => s.missing.length || s.outdated.length);
  for (const s of gaps) {
    log(`warning: ${s.locale}: ${s.missing.length} entries have no translation, ${s.outdated.length} translations are outdated (npm run i18n:status lists them)`);
  }
  if (result.errors.length) {
    log(
      options.building
        ? 'Nothing was built. Fix the problems above and run `npm run check` again.'
        : 'Fix the problems above and run `npm run check` again; once it passes, `npm run build` builds the site.',
    );
    return undefined;
  }
  log(`Content OK: ${entries} entries checked in ${seconds} s (${root}).`);
  return result;
}
