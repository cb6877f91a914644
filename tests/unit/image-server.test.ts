/**
 * The image-service mode (site.yaml `images:`): the addresses of each image
 * server (ipx, imgproxy, Netlify Image CDN, Cloudflare) for the plan's
 * widths and formats, paths with spaces and non-Latin letters escaped once
 * per level, imgproxy's signature, the configuration's messages, the
 * Content-Security-Policy widened for the image server's origin only, and
 * the build summary.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cloudflareUrl,
  encodePath,
  imageServerConfig,
  imageServerOrigin,
  imageServerUrl,
  imgproxyKeyId,
  imgproxyKeys,
  imgproxySignature,
  imgproxyUrl,
  ipxUrl,
  netlifyUrl,
  type ImageServerConfig,
} from '../../packages/klaster/src/lib/image-server.ts';
import { loadSiteConfig } from '../../packages/klaster/src/lib/site/load.ts';
import { imageServerProblems } from '../../packages/klaster/src/lib/site/image-server-check.ts';
import { contentSecurityPolicyFor, headersFile } from '../../packages/klaster/src/integrations/headers.ts';
import { missingOriginals, originalsProblems } from '../../packages/klaster/src/astro-internals/image-server-originals.ts';
import { nginxConfig } from '../../packages/klaster/src/lib/nginx.ts';
import { BuildLogReader, formatSummary } from '../../packages/klaster/src/lib/build-log.ts';
import { parseCsp } from '../gates/hosting.ts';
import { tempDir } from '../helpers/build.ts';

const config = (service: ImageServerConfig['service'], more: Partial<ImageServerConfig> = {}): ImageServerConfig => ({
  service,
  url: '',
  origin: '',
  base: '/',
  ...more,
});
const SPACED = '/_astro/side view.p-NZWbXb.jpg';
const CYRILLIC = '/_astro/деталь 2.oW42uutK.jpg';

describe('the addresses of each image server', () => {
  it('ipx: modifiers then the path in the built folder, without the base path', () => {
    const ipx = config('ipx', { url: 'http://127.0.0.1:3000' });
    expect(ipxUrl(ipx, { src: '/_astro/front.z7HF177p.png', width: 960, format: 'avif' })).toBe('http://127.0.0.1:3000/w_960&f_avif/_astro/front.z7HF177p.png');
    expect(ipxUrl(ipx, { src: SPACED, width: 480, format: 'webp' })).toBe('http://127.0.0.1:3000/w_480&f_webp/_astro/side%20view.p-NZWbXb.jpg');
    expect(ipxUrl(ipx, { src: CYRILLIC, width: 1600, format: 'jpg' })).toBe(
      'http://127.0.0.1:3000/w_1600&f_jpeg/_astro/%D0%B4%D0%B5%D1%82%D0%B0%D0%BB%D1%8C%202.oW42uutK.jpg',
    );
    // The site under a base path: ipx serves the built folder, which has no base.
    expect(ipxUrl({ ...ipx, base: '/catalogue/' }, { src: '/catalogue/_astro/a.jpg', width: 480, format: 'webp' })).toBe(
      'http://127.0.0.1:3000/w_480&f_webp/_astro/a.jpg',
    );
    // With an origin, ipx fetches the original by its address (HTTP storage).
    expect(ipxUrl({ ...ipx, origin: 'https://www.example.org' }, { src: SPACED, width: 480, format: 'webp' })).toBe(
      'http://127.0.0.1:3000/w_480&f_webp/https://www.example.org/_astro/side%20view.p-NZWbXb.jpg',
    );
  });

  it('imgproxy: width option, the base64 of the absolute source with the format as extension, insecure or signed', () => {
    const imgproxy = config('imgproxy', { url: 'https://imgproxy.example.org', origin: 'https://www.example.org' });
    const unsigned = imgproxyUrl(imgproxy, { src: SPACED, width: 960, format: 'avif' });
    const [, signature, width, encoded] = /^https:\/\/imgproxy\.example\.org\/([^/]+)\/([^/]+)\/([^/.]+)\.avif$/.exec(unsigned)!;
    expect(signature).toBe('insecure');
    expect(width).toBe('w:960');
    expect(Buffer.from(encoded!, 'base64url').toString()).toBe('https://www.example.org/_astro/side%20view.p-NZWbXb.jpg');
    expect(Buffer.from(/\/([^/.]+)\.jpg$/.exec(imgproxyUrl(imgproxy, { src: CYRILLIC, width: 480, format: 'jpeg' }))![1]!, 'base64url').toString()).toBe(
      'https://www.example.org/_astro/%D0%B4%D0%B5%D1%82%D0%B0%D0%BB%D1%8C%202.oW42uutK.jpg',
    );
    const keys = { key: '736563726574', salt: '68656C6C6F' };
    const signed = imgproxyUrl(imgproxy, { src: SPACED, width: 960, format: 'avif' }, keys);
    const path = signed.slice('https://imgproxy.example.org/'.length).replace(/^[^/]+/, '');
    expect(signed).toBe(`https://imgproxy.example.org/${imgproxySignature(path, keys)}${path}`);
    expect(path).toBe(unsigned.slice('https://imgproxy.example.org/insecure'.length));
    expect(() => imgproxyUrl({ ...imgproxy, origin: '' }, { src: SPACED, width: 960, format: 'avif' })).toThrow(/images\.origin/);
  });

  it("imgproxy's signature is the one its documentation shows", () => {
    // docs.imgproxy.net, Signing a URL: key "secret", salt "hello" (hex-encoded).
    const path = '/rs:fill:300:400:0/g:sm/aHR0cDovL2V4YW1w/bGUuY29tL2ltYWdl/cy9jdXJpb3NpdHku/anBn.png';
    expect(imgproxySignature(path, { key: '736563726574', salt: '68656C6C6F' })).toBe('oKfUtW34Dvo2BGQehJFR4Nr0_rIjOtdtzJ3QFsUcXH8');
  });

  it('netlify: /.netlify/images with the source address as the url parameter', () => {
    const netlify = config('netlify');
    expect(netlifyUrl(netlify, { src: '/_astro/a.jpg', width: 960, format: 'avif' })).toBe('/.netlify/images?url=%2F_astro%2Fa.jpg&w=960&fm=avif');
    expect(netlifyUrl(netlify, { src: SPACED, width: 480, format: 'jpeg' })).toBe('/.netlify/images?url=%2F_astro%2Fside%2520view.p-NZWbXb.jpg&w=480&fm=jpg');
    const url = new URL(netlifyUrl(netlify, { src: CYRILLIC, width: 1600, format: 'webp' }), 'https://x.netlify.app');
    expect(decodeURI(url.searchParams.get('url')!)).toBe(CYRILLIC);
    expect([url.searchParams.get('w'), url.searchParams.get('fm')]).toEqual(['1600', 'webp']);
  });

  it('cloudflare: /cdn-cgi/image/ with comma-separated options, then the path as the site serves it', () => {
    const cloudflare = config('cloudflare');
    expect(cloudflareUrl(cloudflare, { src: '/_astro/a.jpg', width: 960, format: 'avif' })).toBe('/cdn-cgi/image/width=960,format=avif/_astro/a.jpg');
    expect(cloudflareUrl(cloudflare, { src: SPACED, width: 480, format: 'jpg' })).toBe('/cdn-cgi/image/width=480,format=jpeg/_astro/side%20view.p-NZWbXb.jpg');
    expect(
      cloudflareUrl({ ...cloudflare, url: 'https://images.example.org', origin: 'https://www.example.org' }, { src: CYRILLIC, width: 1600, format: 'webp' }),
    ).toBe(
      'https://images.example.org/cdn-cgi/image/width=1600,format=webp/https://www.example.org/_astro/%D0%B4%D0%B5%D1%82%D0%B0%D0%BB%D1%8C%202.oW42uutK.jpg',
    );
  });

  it('every server: one address per width and format, a width rounded, and no path escaped twice', () => {
    for (const service of ['ipx', 'imgproxy', 'netlify', 'cloudflare'] as const) {
      const c = config(service, {
        url: service === 'ipx' || service === 'imgproxy' ? 'https://img.example.org' : '',
        origin: service === 'imgproxy' ? 'https://www.example.org' : '',
      });
      const urls = new Set([480, 960, 1600].flatMap((width) => ['avif', 'webp'].map((format) => imageServerUrl(c, { src: SPACED, width, format }))));
      expect(urls.size, service).toBe(6);
      expect(imageServerUrl(c, { src: SPACED, width: 959.6, format: 'webp' })).toBe(imageServerUrl(c, { src: SPACED, width: 960, format: 'webp' }));
      // An address already escaped is the same file.
      expect(imageServerUrl(c, { src: encodePath(SPACED), width: 960, format: 'webp' })).toBe(imageServerUrl(c, { src: SPACED, width: 960, format: 'webp' }));
      expect(() => imageServerUrl(c, { src: SPACED, width: 0, format: 'webp' })).toThrow(/positive width/);
    }
    expect(encodePath('/_astro/100% wool.jpg')).toBe('/_astro/100%25%20wool.jpg');
  });
});

describe('imgproxy keys from the environment', () => {
  it('signs only with both, hex-encoded, and says which is missing', () => {
    expect(imgproxyKeys({})).toBeUndefined();
    expect(imgproxyKeys({ KLASTER_IMGPROXY_KEY: 'ab12', KLASTER_IMGPROXY_SALT: 'cd34' })).toEqual({ key: 'ab12', salt: 'cd34' });
    expect(imgproxyKeys({ KLASTER_IMGPROXY_KEY: 'ab12' })).toMatch(/only KLASTER_IMGPROXY_KEY is set; set KLASTER_IMGPROXY_SALT too/);
    expect(imgproxyKeys({ KLASTER_IMGPROXY_KEY: 'ab12', KLASTER_IMGPROXY_SALT: 'not hex' })).toMatch(/KLASTER_IMGPROXY_SALT is not hex-encoded/);
    // New keys change the build's image configuration (and so Astro's incremental build), without the key in it.
    const id = imgproxyKeyId({ key: 'ab12', salt: 'cd34' });
    expect(id).not.toBe(imgproxyKeyId({ key: 'ab12', salt: 'cd35' }));
    expect(id).not.toBe(imgproxyKeyId(undefined));
    expect(id).not.toMatch(/ab12|cd34/);
  });
});

function load(yaml: string) {
  const dir = tempDir('image-server-config');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'site.yaml'), `name: X\n${yaml}`);
  return loadSiteConfig(join(dir, 'site.yaml'));
}
/** The problems `klaster check` reports for a site.yaml (the environment's imgproxy keys are not set in the tests). */
const messages = (yaml: string): string[] => load(yaml).problems.map((p) => `${p.field ?? ''}: ${p.message}`);

