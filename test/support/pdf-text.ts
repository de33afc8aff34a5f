import { execFileSync } from 'node:child_process';

/**
 * A PDF's text as poppler's pdftotext reads it (Debian's poppler-utils, installed by .ci/run; a missing
 * pdftotext fails the test rather than skipping it), with runs of white space made one space so a
 * sentence wrapped across lines is found whole. `layout: true` keeps the page's columns and lines instead.
 */
export function pdfText(pdf: Buffer, options: { layout?: boolean } = {}): string {
  const text = execFileSync('pdftotext', [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
  return options.layout ? text : text.replace(/\s+/g, ' ');
}
