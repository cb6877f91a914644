// A local Netlify Build Plugin: restores the site's build cache before the
// build and saves it after a successful one, with Netlify's cache utility
// (utils.cache). The build cache is what `klaster build` reuses: processed
// images, unchanged pages and search indexes (.klaster-cache/).
const CACHE = '.klaster-cache';

export const onPreBuild = async ({ utils }) => {
  if (await utils.cache.restore(CACHE)) console.log(`Restored ${CACHE} from the last build`);
  else console.log(`No ${CACHE} yet: this build processes every image`);
};

export const onPostBuild = async ({ utils }) => {
  if (await utils.cache.save(CACHE)) console.log(`Saved ${CACHE} for the next build`);
};
