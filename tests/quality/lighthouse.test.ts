/**
 * Lighthouse (mobile settings) on the demo site's home, catalogue, a
 * product and a project page, served with the site's own security headers:
 * the four category scores of each go into a report file (printed), and a
 * score under 95 fails. Also: a planted bad page fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { headersFile } from '../../packages/klaster/src/integrations/headers.ts';
import { CATEGORIES, formatScores, pageScores, scoreFailures, type LighthouseResult, type PageScores } from '../gates/lighthouse.ts';
import { defaultLocale } from '../../packages/klaster/src/lib/locales.ts';
import { CHROMIUM, FLAGS, serve } from '../helpers/browser.ts';
import { tempDir } from '../helpers/build.ts';
import { headersOfDist, templatePages } from './helpers/browser-gates.ts';
import { expectNoFailures, REPORT_DIR, writeReport } from './helpers/gate.ts';
import { page as htmlPage, writeSite } from './helpers/site.ts';

const MIN = 95;
const dist = inject('demoDist');
let chrome: ChildProcess;
let port: number;
let profile: string;

/** Chromium with a DevTools port for Lighthouse (which drives it over that port). */
async function startChromium(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The Lighthouse test needs Chromium at ${CHROMIUM}. Install Debian's package: sudo apt-get install chromium (or set CHROMIUM_PATH).`);
  }
  process.env.CHROME_PATH = CHROMIUM;
  profile = tempDir('lighthouse-profile');
  chrome = spawn(CHROMIUM, ['--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, ...FLAGS, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools port:\n${seen}`)), 30_000);
    chrome.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    chrome.on('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${seen}`)));
  });
}

async function audit(url: string, onlyCategories: string[] = [...CATEGORIES]): Promise<LighthouseResult> {
  // Lighthouse's default settings are mobile: a Moto G class screen, simulated slow 4G and CPU throttling.
  const result = await lighthouse(url, { port, output: 'json', logLevel: (process.env.LH_LOG as 'info') || 'error', onlyCategories });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  return result.lhr as unknown as LighthouseResult;
}

beforeAll(async () => {
  await startChromium();
}, 60_000);
afterAll(async () => {
  if (chrome && chrome.exitCode === null) {
    const exited = new Promise((resolve) => chrome.once('exit', resolve));
    chrome.kill();
    await exited;
  }
  if (profile) rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
});

describe('Lighthouse on the demo site', () => {
  it(`scores at least ${MIN} in every category on home, catalogue, a product and a project`, async () => {
    const started = performance.now();
    const server = await serve(dist, '/', headersOfDist(dist));
    const templates = templatePages(dist, [defaultLocale]);
    const pick = (template: string) => templates.find((p) => p.template === template)!.path;
    const paths = [`/${defaultLocale}/`, `/${defaultLocale}/catalogue/`, pick('/:locale/products/:id/'), pick('/:locale/projects/:id/')];
    const results: PageScores[] = [];
    mkdirSync(REPORT_DIR, { recursive: true });
    try {
      for (const path of paths) {
        const lhr = await audit(`${server.url}${path.slice(1)}`);
        writeFileSync(join(REPORT_DIR, `lighthouse${path.replace(/\W+/g, '-').replace(/-$/, '')}.json`), JSON.stringify(lhr));
        results.push(pageScores(path, lhr));
      }
    } finally {
      await server.close();
    }
    const report = `${formatScores(results, MIN)}\n\n(${((performance.now() - started) / 1000).toFixed(0)} s; full reports beside this file)`;
    const file = writeReport('lighthouse', report);
    console.log(`${report}\nReport: ${file}`);
    expectNoFailures('Lighthouse scores', scoreFailures(results, MIN));
  }, 5 * 60_000);
});

describe('the Lighthouse gate catches a planted fault', () => {
  it('fails a page with no description, an image without alt and a link with no text', async () => {
    const html = htmlPage({ body: '<main><h1>Planted</h1><img src="/a.png" width="10" height="10"><a href="/"></a></main>' }).replace(/<meta name="description"[^>]*>/, '');
    const dir = writeSite({ _headers: headersFile(), 'index.html': html, 'a.png': Buffer.from('89504e470d0a1a0a', 'hex') });
    const server = await serve(dir, '/', headersOfDist(dir));
    try {
      const scores = pageScores('/', await audit(server.url, ['accessibility', 'seo']));
      const failures = scoreFailures([scores], MIN).map((f) => f.reason);
      expect(failures.find((r) => r.startsWith('accessibility'))).toMatch(/image-alt/);
      expect(failures.find((r) => r.startsWith('seo'))).toMatch(/meta-description/);
    } finally {
      await server.close();
    }
  }, 2 * 60_000);
});
