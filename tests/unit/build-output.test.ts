/**
 * `klaster build` shows an error in the content without the stack trace of
 * Astro's code (src/lib/build-output.ts), and keeps the trace of any other.
 */
import { describe, expect, it } from 'vitest';
import { contentStackTraceFilter } from '../../packages/klaster/src/lib/build-output.ts';

const shown = (lines: string[], roots = ['/site/content']) => lines.filter(contentStackTraceFilter(roots));

describe('contentStackTraceFilter', () => {
  it('leaves out the stack trace of an error that names a content file', () => {
    const error = [
      '14:20:30 [ERROR] [vite] ✗ Build failed in 736ms',
      '5:7: Unexpected character after `<`, expected a valid JSX tag (mdx-jsx:unexpected-character)',
      '  Location:',
      '    /site/content/news/demo-news/index.bg.mdx:5:7',
      '  Stack trace:',
      '    at TransformPluginContextImpl.handler (file:///x/node_modules/@astrojs/mdx/dist/vite-plugin-mdx.js:64:17)',
      '    at async plugin.<computed> (file:///x/node_modules/rolldown/dist/shared/x.mjs:2343:12)',
      '',
      'The build failed; nothing was written.',
    ];
    expect(shown(error)).toEqual([...error.slice(0, 4), ...error.slice(7)]);
  });

  it('reads through colours', () => {
    const error = [
      '\u001b[31m[NoImageMetadata]\u001b[39m Could not process image metadata for `/site/content/products/a/front.jpg`.',
      '  \u001b[1mStack trace:\u001b[22m',
      '    \u001b[2mat imageMetadata (file:///x/metadata.js:8:11)\u001b[22m',
    ];
    expect(shown(error)).toEqual([error[0]]);
  });

  it('keeps the stack trace of an error in the code, which a developer needs', () => {
    const error = [
      '[TypeError] Cannot read properties of undefined',
      '  Location:',
      '    /x/node_modules/klaster/src/routes/a.astro:3:1',
      '  Stack trace:',
      '    at render (file:///x/a.js:1:1)',
    ];
    expect(shown(error)).toEqual(error);
  });

  it('looks at one error at a time', () => {
    const lines = ['Some message about /site/content/a/index.en.md', 'Another error', '  Stack trace:', '    at f (file:///x/a.js:1:1)'];
    expect(shown(lines)).toEqual(lines);
  });
});
