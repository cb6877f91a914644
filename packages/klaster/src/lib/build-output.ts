/**
 * Astro's output as `klaster build` shows it: an error in the content (a
 * text whose MDX does not parse, an image Astro cannot read) is shown with
 * its message, its hint and the file and line it names, without the stack
 * trace of Astro's own code that follows (which an editor cannot act on).
 * An error that names no content file keeps its stack trace: that is a bug
 * to report, and the trace is what a developer needs.
 *
 * The content check catches what it can before Astro starts (broken images
 * included); this is for what only Astro finds.
 */

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
/** The lines of an error kept to look for a content file: its headline, hint and location. */
const BLOCK = 40;

/**
 * A filter for the lines of one stream of Astro's output: false for the lines
 * of a stack trace of an error that names a file under one of `contentRoots`.
 */
export function contentStackTraceFilter(contentRoots: readonly string[]): (line: string) => boolean {
  const roots = [...new Set(contentRoots)].filter(Boolean);
  let block: string[] = [];
  let skipping = false;
  return (line) => {
    const plain = line.replace(ANSI, '');
    if (skipping) {
      if (/^\s+at\s/.test(plain) || /^\s+\.\.\.(?:\s|$)/.test(plain)) return false;
      skipping = false;
    }
    if (/^\s*Stack trace:\s*$/.test(plain) && block.some((l) => roots.some((root) => l.includes(root)))) {
      skipping = true;
      block = [];
      return false;
    }
    // An error's headline starts at the margin; its hint, location and trace are indented.
    if (plain.trim() && !/^\s/.test(plain)) block = [plain];
    else if (block.length < BLOCK) block.push(plain);
    return true;
  };
}
