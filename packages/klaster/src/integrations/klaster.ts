/**
 * Build hooks of Klaster. Before Astro loads any content, the content check
 * and the UI-string check run; a problem stops the build with every message
 * listed, before anything is written.
 */
import type { AstroIntegration } from 'astro';
import { runCheck } from '../lib/content/cli.ts';
import { checkUiStrings, unknownSiteStrings } from '../lib/i18n-check.ts';
import { contentRoot } from '../lib/config.ts';
import { defaultLocale } from '../lib/locales.ts';
import { factsFileName, factsTextName, listDirs, splitFrontmatter } from '../lib/content/read.ts';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';

/**
 * Project result documents are published as they are, at
 * /files/projects/<id>/<file>. The facts file is found as the content
 * reader finds it (index.yaml or index.yml), so every project the check
 * accepted has its documents published.
 */
export function copyResultFiles(outDir: string, root: string = contentRoot()) {
  const projects = join(root, 'projects');
  if (!existsSync(projects)) return 0;
  let copied = 0;
  for (const id of listDirs(projects)) {
    const files = readdirSync(join(projects, id));
    const name = factsFileName(files);
    const text = name ? undefined : factsTextName(files, defaultLocale);
    if (!name && !text) continue;
    const source = readFileSync(join(projects, id, (name ?? text)!), 'utf8');
    const facts = name ? parse(source) : parse(splitFrontmatter(source).frontmatter ?? '');
    const results = (Array.isArray(facts?.results) ? facts.results : []) as { file: string }[];
    if (!results.length) continue;
    const target = join(outDir, 'files', 'projects', id);
    mkdirSync(target, { recursive: true });
    for (const r of results) {
      copyFileSync(join(projects, id, r.file), join(target, r.file));
      copied++;
    }
  }
  return copied;
}

export default function klaster(): AstroIntegration {
  return {
    name: 'klaster',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const missing = [...checkUiStrings(), ...unknownSiteStrings()];
        if (missing.length) {
          throw new Error(`Missing UI strings:\n${missing.map((m) => `  ${m}`).join('\n')}`);
        }
        if (process.env.KLASTER_CHECKED === contentRoot()) return; // the build script has just checked
        if (!runCheck(contentRoot(), (line) => logger.info(line), { building: true })) {
          throw new Error('The content has problems (listed above); nothing was built.');
        }
      },
      'astro:build:done': ({ dir, logger }) => {
        const copied = copyResultFiles(fileURLToPath(dir));
        if (copied) logger.info(`Published ${copied} project result document(s)`);
      },
    },
  };
}
