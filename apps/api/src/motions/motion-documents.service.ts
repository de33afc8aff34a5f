import { Injectable } from '@nestjs/common';
import { InvalidInput, NotFound, Principal, renderBookletText } from '@agm/domain';
import type { DocumentFormat, MotionDocument } from '@agm/contracts';
import { MotionRepository, MotionRow } from '@agm/persistence/motions';
import { assertCan } from '../auth/access-control';
import { Transactions } from '../events/transactions';
import { bookletDocument, DocumentContext, DocumentModel, finalAgenda, noticeOfMotions, renderCsv, renderHtml, renderText, socReport } from './motion-documents';
import { renderPdf } from './motion-pdf';
import { carriedBooklet } from './carried-booklet';

export interface RenderedDocument {
  contentType: string;
  filename: string;
  body: string | Buffer;
}

const CONTENT_TYPES: Record<DocumentFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** Renders the motions documents from what is stored, as HTML, PDF, plain text and (where tabular) CSV. */
@Injectable()
export class MotionDocuments {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  async render(principal: Principal, conferenceId: string, document: MotionDocument, format: DocumentFormat): Promise<RenderedDocument> {
    assertCan(principal, 'conference.view', { conferenceId });
    const manager = this.transactions.manager;
    const conference = await this.motions.conferenceSettings(manager, conferenceId);
    if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
    const all = await this.motions.list(manager, conferenceId);
    const sections = await this.motions.sections(manager, conferenceId);
    const bodies = await this.motions.bodiesByIds(manager, [...new Set(all.flatMap((m) => m.submitterBodyIds))]);
    const ctx: DocumentContext = {
      conferenceName: conference.name,
      sectionName: (id) => sections.find((s) => s.id === id)?.name ?? 'NO SECTION YET',
      bodyNames: (ids) => ids.map((id) => bodies.find((b) => b.id === id)?.name ?? id),
      amendmentsOf: (id) => all.filter((m) => m.parentMotionId === id),
    };
    const filename = `${document}.${format}`;
    if (format === 'csv') return { contentType: CONTENT_TYPES.csv, filename, body: this.csv(document, all, ctx) };

    let model: DocumentModel;
    if (document === 'notice-of-motions') model = noticeOfMotions(all, ctx);
    else if (document === 'agenda') model = finalAgenda(all, ctx);
    else if (document === 'soc-report') model = socReport(all, ctx);
    else {
      const booklet = carriedBooklet(all, sections, conference, ctx.bodyNames);
      // The booklet's plain text is the domain's own layout, the one the 2025 booklet is printed in.
      if (format === 'txt') return { contentType: CONTENT_TYPES.txt, filename, body: renderBookletText(booklet) };
      model = bookletDocument(booklet);
    }

    if (format === 'pdf') return { contentType: CONTENT_TYPES.pdf, filename, body: await renderPdf(model) };
    if (format === 'txt') return { contentType: CONTENT_TYPES.txt, filename, body: renderText(model) };
    return { contentType: CONTENT_TYPES.html, filename, body: renderHtml(model) };
  }

  private csv(document: MotionDocument, all: MotionRow[], ctx: DocumentContext): string {
    if (document === 'agenda') {
      const placed = all.filter((m) => m.agendaLabel !== null).sort((a, b) => (a.agendaPosition ?? 0) - (b.agendaPosition ?? 0));
      return renderCsv(['number', 'section', 'title', 'submitted_by', 'status'], placed.map((m) => [m.agendaLabel, ctx.sectionName(m.sectionId), m.title, ctx.bodyNames(m.submitterBodyIds).join('; '), m.status]));
    }
    if (document === 'soc-report' || document === 'notice-of-motions') {
      const rows = all.filter((m) => m.status !== 'draft');
      return renderCsv(
        ['kind', 'title', 'section', 'submitted_by', 'status', 'reason', 'words', 'over_word_limit', 'submitted_at'],
        rows.map((m) => [m.kind, m.title, ctx.sectionName(m.sectionId), ctx.bodyNames(m.submitterBodyIds).join('; '), m.status, m.statusReason, m.wordCount, m.overWordLimit ? 'yes' : 'no', m.submittedAt?.toISOString() ?? null]),
      );
    }
    throw new InvalidInput('The resolutions booklet is not tabular; ask for html, pdf or txt.');
  }
}
