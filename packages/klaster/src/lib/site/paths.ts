/** Where the site's settings file is: KLASTER_CONFIG, or site.yaml in the site's folder. */
import { isAbsolute, resolve } from 'node:path';

export const SITE_CONFIG_FILE = 'site.yaml';

export function siteConfigPath(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  const value = env.KLASTER_CONFIG || SITE_CONFIG_FILE;
  return isAbsolute(value) ? value : resolve(cwd, value);
}
