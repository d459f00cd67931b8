// Reads a PDF's text back for tests, through poppler's pdftotext (apt-get install poppler-utils; .ci/run
// installs it). -layout keeps table rows on one line, so a test can look for a sentence as printed.
import { execFileSync } from 'node:child_process';

export function pdfText(pdf: Buffer): string {
  try {
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('pdftotext is missing: apt-get install -y poppler-utils');
    throw error;
  }
}

/** The text with runs of whitespace made one space, so a phrase matches however the PDF wrapped it. */
export function pdfWords(pdf: Buffer): string {
  return pdfText(pdf).replace(/\s+/g, ' ').trim();
}

/** How many pages the PDF has, from pdfinfo (same package). */
export function pdfPageCount(pdf: Buffer): number {
  const info = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
  const match = /^Pages:\s+(\d+)/m.exec(info);
  if (!match) throw new Error(`pdfinfo printed no page count:\n${info}`);
  return Number(match[1]);
}
