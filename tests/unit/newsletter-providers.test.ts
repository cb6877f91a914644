/**
 * Newsletter subscription through a provider (site.yaml `newsletter:`): each
 * provider's form fields and unsubscribe merge tag, the configuration's
 * messages, the CSP's form-action widened for the provider's origin only, and
 * the e-mail version's unsubscribe link and funding acknowledgement.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formActionOrigin,
  newsletterProviderNames,
  newsletterProviders,
  subscribeForm,
  unsubscribeTag,
  type NewsletterSetting,
} from '../../packages/klaster/src/lib/newsletter-providers.ts';
import { loadSiteConfig } from '../../packages/klaster/src/lib/site/load.ts';
import { contentSecurityPolicyFor, headersFile, securityHeaders } from '../../packages/klaster/src/integrations/headers.ts';
import { nginxConfig } from '../../packages/klaster/src/lib/nginx.ts';
import { newsletterEmail, type EmailInput } from '../../packages/klaster/src/lib/newsletter.ts';
import { parseCsp } from '../gates/hosting.ts';
import { tempDir } from '../helpers/build.ts';

const LISTMONK: NewsletterSetting = {
  provider: 'listmonk',
  action: 'https://lists.example.org/subscription/form',
  list: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a3e4f56',
};

describe('the providers', () => {
  it("post the fields each provider's own form posts", () => {
    expect(subscribeForm(LISTMONK, 'bg')).toEqual({ action: LISTMONK.action, email: 'email', hidden: [['l', LISTMONK.list]] });
    const mailchimp = 'https://example.us1.list-manage.com/subscribe/post?u=0123456789abcdef&id=abcdef0123';
    expect(subscribeForm({ provider: 'mailchimp', action: mailchimp }, 'en')).toEqual({ action: mailchimp, email: 'EMAIL', hidden: [] });
    expect(subscribeForm({ provider: 'brevo', action: 'https://abc.sibforms.com/serve/XYZ' }, 'sr-Latn').hidden).toEqual([
      ['email_address_check', ''],
      ['locale', 'sr'],
    ]);
    expect(subscribeForm({ provider: 'buttondown', action: 'https://buttondown.com/api/emails/embed-subscribe/klaster' }, 'en')).toEqual({
      action: 'https://buttondown.com/api/emails/embed-subscribe/klaster',
      email: 'email',
      hidden: [['embed', '1']],
    });
  });

  it('give the merge tag their mailer replaces with the unsubscribe address', () => {
    expect(Object.fromEntries(newsletterProviderNames.map((p) => [p, newsletterProviders[p].unsubscribe]))).toEqual({
      listmonk: '{{ UnsubscribeURL }}',
      mailchimp: '*|UNSUB|*',
      brevo: '{{ unsubscribe }}',
      buttondown: '{{ unsubscribe_url }}',
    });
    expect(unsubscribeTag(LISTMONK)).toBe('{{ UnsubscribeURL }}');
    expect(unsubscribeTag(undefined)).toBeUndefined();
  });
});

function messages(yaml: string) {
  const dir = tempDir('newsletter-config');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'site.yaml'), `name: X\n${yaml}`);
  return loadSiteConfig(join(dir, 'site.yaml')).problems.map((p) => `${p.field ?? ''}: ${p.message}`);
}

describe('site.yaml newsletter', () => {
  it('accepts each provider with its address', () => {
    expect(messages(`newsletter: { provider: listmonk, action: "${LISTMONK.action}", list: ${LISTMONK.list} }\n`)).toEqual([]);
    expect(messages('newsletter: { provider: mailchimp, action: "https://x.us1.list-manage.com/subscribe/post?u=1&id=2" }\n')).toEqual([]);
    expect(messages('newsletter: { provider: brevo, action: "https://abc.sibforms.com/serve/XYZ" }\n')).toEqual([]);
    expect(messages('newsletter: { provider: buttondown, action: "https://buttondown.com/api/emails/embed-subscribe/k" }\n')).toEqual([]);
  });

  it('names the key, what was found and the fix', () => {
    expect(messages('newsletter: { provider: sendgrid, action: "https://x.example/" }\n')).toEqual([
      'newsletter.provider: found "sendgrid"; use one of listmonk, mailchimp, brevo, buttondown',
    ]);
    expect(messages('newsletter: { provider: listmonk, action: "http://lists.example.org/subscription/form", list: a }\n')[0]).toMatch(
      /^newsletter\.action: .*https:\/\/ address the provider's subscription form posts to/,
    );
    expect(messages('newsletter: { provider: listmonk, action: "https://lists.example.org/" }\n')).toEqual([
      'newsletter.action: found "https://lists.example.org/"; Listmonk\'s public form posts to <your listmonk address>/subscription/form, such as https://lists.example.org/subscription/form',
      "newsletter.list: Listmonk needs the list to subscribe to; add list: with the list's ID (for Listmonk, the public list's UUID)",
    ]);
    expect(messages('newsletter: { provider: mailchimp, action: "https://x.us1.list-manage.com/subscribe/post", list: abc }\n')).toEqual([
      expect.stringMatching(/^newsletter\.action: found "https:\/\/x\.us1\.list-manage\.com\/subscribe\/post"; Mailchimp's embedded form posts to .*u=…&id=…/),
      'newsletter.list: found "abc", but Mailchimp\'s form names its list in the action address; remove list:',
    ]);
  });
});

describe("the CSP's form-action", () => {
  const formAction = (policy: string) => parseCsp(policy).get('form-action');

  it("is the site's own without a provider", () => {
    expect(formOrigin(undefined)).toBeUndefined();
    expect(formAction(contentSecurityPolicyFor())).toEqual(["'self'"]);
    expect(formAction(securityHeaders['Content-Security-Policy'])).toEqual(["'self'"]);
    expect(headersFile({ locales: ['en'] })).toContain("form-action 'self';");
    expect(nginxConfig({ root: '/srv', base: '/', locales: ['en'] })).toContain("form-action 'self';");
  });

  it("gains exactly the provider's origin, in _headers and in nginx's configuration", () => {
    const origin = formOrigin(LISTMONK)!;
    expect(origin).toBe('https://lists.example.org');
    expect(formAction(contentSecurityPolicyFor(origin))).toEqual(["'self'", 'https://lists.example.org']);
    const policyIn = (text: string) => /Content-Security-Policy:? "?([^"\n]+)/.exec(text)![1]!;
    expect(formAction(policyIn(headersFile({ locales: ['en'], formOrigin: origin })))).toEqual(["'self'", 'https://lists.example.org']);
    expect(formAction(policyIn(nginxConfig({ root: '/srv', base: '/', locales: ['en'], formOrigin: origin })))).toEqual([
      "'self'",
      'https://lists.example.org',
    ]);
    // Only form-action changes.
    expect(contentSecurityPolicyFor(origin).replace(' https://lists.example.org', '')).toBe(contentSecurityPolicyFor());
  });
});

const formOrigin = formActionOrigin;

describe('the e-mail version', () => {
  const issue: EmailInput = {
    lang: 'en',
    siteName: 'Klaster',
    title: 'March',
    items: [],
    webUrl: 'https://x.example/en/newsletter/2022-03/',
    webLabel: 'Web',
    readMore: 'More',
    footer: 'Bye.',
  };

  it("links the provider's unsubscribe merge tag", () => {
    const html = newsletterEmail({ ...issue, unsubscribe: { url: '*|UNSUB|*', label: 'Unsubscribe' } });
    expect(html).toContain('Bye. <a href="*|UNSUB|*" style="color: #0b5394;">Unsubscribe</a>');
    expect(newsletterEmail({ ...issue, unsubscribe: { url: '{{ UnsubscribeURL }}', label: 'Unsubscribe' } })).toContain('href="{{ UnsubscribeURL }}"');
    expect(newsletterEmail(issue)).not.toContain('Unsubscribe');
  });

  it("carries a project's funding acknowledgement with the emblem at an absolute address", () => {
    const html = newsletterEmail({
      ...issue,
      funding: [
        {
          emblem: { src: 'https://x.example/klaster/eu-emblem.png', alt: 'Flag of the EU' },
          statement: 'Co-funded by the <EU>',
          name: 'Interreg',
          disclaimer: 'Views are the authors’.',
        },
      ],
    });
    expect(html).toContain('<img src="https://x.example/klaster/eu-emblem.png" alt="Flag of the EU" width="90" height="60"');
    expect(html).toContain('Co-funded by the &lt;EU&gt;');
    expect(html).toContain('Views are the authors’.');
  });
});
