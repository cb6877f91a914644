import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../packages/klaster/src/lib/escape.ts';
import { newsletterEmail, newsletterMonths } from '../../packages/klaster/src/lib/newsletter.ts';

describe('newsletter', () => {
  it('has an issue for every month with news or an introduction, newest first', () => {
    expect(newsletterMonths(['2012-01-27', '2012-01-30', '2013-03-04'], ['2012-05'])).toEqual(['2013-03', '2012-05', '2012-01']);
  });
  it('writes a self-contained e-mail with absolute links and escaped content', () => {
    const html = newsletterEmail({
      lang: 'bg', siteName: 'Klaster', title: '</title><script>alert(1)</script>', introHtml: '<p>Intro</p>',
      items: [{ title: 'A "quoted" <b>title</b>', summary: "It's <img src=x onerror=alert(1)>", date: '1 March 2022', url: 'https://x.example/bg/news/a/' }],
      webUrl: 'https://x.example/bg/newsletter/2022-03/', webLabel: 'Web', readMore: 'Read more', footer: 'Bye',
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;');
    expect(html).toContain('A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt;');
    expect(html).not.toMatch(/<link|<style|class="/);
    for (const [, href] of html.matchAll(/href="([^"]+)"/g)) expect(href).toMatch(/^https:\/\//);
    expect(html).toContain('<table role="presentation"');
  });
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
