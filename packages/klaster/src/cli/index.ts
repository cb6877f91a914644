/**
 * The `klaster` command: `klaster <check|new|build|merge|migrate|i18n-status|nginx> [options]`,
 * run in a site's folder (where astro.config.mjs is).
 */
const commands: Record<string, { run: () => Promise<unknown>; about: string }> = {
  check: { run: () => import('./check.ts'), about: 'check all content without building (file, field and fix for each problem)' },
  new: { run: () => import('./new.ts'), about: 'new <collection> <id> [--source <locale>]: scaffold an entry folder' },
  build: { run: () => import('./build.ts'), about: 'check, build into a temporary folder, swap it in as dist/ only when all of it succeeded (--force renders everything; --shard <i>/<n> or --locales <a,b> builds part of the locales)' },
  merge: { run: () => import('./merge.ts'), about: 'merge <shard folders...> [--out dist]: the shards of a sharded build as one site' },
  migrate: { run: () => import('./migrate.ts'), about: 'rewrite content written for an earlier Klaster (--dry-run lists the files)' },
  'i18n-status': { run: () => import('./i18n-status.ts'), about: 'translation status per locale (--json, --stamp <locale>)' },
  nginx: { run: () => import('./nginx.ts'), about: 'an nginx configuration for the built site (--root, --listen, --server-name, --brotli, --out)' },
};

const [commandName] = process.argv.splice(2, 1);
const command = commandName ? commands[commandName] : undefined;
const help = ['help', '--help', '-h'];
if (!command) {
  const list = Object.entries(commands).map(([n, c]) => `  klaster ${n.padEnd(12)} ${c.about}`).join('\n');
  const unknown = commandName !== undefined && !help.includes(commandName);
  console.error(`${unknown ? `Unknown command "${commandName}".\n\n` : ''}Usage:\n${list}`);
  process.exit(unknown ? 1 : 0);
} else {
  await command.run();
}

export {};
