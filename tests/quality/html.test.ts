/**
 * HTML validity: every page of the demo site passes the Nu Html Checker
 * (vnu-jar with the machine's Java), errors only, in one batch run.
 *
 * One error is expected and let through: a newsletter issue's e-mail
 * version (`/<locale>/newsletter/<month>/email.html`) is a template for
 * the provider's mailer, and its unsubscribe link is the provider's merge
 * tag (`{{ UnsubscribeURL }}`, `*|UNSUB|*`), which the mailer replaces with
 * an address before sending. Only that href, on those files, is excused.
 */
import { describe, it, inject } from 'vitest';
import { runVnu } from '../gates/vnu.ts';
import { expectNoFailures } from './helpers/gate.ts';
import { newsletterProviders } from '../../packages/klaster/src/lib/newsletter-providers.ts';

const dist = inject('demoDist');
const mergeTags = Object.values(newsletterProviders).map((p) => `Bad value “${p.unsubscribe}” for attribute “href” on element “a”`);
const isMergeTag = (f: { page: string; reason: string }) => /\/newsletter\/[^/]+\/email\.html$/.test(f.page) && mergeTags.some((m) => f.reason.startsWith(m));

describe('the demo site, every page', () => {
  it('is valid HTML (Nu Html Checker, zero errors)', () => {
    const started = performance.now();
    expectNoFailures('HTML validity', runVnu(dist).filter((f) => !isMergeTag(f)), started);
  }, 10 * 60_000);
});
