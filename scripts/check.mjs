#!/usr/bin/env node
// npm run check: validates the content folder without building the site.
// The build runs it with --build, and then says that nothing was built.
import { runCheck } from '../src/lib/content/cli.ts';

process.exit(runCheck(undefined, undefined, { building: process.argv.includes('--build') }) ? 0 : 1);
