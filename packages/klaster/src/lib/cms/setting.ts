/**
 * The `cms:` block of site.yaml: the editor at /admin/ (Decap CMS), its git
 * host and how editors log in to it (docs/configuration.md). Apart from the
 * generator (config.ts), which reads the schemas that read site.yaml.
 */
import { z } from 'astro/zod';
import { url } from '../content/fields.ts';

/** Languages of the editor's own interface: Decap's (decap-cms-locales) under Klaster's codes. Serbian is Cyrillic only. */
export const cmsUiLocales = {
  en: 'en',
  bg: 'bg',
  sr: 'sr_Cyrl',
  ro: 'ro',
  es: 'es',
  ca: 'ca',
  fr: 'fr',
  da: 'da',
  de: 'de',
  el: 'gr',
  mk: 'mk',
  hr: 'hr',
  hu: 'hu',
} as const;
const cmsUiLocaleCodes = Object.keys(cmsUiLocales) as [keyof typeof cmsUiLocales, ...(keyof typeof cmsUiLocales)[]];

const LOCAL_BACKEND = "expected true, false, or decap-server's address on this computer, such as http://localhost:8081/api/v1";

/** The editor's git host and how editors log in to it. */
export const cmsSetting = z.strictObject({
  backend: z.enum(['github', 'gitlab', 'gitea'], { error: 'use one of github, gitlab, gitea' }),
  repo: z.string().regex(/^[\w.-]+(\/[\w.-]+)+$/, { error: 'expected the repository as owner/name, such as inter-moda/site' }),
  branch: z.string().min(1).default('main'),
  /** The OAuth server (a host's own or a self-hosted one), e.g. https://api.netlify.com. */
  baseUrl: url.optional(),
  authEndpoint: z
    .string()
    .regex(/^[\w./-]+$/, { error: 'expected a path such as auth' })
    .optional(),
  /** GitLab's or Gitea's OAuth application id (PKCE: no server needed). */
  appId: z.string().min(1).optional(),
  /** The API of a self-hosted GitLab or Gitea, e.g. https://git.example.org/api/v1. */
  apiRoot: url.optional(),
  /** The language of the editor's own interface; the site's default locale when Decap has it, else English. */
  uiLocale: z.enum(cmsUiLocaleCodes, { error: `use one of ${cmsUiLocaleCodes.join(', ')}` }).optional(),
  /**
   * decap-server on the editor's own computer (npx decap-server), used when
   * /admin/ is opened on localhost: true for its usual address, or its API
   * address such as http://localhost:8081/api/v1; false to always use the git host.
   */
  localBackend: z
    .union([z.boolean(), z.string().regex(/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/\S*$/, { error: LOCAL_BACKEND })], { error: LOCAL_BACKEND })
    .default(true),
});
export type CmsSetting = z.input<typeof cmsSetting>;
