/**
 * HTML validity: every page of the demo site passes the Nu Html Checker
 * (vnu-jar with the machine's Java), errors only, in one batch run.
 */
import { describe, it, inject } from 'vitest';
import { runVnu } from '../gates/vnu.ts';
import { expectNoFailures } from './helpers/gate.ts';

const dist = inject('demoDist');

describe('the demo site, every page', () => {
  it('is valid HTML (Nu Html Checker, zero errors)', () => {
    const started = performance.now();
    expectNoFailures('HTML validity', runVnu(dist), started);
  }, 10 * 60_000);
});
