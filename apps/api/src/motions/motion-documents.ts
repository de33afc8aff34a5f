import { applyAmendment, BookletModel } from '@agm/domain';
import type { MotionRow } from '@agm/persistence/motions';

/**
 * The documents the server renders: notice of motions, final agenda, SOC report and resolutions
 * booklet. A document is first a plain model (headings, items, paragraphs) so the HTML, PDF and text
 * renderers print the same thing. Every piece of user text is escaped by the renderer, never trusted.
 */
export interface DocumentItem {
  label: string | null;
  /**
   * How the item is cited elsewhere ("Resolution 7" in the operational plan): the HTML gives it as the
   * article's anchor and name, while the printed label keeps the booklet's own "7." layout.
   */
  citation?: string;
  title: string;
  paragraphs: string[];
  /** Small print under the item: proposer, status, reason. */
  notes: string[];
}

export interface DocumentModel {
  title: string;
  subtitle: string | null;
  sections: { heading: string; items: DocumentItem[] }[];
}

export interface DocumentContext {
  conferenceName: string;
  sectionName: (sectionId: string | null) => string;
  bodyNames: (bodyIds: string[]) => string[];
  amendmentsOf: (motionId: string) => MotionRow[];
}

function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

function submitters(m: MotionRow, ctx: DocumentContext): string {
  const names = ctx.bodyNames(m.submitterBodyIds);
  return names.length > 0 ? names.join(', ') : 'Joint submission by two members';
}

function groupBySection(motions: MotionRow[], ctx: DocumentContext, items: (m: MotionRow) => DocumentItem[]): DocumentModel['sections'] {
  const sections: DocumentModel['sections'] = [];
  for (const m of motions) {
    const heading = ctx.sectionName(m.sectionId);
    let section = sections.find((s) => s.heading === heading);
    if (!section) sections.push((section = { heading, items: [] }));
    section.items.push(...items(m));
  }
  return sections;
}

function amendmentItems(m: MotionRow, ctx: DocumentContext, statuses: string[]): DocumentItem[] {
  return ctx
    .amendmentsOf(m.id)
    .filter((a) => statuses.includes(a.status))
    .map((a, i) => ({
      label: `Amendment ${i + 1}`,
      title: `to ${m.agendaLabel ?? `"${m.title}"`}`,
      paragraphs: [a.text, ...asAmended(m, a)],
      notes: [`Moved by: ${submitters(a, ctx)}`, ...(a.acceptedByMoverAt ? ['Accepted by the mover of the motion'] : [])],
    }));
}

function asAmended(m: MotionRow, a: MotionRow): string[] {
  try {
    return a.amendmentText ? [`The motion as amended would read: ${applyAmendment(m.text, a.amendmentText)}`] : [];
  } catch {
    return [];
  }
}

/** Every motion the SOC has before it or has let through, with its amendments: what bodies may amend. */
export function noticeOfMotions(motions: MotionRow[], ctx: DocumentContext): DocumentModel {
  // What was given notice of stays in the notice, whatever happened to it since; not what never reached the agenda.
  const listed = motions.filter((m) => m.kind !== 'amendment' && !['draft', 'withdrawn', 'ruled_out_of_order', 'composited'].includes(m.status));
  return {
    title: 'NOTICE OF MOTIONS',
    subtitle: ctx.conferenceName,
    sections: groupBySection(listed, ctx, (m) => [
      {
        label: m.agendaLabel ?? kindLabel(m),
        title: m.title,
        paragraphs: paragraphs(m.text),
        notes: [`Submitted by: ${submitters(m, ctx)}`, ...(m.overWordLimit ? [`Over the word limit (${m.wordCount} words): to be edited with the proposer`] : [])],
      },
      ...amendmentItems(m, ctx, ['submitted', 'admitted', 'placed']),
    ]),
  };
}

/** The order of business as published: numbered items in section order, with admitted amendments. */
export function finalAgenda(motions: MotionRow[], ctx: DocumentContext): DocumentModel {
  const placed = motions.filter((m) => m.agendaLabel !== null).sort((a, b) => (a.agendaPosition ?? 0) - (b.agendaPosition ?? 0));
  const sections: DocumentModel['sections'] = [];
  for (const m of placed) {
    const heading = m.kind === 'emergency_motion' && !m.sectionId ? 'EMERGENCY MOTIONS' : ctx.sectionName(m.sectionId);
    const last = sections[sections.length - 1];
    const section = last && last.heading === heading ? last : (sections.push({ heading, items: [] }), sections[sections.length - 1]);
    section.items.push({ label: m.agendaLabel, title: m.title, paragraphs: paragraphs(m.text), notes: [`Proposer: ${submitters(m, ctx)}`] });
    section.items.push(...amendmentItems(m, ctx, ['admitted', 'placed']));
  }
  return { title: 'FINAL AGENDA', subtitle: ctx.conferenceName, sections };
}

