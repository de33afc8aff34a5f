import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * Every PDF this system prints (booklets, minutes, the monitoring report, the register's reports and plans)
 * uses the DejaVu fonts shipped with the project (npm package `dejavu-fonts-ttf`), embedded in the file.
 * pdfkit's built-in Helvetica and Times cover only WinAnsi (Latin-1): "Siân" survived but "Ŵ", "Ł" and
 * "ő" came out as "?". DejaVu covers Latin, Greek, Cyrillic and more; pdfkit embeds only the glyphs used.
 */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The names the renderers ask for: a sans family for headings and notes, a serif for running text. */
export const PdfFont = {
  regular: 'DejaVuSans',
  bold: 'DejaVuSans-Bold',
  italic: 'DejaVuSans-Oblique',
  serif: 'DejaVuSerif',
} as const;

let fontFiles: Array<[string, Buffer]> | undefined;
/** Read once, on the first PDF: the four files are about 2 MB together. */
function fonts(): Array<[string, Buffer]> {
  fontFiles ??= Object.values(PdfFont).map((name) => [name, readFileSync(join(FONT_DIR, `${name}.ttf`))]);
  return fontFiles;
}

/** A pdfkit document with the project's fonts registered and the regular one selected. */
export function newPdfDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const pdf = new PDFDocument(options);
  for (const [name, data] of fonts()) pdf.registerFont(name, data);
  pdf.font(PdfFont.regular);
  return pdf;
}

/** Text as it goes into a PDF: control characters other than line breaks and tabs would draw as boxes. */
export function pdfText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

/** Collects a pdfkit document's bytes once it is ended. */
export function pdfBytes(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}
