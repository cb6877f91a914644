/**
 * The checks of site.yaml `images` that one key's schema cannot make: which
 * services need an address, and imgproxy's signing keys, which come from the
 * environment and never from site.yaml.
 */
import { problem, type Problem } from '../content/problems.ts';
import { imgproxyKeys } from '../image-server.ts';
import type { SiteConfig } from './schema.ts';

const EXAMPLE = { ipx: 'http://127.0.0.1:3000 or https://images.example.org', imgproxy: 'https://imgproxy.example.org' } as const;

export function imageServerProblems(config: SiteConfig, file: string, env: Record<string, string | undefined> = process.env): Problem[] {
  const images = config.images;
  if (!images) return [];
  const problems: Problem[] = [];
  const { service } = images;
  if (service === 'build') {
    for (const key of ['url', 'origin'] as const) {
      if (images[key])
        problems.push(
          problem(
            file,
            `images.${key}`,
            `found "${images[key]}", but service: build makes the images at build time and uses no image server; remove ${key}: or choose an image server as service:`,
          ),
        );
    }
    return problems;
  }
  if ((service === 'ipx' || service === 'imgproxy') && !images.url) {
    problems.push(problem(file, 'images.url', `service: ${service} needs the address of your ${service} server; add url: such as ${EXAMPLE[service]}`));
  }
  if (service === 'imgproxy') {
    if (!images.origin && !(env.KLASTER_SITE || config.url)) {
      problems.push(
        problem(
          file,
          'images.origin',
          `imgproxy fetches each original by its full address, but neither images.origin nor the site's url: is set; add url: (the site's public address) or images.origin:`,
        ),
      );
    }
    const keys = imgproxyKeys(env);
    if (typeof keys === 'string') problems.push(problem(file, 'images.service', keys));
  }
  return problems;
}
