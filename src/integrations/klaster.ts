/**
 * Build hooks of Klaster. Before Astro loads any content, the content check
 * and the UI-string check run; a problem stops the build with every message
 * listed, before anything is written.
 */
import type { AstroIntegration } from 'astro';
import { runCheck } from '../lib/content/cli.ts';
import { checkUiStrings } from '../lib/i18n-check.ts';
import { contentRoot } from '../lib/config.ts';

export default function klaster(): AstroIntegration {
  return {
    name: 'klaster',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const missing = checkUiStrings();
        if (missing.length) {
          throw new Error(`Missing UI strings:\n${missing.map((m) => `  ${m}`).join('\n')}`);
        }
        if (process.env.KLASTER_CHECKED === contentRoot()) return; // the build script has just checked
        if (!runCheck(contentRoot(), (line) => logger.info(line))) {
          throw new Error('The content has problems (listed above); nothing was built.');
        }
      },
    },
  };
}
