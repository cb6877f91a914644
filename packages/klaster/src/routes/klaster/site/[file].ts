/**
 * The files site.yaml names (logo, favicon, share image, fonts), served from
 * the site's folder at /klaster/site/<file name>, as they are.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { configFiles, siteConfigPath } from '../../../lib/site/load.ts';
import { siteConfig } from '../../../data/config.ts';

const root = join(siteConfigPath(), '..');

export const getStaticPaths: GetStaticPaths = () =>
  configFiles(siteConfig)
    .filter(({ key }) => key !== 'home.hero.image')
    .map(({ file }) => ({ params: { file: basename(file) }, props: { path: join(root, file) } }));

export const GET: APIRoute = ({ props }) => new Response(readFileSync(props.path as string));
