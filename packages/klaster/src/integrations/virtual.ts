/**
 * The site configuration as virtual modules for the package's pages:
 * `virtual:klaster/config` (the validated site.yaml) and
 * `virtual:klaster/images` (its hero image, imported so that Astro's image
 * pipeline processes it like any other).
 */
import { join } from 'node:path';
import type { SiteConfig } from '../lib/site/schema.ts';

const MODULES = ['virtual:klaster/config', 'virtual:klaster/images'];

export function virtualModules(config: SiteConfig, root: string) {
  const code: Record<string, string> = {
    'virtual:klaster/config': `export default ${JSON.stringify(config)};`,
    'virtual:klaster/images': config.home.hero
      ? `import hero from ${JSON.stringify(join(root, config.home.hero.image))};\nexport { hero };`
      : 'export const hero = undefined;',
  };
  return {
    name: 'klaster-virtual-modules',
    resolveId(id: string) {
      return MODULES.includes(id) ? `\0${id}` : undefined;
    },
    load(id: string) {
      return id.startsWith('\0') ? code[id.slice(1)] : undefined;
    },
  };
}
