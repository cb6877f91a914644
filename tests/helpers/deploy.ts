/** The starter's deployment files (packages/create-klaster/hosts/), and the commands every one of them runs. */
import { join } from 'node:path';
import { ROOT } from './build.ts';

export const HOSTS_DIR = join(ROOT, 'packages', 'create-klaster', 'hosts');
export const STARTER = join(ROOT, 'packages', 'create-klaster', 'index.mjs');

/**
 * What each host's workflow runs to install and to build a site, and so what
 * the starter test runs on a new site: a workflow that built differently
 * would publish something the tests never built.
 */
export const SITE_COMMANDS = { install: 'npm ci', build: 'npm run build', check: 'npm run check' } as const;
