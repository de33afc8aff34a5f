import { newPdfDocument, pdfBytes, pdfText, PdfFont } from '../common/pdf-fonts';
import type { DocumentModel } from './motion-documents';

/**
 * Renders a document model as an A4 PDF in the project's embedded Unicode fonts (pdf-fonts.ts), so every
 * name prints as written. pdfkit draws text as text (never markup), so user text needs no escaping here.
 */
export function renderPdf(doc: DocumentModel): Promise<Buffer> {
  const pdf = newPdfDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 62, right: 62 }, info: { Title: `${doc.title}${doc.subtitle ? ` – ${doc.subtitle}` : ''}` } });
  const bytes = pdfBytes(pdf);
  pdf.font(PdfFont.bold).fontSize(20).text(pdfText(doc.title), { align: 'center' });
  if (doc.subtitle) pdf.moveDown(0.3).font(PdfFont.regular).fontSize(13).text(pdfText(doc.subtitle), { align: 'center' });
  for (const section of doc.sections) {
    pdf.moveDown(1.2).font(PdfFont.bold).fontSize(13).text(pdfText(section.heading));
    for (const item of section.items) {
      if (item.label || item.title) pdf.moveDown(0.7).font(PdfFont.bold).fontSize(11.5).text(pdfText(`${item.label ? `${item.label} ` : ''}${item.title}`));
      for (const paragraph of item.paragraphs) pdf.moveDown(0.4).font(PdfFont.serif).fontSize(11).text(pdfText(paragraph), { align: 'left' });
      for (const note of item.notes) pdf.moveDown(0.3).font(PdfFont.italic).fontSize(10).text(pdfText(note));
    }
  }
  pdf.end();
  return bytes;
}

