import type { PublishedCount } from '@agm/domain';
import { newPdfDocument, pdfBytes, pdfText, PdfFont } from '../../common/pdf-fonts';

/** What the sheet prints besides the count itself: whose election, when it closed (in the conference's zone). */
export interface CountSheet {
  conferenceName: string;
  postTitle: string;
  closedAtText: string;
  remoteBallots: number;
  paperBallots: number;
  count: PublishedCount;
}

const MARGIN = 36;
const NAME_WIDTH = 150;
const STAGE_WIDTH = 74;
const ROW_HEIGHT = 30;

/**
 * The count as the returning officer signs and posts it: an A4 landscape sheet laid out as the Scottish
 * councils' stage-by-stage result sheets, candidates down the side and one column per stage (the votes
 * at the end of the stage, and under them what the stage gave or took). A count with more stages than fit
 * across the page continues in further blocks, each repeating the names. Every name is printed as
 * written (the project's DejaVu fonts are embedded: docs/DECISIONS.md "Fonts in printed documents").
 */
export function renderCountSheetPdf(sheet: CountSheet): Promise<Buffer> {
  const { count } = sheet;
  const pdf = newPdfDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: pdfText(`Result of the ballot: ${sheet.postTitle}`) },
  });
  const bytes = pdfBytes(pdf);
  const width = pdf.page.width - 2 * MARGIN;

  pdf.font(PdfFont.bold).fontSize(16).text(pdfText(`Result of the ballot: ${sheet.postTitle}`));
  pdf.moveDown(0.2).font(PdfFont.regular).fontSize(10).text(pdfText(sheet.conferenceName));
  pdf.moveDown(0.4).fontSize(10);
  const seats = `${count.seats} ${count.seats === 1 ? 'seat' : 'seats'}`;
  for (const line of [
    `${count.methodText}; ${seats}. Ballot closed and counted at ${sheet.closedAtText}.`,
    `Valid ballots: ${count.validBallots} (${sheet.remoteBallots} cast remotely, ${sheet.paperBallots} hall papers).` +
      (count.invalidBallots ? ` Void ballots set aside by the count: ${count.invalidBallots}.` : ''),
    rejectedLine(count),
    ...(count.turnout ? [count.turnout.text] : []),
    count.quota === null ? 'No quota: the candidates with the most votes fill the seats.' : `Quota: ${count.quota}.`,
  ]) {
    pdf.text(pdfText(line), { width });
  }

  const perBlock = Math.max(1, Math.floor((width - NAME_WIDTH) / STAGE_WIDTH));
  for (let from = 0; from < count.stages.length; from += perBlock) {
    drawBlock(pdf, count, count.stages.slice(from, from + perBlock));
  }

  pdf.moveDown(0.8).font(PdfFont.bold).fontSize(10).text('The stages', MARGIN, pdf.y, { width });
  pdf.font(PdfFont.regular).fontSize(9);
  for (const stage of count.stages) {
    const parts = [`Stage ${stage.number}: ${stage.description}`];
    if (stage.quota !== null && count.quota !== stage.quota) parts.push(`Quota at this stage: ${stage.quota}.`);
    if (stage.number > 1) parts.push(`Non-transferable at this stage: ${stage.nonTransferableThisStage}.`);
    if (stage.electedThisStage.length) parts.push(`Elected: ${stage.electedThisStage.join(', ')}.`);
    if (stage.excludedThisStage.length) parts.push(`Excluded: ${stage.excludedThisStage.join(', ')}.`);
    ensureRoom(pdf, 14);
    pdf.text(pdfText(parts.join(' ')), MARGIN, pdf.y, { width });
  }

  ensureRoom(pdf, 40);
  pdf.moveDown(0.8).font(PdfFont.bold).fontSize(11).text(pdfText(`Elected: ${count.elected.join(', ') || 'nobody'}.`), MARGIN, pdf.y, { width });
  pdf.font(PdfFont.regular).fontSize(9);
  for (const line of [...count.draws, ...count.notes]) {
    ensureRoom(pdf, 14);
    pdf.text(pdfText(line), MARGIN, pdf.y, { width });
  }

  // The signature block: the sheet is what the returning officer signs and posts.
  ensureRoom(pdf, 90);
  pdf.moveDown(2).font(PdfFont.regular).fontSize(10);
  pdf.text('I declare that this is the result of the count.', MARGIN, pdf.y, { width });
  pdf.moveDown(1.5);
  pdf.text('Returning officer: ______________________________     Signed: ______________________________     Date and time: ____________________', MARGIN, pdf.y, { width });
  pdf.end();
  return bytes;
}

