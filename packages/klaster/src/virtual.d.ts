declare module 'virtual:klaster/config' {
  const config: import('./lib/site/schema.ts').SiteConfig;
  export default config;
}
declare module 'virtual:klaster/images' {
  export const hero: import('astro').ImageMetadata | undefined;
}
