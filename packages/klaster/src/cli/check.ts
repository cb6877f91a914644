// klaster check: validates the content folder without building the site.
import { runCheck } from '../lib/content/cli.ts';

process.exit(runCheck() ? 0 : 1);
