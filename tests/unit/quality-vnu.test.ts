/** The HTML validity gate (the Nu Html Checker) finds a planted error, with its page and place. */
import { describe, expect, it } from 'vitest';
import { parseVnuReport, runVnu } from '../gates/vnu.ts';
import { page, writeSite } from '../quality/helpers/site.ts';

describe('the HTML validity gate', () => {
  it('reads the checker\'s report into page and reason', () => {
    const report = JSON.stringify({
      messages: [
        { type: 'error', url: 'file:/site/en/x/index.html', lastLine: 3, firstColumn: 5, lastColumn: 9, message: 'Stray end tag “p”.', extract: 'abc</p>def', hiliteStart: 3, hiliteLength: 4 },
        { type: 'info', url: 'file:/site/index.html', message: 'Trailing slash on void elements has no effect.' },
      ],
    });
    expect(parseVnuReport(report, '/site')).toEqual([{ page: '/en/x/', reason: 'Stray end tag “p”. (line 3, column 5): </p>' }]);
  });

  it('runs once over a folder and finds the planted errors, passing the valid page', () => {
    const dir = writeSite({
      'index.html': page(),
      'en/broken/index.html': page({ body: '<main><p>One <div>block in a paragraph</div></p><img src="a.png"><a href="/" href="/">twice</a></main>' }),
      'notes.txt': 'not HTML',
    });
    const failures = runVnu(dir);
    expect(failures.every((f) => f.page === '/en/broken/')).toBe(true);
    const reasons = failures.map((f) => f.reason).join('\n');
    expect(reasons).toContain('No “p” element in scope but a “p” end tag seen.');
    expect(reasons).toContain('An “img” element must have an “alt” attribute');
    expect(reasons).toContain('Duplicate attribute “href”.');
  }, 60_000);
});
