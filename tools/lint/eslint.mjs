// Runs ESLint with every `typescript` import of its process resolved to this
// workspace's TypeScript 6 (package.json's description says why): npm hoists
// some of typescript-eslint's dependencies (ts-api-utils) to the root, where
// `typescript` is the project's TypeScript 7, which has no JavaScript API.
// `npm run lint` runs this; arguments go to ESLint.
import { createRequire, registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const typescript = pathToFileURL(require.resolve('typescript')).href;
const eslint = pathToFileURL(require.resolve('eslint/package.json').replace(/package\.json$/, 'bin/eslint.js')).href;
registerHooks({
  resolve(specifier, context, next) {
    if (specifier === 'typescript') return { url: typescript, format: 'commonjs', shortCircuit: true };
    return next(specifier, context);
  },
});

await import(eslint);
