import { newPdfDocument, pdfBytes, pdfText, PdfFont } from '../common/pdf-fonts';
import type { SpeakerReportGroup, StatCell } from '@agm/domain';
import type { PublishedReport } from './monitoring.queries';

/**
 * The report as an A4 PDF: per group, a bar chart of share of speakers against share of attendees and
 * the counts. pdfkit draws text as text, so names need no escaping; suppressed cells print "not shown".
 */
export function renderReportPdf(report: PublishedReport): Promise<Buffer> {
  const pdf = newPdfDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    info: { Title: `Speaker monitoring: ${pdfText(report.conferenceName)}` },
  });
  const bytes = pdfBytes(pdf);
  pdf
    .font(PdfFont.bold)
    .fontSize(18)
    .text(pdfText(`Speaker monitoring: ${report.conferenceName}`));
  pdf
    .moveDown(0.3)
    .font(PdfFont.regular)
    .fontSize(11)
    .text(
      pdfText(
        `Speakers by ${report.questionLabel}${report.breakdownBy ? `, by ${report.breakdownBy.replace(/_/g, ' ')}` : ''}.`,
      ),
    );
  pdf
    .moveDown(0.3)
    .fontSize(9)
    .fillColor('#444')
    .text(
      `${report.speechesCounted} speeches counted${report.live ? ' so far (live view, released in batches)' : ''}. Not shown: too few to keep answers private (any figure under ${report.suppressionThreshold}, any figure that could be worked out from others by subtraction, and any share of 0% or 100%). Bars: dark, share of speakers; light, share of registered attendees.`,
    )
    .fillColor('black');
  for (const group of [report.overall, ...report.groups]) drawGroup(pdf, report, group);
  pdf.end();
  return bytes;
}

function drawGroup(pdf: PDFKit.PDFDocument, report: PublishedReport, group: SpeakerReportGroup): void {
  const needed = 40 + group.categories.length * 30;
  if (pdf.y + needed > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
  const title =
    group.dimension === 'all'
      ? 'All speeches'
      : `${group.dimension.replace(/_/g, ' ')}: ${group.key === null ? 'none' : (report.groupLabels[group.key] ?? group.key)}`;
  pdf.moveDown(1).font(PdfFont.bold).fontSize(12).text(pdfText(title));
  pdf.moveDown(0.3).font(PdfFont.regular).fontSize(9);
  const left = pdf.page.margins.left;
  const labelWidth = 150;
  const barWidth = 200;
  for (const row of group.categories) {
    const y = pdf.y;
    pdf.fillColor('black').text(pdfText(row.label), left, y + 2, { width: labelWidth - 6 });
    drawBar(pdf, row.speakerShare, left + labelWidth, y, barWidth, '#1f4e79');
    drawBar(pdf, row.attendeeShare, left + labelWidth, y + 11, barWidth, '#9dc3e6');
    const figures = `speakers ${num(row.speakers)}, speeches ${num(row.speeches)}, attendees ${num(row.attendees)}, ratio ${row.representationRatio.flag === 'shown' ? row.representationRatio.value.toFixed(2) : 'not shown'}`;
    const figuresX = left + labelWidth + barWidth + 45;
    const figuresWidth = pdf.page.width - pdf.page.margins.right - figuresX;
    pdf.fillColor('black').text(figures, figuresX, y + 2, { width: figuresWidth });
    // A row is as tall as its tallest text, so wrapped figures never run into the next row.
    const height = Math.max(
      28,
      pdf.heightOfString(figures, { width: figuresWidth }) + 8,
      pdf.heightOfString(pdfText(row.label), { width: labelWidth - 6 }) + 8,
    );
    pdf.x = left;
    pdf.y = y + height;
  }
  pdf
    .fillColor('black')
    .text(
      `All answers: speakers ${num(group.total.speakers)}, speeches ${num(group.total.speeches)}, attendees ${num(group.total.attendees)}`,
      left,
      pdf.y,
    );
}

function drawBar(
  pdf: PDFKit.PDFDocument,
  cell: StatCell,
  x: number,
  y: number,
  width: number,
  colour: string,
): void {
  if (cell.flag === 'suppressed') {
    pdf.fillColor('#777').text('not shown', x, y, { width: 100 });
    return;
  }
  pdf.rect(x, y, Math.max(0.5, cell.value * width), 9).fill(colour);
  pdf
    .fillColor('black')
    .text(`${(cell.value * 100).toFixed(1)}%`, x + cell.value * width + 3, y, { width: 40 });
}

function num(c: StatCell): string {
  return c.flag === 'suppressed' ? 'not shown' : String(c.value);
}
