#!/usr/bin/env node
// The `klaster` command, compiled from src/cli/ (npm run build in packages/klaster).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/src/cli/index.js', import.meta.url);
if (!existsSync(compiled)) {
  console.error('klaster is not compiled: run `npm run build --workspace klaster` (npm ci does it).');
  process.exit(1);
}
await import(compiled.href);