describe('site.yaml images', () => {
  it('accepts each service with what it needs', () => {
    expect(messages('images: { service: build }\n')).toEqual([]);
    expect(messages('images: { service: ipx, url: "http://127.0.0.1:3000" }\n')).toEqual([]);
    expect(messages('url: https://www.example.org\nimages: { service: imgproxy, url: "https://imgproxy.example.org" }\n')).toEqual([]);
    expect(messages('images: { service: netlify }\n')).toEqual([]);
    expect(messages('images: { service: cloudflare, url: "https://images.example.org", origin: "https://www.example.org" }\n')).toEqual([]);
  });

  it('names the key, what was found and the fix', () => {
    expect(messages('images: { service: thumbor }\n')).toEqual(['images.service: found "thumbor"; use one of build, ipx, imgproxy, netlify, cloudflare']);
    expect(messages('images: { service: ipx }\n')).toEqual([
      'images.url: service: ipx needs the address of your ipx server; add url: such as http://127.0.0.1:3000 or https://images.example.org',
    ]);
    expect(messages('images: { service: ipx, url: "ftp://x.example" }\n')[0]).toMatch(
      /^images\.url: found "ftp:\/\/x\.example"; expected the image server's address, starting with https:\/\//,
    );
    expect(messages('images: { service: ipx, url: "https://x.example/?a=1" }\n')).toEqual([
      'images.url: found "https://x.example/?a=1"; expected the image server\'s address without a ? query or # fragment',
    ]);
    expect(messages('images: { service: build, url: "https://x.example" }\n')).toEqual([
      'images.url: found "https://x.example", but service: build makes the images at build time and uses no image server; remove url: or choose an image server as service:',
    ]);
    expect(messages('images: { service: imgproxy, url: "https://imgproxy.example.org" }\n')).toEqual([
      "images.origin: imgproxy fetches each original by its full address, but neither images.origin nor the site's url: is set; add url: (the site's public address) or images.origin:",
    ]);
    const imgproxy = load('url: https://www.example.org\nimages: { service: imgproxy, url: "https://imgproxy.example.org" }\n');
    expect(imgproxy.problems).toEqual([]);
    expect(imageServerProblems(imgproxy.config!, imgproxy.file, { KLASTER_IMGPROXY_SALT: 'ab' }).map((p) => `${p.field}: ${p.message}`)[0]).toMatch(
      /^images\.service: imgproxy signs with a key and a salt together, but only KLASTER_IMGPROXY_SALT is set/,
    );
    expect(messages('images: { service: ipx, url: "https://x.example", key: abc }\n')[0]).toMatch(/^images/);
  });

  it('gives the build its server: the site itself for the CDNs, the site as imgproxy origin', () => {
    expect(imageServerConfig(undefined, { base: '/' })).toBeUndefined();
    expect(imageServerConfig({ service: 'build' }, { base: '/' })).toBeUndefined();
    expect(imageServerConfig({ service: 'netlify' }, { base: '/' })).toEqual({ service: 'netlify', url: '', origin: '', base: '/' });
    expect(
      imageServerConfig({ service: 'imgproxy', url: 'https://imgproxy.example.org/' }, { url: 'https://www.example.org/catalogue/', base: '/catalogue/' }),
    ).toEqual({
      service: 'imgproxy',
      url: 'https://imgproxy.example.org',
      origin: 'https://www.example.org',
      base: '/catalogue/',
    });
  });
});

