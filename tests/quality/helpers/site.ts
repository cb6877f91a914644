/** Small sites written into a temporary folder, for the gates' planted-fault tests. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from '../../helpers/build.ts';

export function writeSite(files: Record<string, string | Buffer>, prefix = 'site'): string {
  const dir = tempDir(prefix);
  for (const [path, content] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/** A valid page with a complete head; `body` and `head` are added in place. */
export function page({
  title = 'A page',
  description = 'What the page is about.',
  lang = 'en',
  canonical = 'https://example.org/en/',
  icon = '/favicon.svg',
  head = '',
  body = '<main id="main"><h1>A page</h1></main>',
} = {}): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${title}</title>
<meta name="description" content="${description}">
<link rel="canonical" href="${canonical}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:image" content="https://example.org/og.png">
<link rel="icon" href="${icon}">
${head}
</head>
<body>${body}</body>
</html>`;
}
