#!/usr/bin/env node
// npm run check: validates the content folder without building the site.
import { runCheck } from '../src/lib/content/cli.ts';

process.exit(runCheck() ? 0 : 1);
