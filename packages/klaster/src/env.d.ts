/// <reference types="astro/client" />

// For `tsc` (tests/unit/typecheck.test.ts): .astro files are checked by
// Astro's compiler, and a TypeScript module that imports one sees a component.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
