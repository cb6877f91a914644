// klaster nginx: prints (or writes with --out) an nginx configuration for the
// built site: the security headers of _headers, the not-found page of each
// locale, caching, compression, the base path. Run it where the site is
// built, with the same KLASTER_BASE, so the paths agree.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { basePath } from '../lib/config.ts';
import { localeCodes } from '../lib/locales.ts';
import { nginxConfig } from '../lib/nginx.ts';
import { adminContentSecurityPolicy } from '../lib/cms/admin.ts';
import { loadSiteConfig } from '../lib/site/load.ts';
import { formActionOrigin } from '../lib/newsletter-providers.ts';
import { imageServerConfig, imageServerOrigin } from '../lib/image-server.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    listen: { type: 'string' },
    'server-name': { type: 'string' },
    brotli: { type: 'boolean' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`Usage: klaster nginx [--root <folder>] [--listen <port or address:port>] [--server-name <host>] [--brotli] [--out <file>]

  --root         where the built site is on the server (default: this site's dist/, as an absolute path)
  --listen       nginx's listen parameters (default 80)
  --server-name  the host name (default: the host of KLASTER_SITE or url in site.yaml, else any)
  --brotli       also compress with brotli (needs nginx's brotli module)
  --out          write the configuration to a file instead of printing it`);
  process.exit(0);
}

const loaded = loadSiteConfig();
const env = (name: string) => process.env[name] || undefined;
const base = basePath({ KLASTER_BASE: env('KLASTER_BASE') ?? loaded.config?.base });
const site = env('KLASTER_SITE') ?? loaded.config?.url;
const text = nginxConfig({
  root: resolve(values.root ?? env('KLASTER_DIST') ?? 'dist'),
  base,
  locales: localeCodes,
  listen: values.listen,
  serverName: values['server-name'] ?? (site ? new URL(site).hostname : undefined),
  brotli: values.brotli,
  formOrigin: formActionOrigin(loaded.config?.newsletter),
  imageOrigin: imageServerOrigin(imageServerConfig(loaded.config?.images, { base })),
  adminPolicy: loaded.config?.cms ? adminContentSecurityPolicy(loaded.config.cms) : undefined,
});
if (values.out) {
  writeFileSync(values.out, text);
  console.error(`Wrote ${values.out}: nginx configuration for the site under ${base}`);
} else {
  process.stdout.write(text);
}