/** The SOC's report to the conference: what it did with every motion and amendment, with its reasons. */
export function socReport(motions: MotionRow[], ctx: DocumentContext): DocumentModel {
  const reviewed = motions.filter((m) => m.status !== 'draft');
  const groups: Array<[string, (m: MotionRow) => boolean]> = [
    ['ADMITTED TO THE AGENDA', (m) => m.kind !== 'amendment' && ['admitted', 'placed'].includes(m.status)],
    ['COMPOSITED', (m) => m.status === 'composited'],
    ['RULED OUT OF ORDER', (m) => m.status === 'ruled_out_of_order'],
    ['RETURNED FOR EDITING', (m) => m.status === 'returned_for_editing'],
    ['WITHDRAWN', (m) => m.status === 'withdrawn'],
    ['AWAITING THE SOC', (m) => m.status === 'submitted'],
    ['AMENDMENTS ADMITTED', (m) => m.kind === 'amendment' && ['admitted', 'placed'].includes(m.status)],
  ];
  const byId = new Map(motions.map((m) => [m.id, m]));
  return {
    title: 'STANDING ORDERS COMMITTEE REPORT',
    subtitle: ctx.conferenceName,
    sections: groups
      .map(([heading, test]) => ({
        heading,
        items: reviewed.filter(test).map((m) => ({
          label: m.agendaLabel ?? kindLabel(m),
          title: m.title,
          paragraphs: m.statusReason && m.status !== 'placed' ? [`Reason: ${m.statusReason}`] : [],
          notes: [
            `Submitted by: ${submitters(m, ctx)}`,
            ...(m.compositeId ? [`Composited into: ${byId.get(m.compositeId)?.title ?? m.compositeId}`] : []),
            ...(m.overWordLimit ? [`Over the word limit: ${m.wordCount} words`] : []),
          ],
        })),
      }))
      .filter((s) => s.items.length > 0),
  };
}

function kindLabel(m: MotionRow): string {
  return { motion: 'Motion', constitutional_amendment: 'Constitutional amendment', emergency_motion: 'Emergency motion', composite: 'Composite', amendment: 'Amendment' }[m.kind];
}

/** The resolutions booklet model (from the domain) as a document: "N. Title", paragraphs, "Proposer: X". */
export function bookletDocument(model: BookletModel): DocumentModel {
  return {
    title: model.title,
    subtitle: model.subtitle,
    sections: model.sections.map((s) => ({
      heading: s.heading,
      items: s.resolutions.map((r) => ({
        label: `${r.number}.`,
        citation: `Resolution ${r.number}`,
        title: r.title,
        paragraphs: paragraphs(r.text),
        notes: r.proposers.length === 0 ? [] : [r.proposers.length === 1 ? `Proposer: ${r.proposers[0]}` : `Proposers: ${r.proposers.slice(0, -1).join(', ')} and ${r.proposers[r.proposers.length - 1]}`],
      })),
    })),
  };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** A printable HTML page; every string from the model is escaped, and no script runs (CSP in the header too). */
export function renderHtml(doc: DocumentModel): string {
  const e = escapeHtml;
  const body = doc.sections
    .map(
      (s) =>
        `<section>\n<h2>${e(s.heading)}</h2>\n` +
        s.items
          .map(
            (item) =>
              `<article${item.citation ? ` id="${e(item.citation.toLowerCase().replace(/\s+/g, '-'))}" data-citation="${e(item.citation)}" aria-label="${e(`${item.citation}: ${item.title}`)}"` : ''}>\n` +
              // An item with neither label nor title is its section's introduction: no heading of its own.
              (item.label || item.title ? `<h3>${item.label ? `<span class="label">${e(item.label)}</span> ` : ''}${e(item.title)}</h3>\n` : '') +
              item.paragraphs.map((p) => `<p>${e(p).replace(/\n/g, '<br>')}</p>`).join('\n') +
              (item.notes.length ? `\n${item.notes.map((n) => `<p class="note">${e(n)}</p>`).join('\n')}` : '') +
              '\n</article>',
          )
          .join('\n') +
        '\n</section>',
    )
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${e(doc.title)}${doc.subtitle ? ` – ${e(doc.subtitle)}` : ''}</title>
<style>body{font-family:Georgia,serif;max-width:46em;margin:2em auto;line-height:1.45}h1,h2{font-family:Arial,sans-serif}h2{border-bottom:1px solid #999;margin-top:2em}.label{font-weight:bold}.note{font-style:italic;color:#333}@media print{h2{page-break-after:avoid}}</style>
</head>
<body>
<h1>${e(doc.title)}</h1>
${doc.subtitle ? `<p class="subtitle">${e(doc.subtitle)}</p>\n` : ''}${body}
</body>
</html>
`;
}

/** Plain text in the booklet's own layout (a blank line between paragraphs). */
export function renderText(doc: DocumentModel): string {
  const out: string[] = [doc.title, ''];
  if (doc.subtitle) out.push(doc.subtitle, '');
  for (const s of doc.sections) {
    out.push(s.heading, '');
    for (const item of s.items) {
      if (item.label || item.title) out.push(`${item.label ? `${item.label} ` : ''}${item.title}`, '');
      for (const p of item.paragraphs) out.push(p, '');
      for (const n of item.notes) out.push(n, '');
    }
  }
  return out.join('\n').trimEnd() + '\n';
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with a quote. */
export function renderCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  const cell = (value: string | number | null) => {
    let text = value === null ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
