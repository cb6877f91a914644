/**
 * Each project's accent colour as a stylesheet, so pages carry no inline
 * styles (the Content-Security-Policy forbids them). Colours are checked for
 * contrast with the page by the content check.
 */
import type { APIRoute } from 'astro';
import { site } from '../../data/site.ts';

export const GET: APIRoute = async () => {
  const model = await site();
  const rules = model
    .all('projects')
    .filter((p) => p.facts.accentColour)
    .map((p) => `.project-${p.id} { --accent: ${p.facts.accentColour}; }`);
  return new Response(`${rules.join('\n')}\n`, { headers: { 'content-type': 'text/css' } });
};
