import PDFDocument from 'pdfkit';
import type { DocumentModel } from './motion-documents';

/**
 * Renders a document model as an A4 PDF with the standard Helvetica/Times fonts. pdfkit draws text as
 * text (never markup), so user text needs no escaping here; characters outside the standard fonts'
 * WinAnsi set are replaced rather than dropped silently.
 */
export function renderPdf(doc: DocumentModel): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 62, right: 62 }, info: { Title: `${doc.title}${doc.subtitle ? ` – ${doc.subtitle}` : ''}` } });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.font('Helvetica-Bold').fontSize(20).text(safe(doc.title), { align: 'center' });
    if (doc.subtitle) pdf.moveDown(0.3).font('Helvetica').fontSize(13).text(safe(doc.subtitle), { align: 'center' });
    for (const section of doc.sections) {
      pdf.moveDown(1.2).font('Helvetica-Bold').fontSize(13).text(safe(section.heading));
      for (const item of section.items) {
        if (item.label || item.title) pdf.moveDown(0.7).font('Helvetica-Bold').fontSize(11.5).text(safe(`${item.label ? `${item.label} ` : ''}${item.title}`));
        for (const paragraph of item.paragraphs) pdf.moveDown(0.4).font('Times-Roman').fontSize(11).text(safe(paragraph), { align: 'left' });
        for (const note of item.notes) pdf.moveDown(0.3).font('Helvetica-Oblique').fontSize(10).text(safe(note));
      }
    }
    pdf.end();
  });
}

/** The standard PDF fonts cover WinAnsi; map the usual typographic characters and replace the rest. */
function safe(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[^\n\t\x20-\x7E\xA0-\xFF]/g, '?');
}
