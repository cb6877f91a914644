/**
 * The image-service mode in the build (site.yaml `images.service`, see
 * src/lib/image-server.ts): Astro's image service becomes Klaster's external
 * one (image-server-service.ts), so getImage() returns the image server's
 * addresses and Astro makes no image file. Only `astro build`: the dev
 * server keeps making images itself, with no image server needed.
 *
 * Once the site is written, every original the pages point the server to
 * must be in it (the server fetches them from the site); if one is missing
 * the build fails rather than publish pages whose images cannot load
 * (src/astro-internals/image-server-originals.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { imageServerConfig, imgproxyKeyId, imgproxyKeys, type ImageServerName, type ImageServiceName } from '../lib/image-server.ts';
import { originalsProblems, recordedSources } from '../astro-internals/image-server-originals.ts';

export default function imageServer(images: { service: ImageServiceName; url?: string; origin?: string } | undefined): AstroIntegration {
  let service: ImageServerName | undefined;
  let base = '/';
  return {
    name: 'klaster-image-server',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        base = config.base;
        const server = imageServerConfig(images, { url: config.site, base: config.base.replace(/\/?$/, '/') });
        if (!server) return;
        service = server.service;
        if (server.service === 'imgproxy') {
          const keys = imgproxyKeys();
          // The configuration check has reported unusable keys before the build.
          server.keyId = imgproxyKeyId(typeof keys === 'string' ? undefined : keys);
        }
        updateConfig({ image: { service: { entrypoint: 'klaster/image-server', config: server } } });
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!service) return;
        const sources = recordedSources();
        const problems = originalsProblems(sources, fileURLToPath(dir), base);
        if (problems.length) throw new Error(`${problems.join('\n')}\nThe site is not published.`);
        logger.info(
          `Image-service mode (${service}): no image files made at build time; ${sources.size} originals in the site for the server to transform on request`,
        );
      },
    },
  };
}
