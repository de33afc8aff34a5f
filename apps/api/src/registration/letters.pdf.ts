import { accessCodeMessage, type AccessCodeNotice } from '@agm/domain';
import { newPdfDocument, pdfBytes, pdfText, PdfFont } from '../common/pdf-fonts';

/**
 * One A4 letter per member, for members the email cannot reach: the same words as the email (one source,
 * `accessCodeMessage`), the code large and spaced, addressed by name so it can go in a window envelope.
 */
export function renderLettersPdf(notices: AccessCodeNotice[], heading: string): Promise<Buffer> {
  const pdf = newPdfDocument({
    size: 'A4',
    margins: { top: 70, bottom: 60, left: 70, right: 70 },
    info: { Title: pdfText(heading) },
    autoFirstPage: false,
  });
  const bytes = pdfBytes(pdf);
  for (const notice of notices) {
    pdf.addPage();
    const { subject, lines } = accessCodeMessage(notice);
    pdf.font(PdfFont.bold).fontSize(12).text(pdfText(notice.memberName));
    pdf.font(PdfFont.regular).fontSize(10).text(pdfText(`Membership number ${notice.membershipNumber}`));
    pdf.moveDown(2).font(PdfFont.bold).fontSize(16).text(pdfText(subject));
    pdf.moveDown(1).font(PdfFont.serif).fontSize(11);
    for (const line of lines) {
      if (line.startsWith('Access code: ')) {
        pdf.moveDown(0.3).font(PdfFont.bold).fontSize(18).text(pdfText(line)).font(PdfFont.serif).fontSize(11).moveDown(0.3);
      } else {
        pdf.text(pdfText(line || ' '));
      }
    }
  }
  if (notices.length === 0) pdf.addPage().fontSize(12).text('No letters are due: every code has reached its member.');
  pdf.end();
  return bytes;
}
