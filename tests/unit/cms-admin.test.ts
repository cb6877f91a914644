/**
 * /admin/ (the editor, Decap CMS): its page loads Decap from the site, its
 * configuration comes from the generator, and its Content-Security-Policy
 * applies to /admin/ alone, in _headers (where every matching rule adds up)
 * and in `klaster nginx`; the site keeps its own policy everywhere else.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { decapBundle } from '../../packages/klaster/src/integrations/admin.ts';
import { contentSecurityPolicy, headersFile } from '../../packages/klaster/src/integrations/headers.ts';
import { adminConfigFile, adminContentSecurityPolicy, adminPage } from '../../packages/klaster/src/lib/cms/admin.ts';
import { cmsSetting } from '../../packages/klaster/src/lib/cms/setting.ts';
import { nginxConfig } from '../../packages/klaster/src/lib/nginx.ts';
import { headersFor, parseCsp, parseHeadersFile } from '../gates/hosting.ts';

const locales = ['en', 'bg'];
const github = { backend: 'github' as const, repo: 'inter-moda/site' };
const adminPolicy = adminContentSecurityPolicy(github);
const rootEntries = ['404.html', '_astro/', 'admin/', 'bg/', 'en/', 'index.html', 'robots.txt', 'sitemap-index.xml'];

describe("the editor's Content-Security-Policy", () => {
  it('is as loose as Decap needs: eval for its validator, inline styles, the git host, decap-server on localhost', () => {
    const csp = Object.fromEntries(parseCsp(adminPolicy));
    expect(csp['script-src']).toEqual(["'self'", "'unsafe-eval'"]);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    // blob:: Decap reads an uploaded image back from its preview's address when it saves the entry (tests/browser/cms-edit.test.ts).
    expect(csp['connect-src']).toEqual(["'self'", 'blob:', 'https://api.github.com', 'http://localhost:8081']);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    const gitea = Object.fromEntries(
      parseCsp(adminContentSecurityPolicy({ backend: 'gitea', repo: 'c/site', apiRoot: 'https://git.example.org/api/v1', localBackend: false })),
    );
    expect(gitea['connect-src']).toEqual(["'self'", 'blob:', 'https://git.example.org']);
  });

  it('applies to /admin/ alone in _headers, where the site keeps its own', () => {
    const rules = parseHeadersFile(headersFile({ locales, adminPolicy, rootEntries }));
    expect(headersFor(rules, '/admin/')['content-security-policy']).toBe(adminPolicy);
    expect(headersFor(rules, '/admin/decap-cms.js')['content-security-policy']).toBe(adminPolicy);
    for (const path of ['/', '/en/products/sweater/', '/robots.txt', '/_astro/a.css', '/pagefind/pagefind.js', '/404.html']) {
      expect(headersFor(rules, path)['content-security-policy'], path).toBe(contentSecurityPolicy);
      expect(headersFor(rules, path)['x-content-type-options'], path).toBe('nosniff');
    }
    // Without the editor, one rule for every address, as before.
    expect(parseHeadersFile(headersFile({ locales }))[0]!.path).toBe('/*');
  });

  it('has its own location in klaster nginx, repeating every security header', () => {
    const text = nginxConfig({ root: '/srv/site', base: '/', locales, adminPolicy });
    const block = /location \/admin\/ \{([\s\S]*?)\n {4}\}/.exec(text)![1];
    expect(block).toContain(`add_header Content-Security-Policy "${adminPolicy}" always;`);
    expect(block).toContain('add_header X-Content-Type-Options "nosniff" always;');
    expect(block).toContain('add_header Cache-Control');
    expect(text.match(/Content-Security-Policy/g)).toHaveLength(2);
  });
});

describe('the /admin/ files', () => {
  it('name the command that installs the editor when a site with a cms: block lacks it', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'klaster-no-decap-'));
    expect(() => decapBundle(join(elsewhere, 'site.mjs'))).toThrow(/site\.yaml: cms: .*not installed\.\nFix: run `npm install decap-cms@3\.16\.3`/s);
    expect(decapBundle()).toMatch(/decap-cms[\\/]dist[\\/]decap-cms\.js$/);
  });

  it('loads Decap from the site itself, never from another address', () => {
    const html = adminPage();
    expect([...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1])).toEqual(['decap-cms.js']);
    expect(html).not.toMatch(/https?:/);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain('href="config.yml"');
  });

  it('names the content folder and site.yaml as the repository does', () => {
    const repo = mkdtempSync(join(tmpdir(), 'klaster-admin-'));
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'sites', 'wood'), { recursive: true });
    writeFileSync(join(repo, 'sites', 'wood', 'site.yaml'), '');
    const config = parse(
      adminConfigFile(github, {
        siteRoot: join(repo, 'sites', 'wood'),
        contentRoot: join(repo, 'sites', 'wood', 'content'),
        siteFile: join(repo, 'sites', 'wood', 'site.yaml'),
      }),
    );
    expect(config.backend).toEqual({ name: 'github', repo: 'inter-moda/site', branch: 'main' });
    expect(config.collections.find((c: { name: string }) => c.name === 'products').folder).toBe('sites/wood/content/products');
    expect(config.collections.find((c: { name: string }) => c.name === 'settings').files[0].file).toBe('sites/wood/site.yaml');
  });

  it("refuses a cms: block with the fix in the check's words", () => {
    const issues = (input: unknown) => cmsSetting.safeParse(input).error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ backend: 'bitbucket', repo: 'a/b' })).toEqual(['backend: use one of github, gitlab, gitea']);
    expect(issues({ backend: 'github', repo: 'site' })).toEqual(['repo: expected the repository as owner/name, such as inter-moda/site']);
    expect(issues({ backend: 'github', repo: 'a/b', localBackend: 'https://cms.example.org' })[0]).toMatch(
      /^localBackend: expected true, false, or decap-server's address/,
    );
  });
});
