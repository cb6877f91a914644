/**
 * Newsletter subscription in the built demo, whose site.yaml names a
 * Listmonk server: the newsletter pages have a form posting to it with
 * Listmonk's field names, the CSP's form-action allows exactly that origin,
 * and the e-mail version carries Listmonk's unsubscribe merge tag and the
 * EU acknowledgement of the issue's project. (The fixture site has no
 * provider: tests/build/safe-defaults.test.ts checks it has no form.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { attr, findAll, parseHtml } from '../gates/html.ts';
import { parseCsp, parseHeadersFile, headersFor } from '../gates/hosting.ts';
import { localeCodes } from '../../packages/klaster/src/lib/locales.ts';
import { paths } from '../../packages/klaster/src/lib/urls.ts';

const dist = inject('demoDist');
const ACTION = 'https://lists.example.org/subscription/form';
const LIST = '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a3e4f56';
const ISSUE = '2022-03';

function form(path: string) {
  const doc = parseHtml(readFileSync(join(dist, path, 'index.html'), 'utf8'));
  const forms = findAll(doc, (el) => el.tagName === 'form' && attr(el, 'action') === ACTION);
  expect(forms, path).toHaveLength(1);
  const inputs = findAll(forms[0]!, (el) => el.tagName === 'input');
  return { doc, form: forms[0]!, inputs };
}

describe("the demo's newsletter pages", () => {
  it.each(localeCodes)('have a subscription form posting to the provider in %s', (locale) => {
    for (const path of [paths.newsletters(locale), paths.newsletter(locale, ISSUE)]) {
      const { doc, form: f, inputs } = form(path);
      expect(attr(f, 'method'), path).toBe('post');
      const email = inputs.filter((i) => attr(i, 'name') === 'email');
      expect(email, path).toHaveLength(1);
      expect([attr(email[0]!, 'type'), attr(email[0]!, 'autocomplete'), attr(email[0]!, 'required')], path).toEqual(['email', 'email', '']);
      const labels = findAll(doc, (el) => el.tagName === 'label' && attr(el, 'for') === attr(email[0]!, 'id'));
      expect(labels, path).toHaveLength(1);
      expect(
        inputs.filter((i) => attr(i, 'type') === 'hidden').map((i) => [attr(i, 'name'), attr(i, 'value')]),
        path,
      ).toEqual([['l', LIST]]);
      expect(
        findAll(f, (el) => el.tagName === 'a' && attr(el, 'href')?.endsWith(`/${locale}/privacy/`) === true),
        path,
      ).toHaveLength(1);
    }
  });

  it("allow forms to post to the provider's origin and no other in the CSP", () => {
    const headers = headersFor(parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8')), '/en/newsletter/');
    expect(parseCsp(headers['content-security-policy']!).get('form-action')).toEqual(["'self'", 'https://lists.example.org']);
  });
});

describe("the demo's e-mail version", () => {
  const email = readFileSync(join(dist, paths.newsletter('en', ISSUE), 'email.html'), 'utf8');

  it("links Listmonk's unsubscribe merge tag instead of asking for a reply", () => {
    expect(email).toContain('href="{{ UnsubscribeURL }}"');
    expect(email).not.toMatch(/Reply to this e-mail/);
  });

  it("carries the EU acknowledgement of the issue's project, with the emblem as a PNG at an absolute address", () => {
    const emblem = /<img src="(https?:\/\/[^"]+\/klaster\/eu-emblem\.png)" alt="Flag of the European Union"/.exec(email);
    expect(emblem).not.toBeNull();
    expect(email).toContain('Co-funded by the European Union');
    const png = join(dist, 'klaster', 'eu-emblem.png');
    expect(existsSync(png)).toBe(true);
    expect([...readFileSync(png).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
