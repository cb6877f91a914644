// The linter's plugins, imported from here so that they and the TypeScript 6
// they parse with resolve from this workspace (package.json's description).
export { default as tseslint } from 'typescript-eslint';
export { default as astro } from 'eslint-plugin-astro';
