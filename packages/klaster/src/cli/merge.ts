// klaster merge <shard folders...> [--out dist]: the outputs of a sharded
// build (`klaster build --shard <i>/<n>`) as one site (src/lib/shards.ts).
import { resolve } from 'node:path';
import { mergeShards, ShardMergeError } from '../lib/shards.ts';

const args = process.argv.slice(2);
const dirs: string[] = [];
let out = process.env.KLASTER_DIST || 'dist';
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--out') out = args[++i] ?? '';
  else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
  else dirs.push(arg);
}
if (!dirs.length || !out) {
  console.error(
    'Usage: klaster merge <shard folder> <shard folder>... [--out dist]\nThe folders are the outputs of `klaster build --shard <i>/<n>`, one per shard.',
  );
  process.exit(1);
}
if (dirs.some((d) => resolve(d) === resolve(out))) {
  console.error(`--out ${out} is one of the shards: merge into another folder.`);
  process.exit(1);
}
try {
  const result = mergeShards(dirs, out);
  console.log(
    `Merged ${result.shards} shards into ${resolve(out)}: ${result.files} files (${result.shared} written alike by several shards) in ${result.seconds.toFixed(1)}s`,
  );
} catch (e) {
  if (e instanceof ShardMergeError) {
    console.error(`${e.message}\nNothing was written to ${resolve(out)}.`);
    process.exit(1);
  }
  throw e;
}