describe('the Content-Security-Policy in the image-service mode', () => {
  const imgSrc = (policy: string) => parseCsp(policy).get('img-src');
  it("adds exactly the image server's origin to img-src, and only when it is another host", () => {
    expect(imgSrc(contentSecurityPolicyFor())).toEqual(["'self'", 'data:']);
    const origin = imageServerOrigin(imageServerConfig({ service: 'ipx', url: 'http://127.0.0.1:3999/ipx' }, { base: '/' }));
    expect(origin).toBe('http://127.0.0.1:3999');
    expect(imgSrc(contentSecurityPolicyFor(undefined, origin))).toEqual(["'self'", 'data:', 'http://127.0.0.1:3999']);
    // The other directives do not change.
    const without = parseCsp(contentSecurityPolicyFor('https://lists.example.org'));
    const withImages = parseCsp(contentSecurityPolicyFor('https://lists.example.org', origin));
    withImages.delete('img-src');
    without.delete('img-src');
    expect(withImages).toEqual(without);
    expect(imageServerOrigin(imageServerConfig({ service: 'netlify' }, { base: '/' }))).toBeUndefined();
    expect(imageServerOrigin(imageServerConfig({ service: 'build' }, { base: '/' }))).toBeUndefined();
  });

  it('in _headers and in klaster nginx', () => {
    const origin = 'https://images.example.org';
    const headers = headersFile({ locales: ['en'], imageOrigin: origin });
    expect(imgSrc(/Content-Security-Policy: (.*)/.exec(headers)![1]!)).toEqual(["'self'", 'data:', origin]);
    expect(imgSrc(/Content-Security-Policy: (.*)/.exec(headersFile({ locales: ['en'] }))![1]!)).toEqual(["'self'", 'data:']);
    const nginx = nginxConfig({ root: '/srv/site', base: '/', locales: ['en'], imageOrigin: origin });
    expect(imgSrc(/add_header Content-Security-Policy "([^"]*)"/.exec(nginx)![1]!)).toEqual(["'self'", 'data:', origin]);
  });
});