/** The statement of rejected papers, every reason with its number, as the Scottish count sheets give it. */
function rejectedLine(count: PublishedCount): string {
  const rejected = count.rejectedPapers;
  if (rejected.total === 0) return 'Rejected papers: none.';
  return `Rejected papers: ${rejected.total}, counted for no candidate (${rejected.byReason.map((r) => `${r.reasonText}: ${r.papers}`).join('; ')}).`;
}

function ensureRoom(pdf: PDFKit.PDFDocument, height: number): void {
  if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
}

/** One block of stage columns: a header row, a row per candidate, then non-transferable, rounding loss and the total. */
function drawBlock(pdf: PDFKit.PDFDocument, count: PublishedCount, stages: PublishedCount['stages']): void {
  const rows = count.stages[0]?.candidates.length ?? 0;
  ensureRoom(pdf, ROW_HEIGHT * rows + 70);
  pdf.moveDown(0.8);
  let y = pdf.y;
  const cell = (text: string, x: number, w: number, font: string, size: number, align: 'left' | 'right' = 'right', colour = 'black') =>
    pdf.font(font).fontSize(size).fillColor(colour).text(pdfText(text), x, y, { width: w - 6, align, lineBreak: false });
  const line = () => pdf.moveTo(MARGIN, y - 3).lineTo(MARGIN + NAME_WIDTH + stages.length * STAGE_WIDTH, y - 3).lineWidth(0.5).strokeColor('#888').stroke();

  cell('Candidate', MARGIN, NAME_WIDTH, PdfFont.bold, 9, 'left');
  stages.forEach((s, i) => cell(`Stage ${s.number}`, MARGIN + NAME_WIDTH + i * STAGE_WIDTH, STAGE_WIDTH, PdfFont.bold, 9));
  y += 14;
  line();
  count.stages[0]?.candidates.forEach((candidate, c) => {
    cell(candidate.name, MARGIN, NAME_WIDTH, PdfFont.regular, 9, 'left');
    stages.forEach((s, i) => {
      const x = MARGIN + NAME_WIDTH + i * STAGE_WIDTH;
      const entry = s.candidates[c];
      const electedNow = s.electedThisStage.includes(entry.name);
      const excludedNow = s.excludedThisStage.includes(entry.name);
      cell(entry.votes, x, STAGE_WIDTH, electedNow ? PdfFont.bold : PdfFont.regular, 9);
      // Under the votes, on lines of their own (a long change and a status do not fit one narrow column): the change, then elected or excluded.
      const under = [entry.change && entry.change !== '0.00000' ? signed(entry.change) : '', electedNow ? 'elected' : excludedNow ? 'excluded' : ''].filter(Boolean);
      under.forEach((line, k) =>
        pdf.font(PdfFont.regular).fontSize(7).fillColor('#444').text(pdfText(line), x, y + 10 + k * 8, { width: STAGE_WIDTH - 6, align: 'right', lineBreak: false }),
      );
    });
    y += ROW_HEIGHT;
  });
  line();
  for (const [label, value, bold] of [
    ['Non-transferable', (s: PublishedCount['stages'][number]) => s.nonTransferable, false],
    ['Rounding loss', (s: PublishedCount['stages'][number]) => s.roundingLoss, false],
    ['Quota', (s: PublishedCount['stages'][number]) => s.quota ?? '', false],
  ] as const) {
    cell(label, MARGIN, NAME_WIDTH, bold ? PdfFont.bold : PdfFont.regular, 9, 'left');
    stages.forEach((s, i) => cell(value(s), MARGIN + NAME_WIDTH + i * STAGE_WIDTH, STAGE_WIDTH, PdfFont.regular, 9));
    y += 14;
  }
  pdf.fillColor('black').strokeColor('black');
  pdf.x = MARGIN;
  pdf.y = y;
}

/** A stage's change as the sheets print it: +8.57140, -28.00000. */
function signed(change: string): string {
  return change.startsWith('-') ? change : `+${change}`;
}