describe('the build in the image-service mode', () => {
  it('says in its summary that it processed no image', () => {
    const log = new BuildLogReader();
    log.push(
      '12:00:00 [klaster-image-server] Image-service mode (ipx): no image files made at build time; 3 originals in the site for the server to transform on request\n',
    );
    log.end();
    const summary = formatSummary({ ...log, searchReused: [], searchMade: ['en'], seconds: { check: 1, astro: 2, search: 3, total: 6 } });
    expect(summary).toContain('processed images: none (images.service: ipx; the image server makes them on request)');
    const plain = formatSummary({ ...new BuildLogReader(), searchReused: [], searchMade: [], seconds: { check: 1, astro: 2, search: 3, total: 6 } });
    expect(plain).toContain('processed images: 0 reused from the cache, 0 made');
  });

  it('finds originals the pages name that the site lacks', () => {
    const dir = tempDir('image-server-originals');
    mkdirSync(join(dir, '_astro'), { recursive: true });
    writeFileSync(join(dir, '_astro', 'side view.abc.jpg'), 'x');
    expect(missingOriginals(['/sub/_astro/side view.abc.jpg', '/sub/_astro/side%20view.abc.jpg', '/sub/_astro/gone.jpg'], dir, '/sub/')).toEqual([
      '/sub/_astro/gone.jpg',
    ]);
    expect(originalsProblems(new Set(['/sub/_astro/side view.abc.jpg']), dir, '/sub/', 3)).toEqual([]);
    expect(originalsProblems(new Set(['/sub/_astro/gone.jpg']), dir, '/sub/', 3)[0]).toMatch(
      /^The pages point the image server to 1 original image\(s\) the site does not contain, for example \/sub\/_astro\/gone\.jpg/,
    );
    // No address seen while the content has images: Astro rendered elsewhere, and nothing was checked.
    expect(originalsProblems(new Set(), dir, '/sub/', 3)[0]).toMatch(/^The content names 3 images, but no image server address was seen/);
    expect(originalsProblems(new Set(), dir, '/sub/', 0)).toEqual([]);
  });
});
