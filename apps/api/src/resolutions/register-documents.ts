import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { objectiveLine, OperationalPlan, RESOLUTION_STATUS_WORDS, sectionHeading } from '@agm/domain';
import type { ResolutionRow } from '@agm/persistence/resolutions';
import type { DocumentModel } from '../motions/motion-documents';

/**
 * The operational plan as a document, in the layout of Napo's published plans: the title, the
 * introduction, then each "OBJECTIVE N: TITLE" with its description and, area by area, the objectives as
 * bullets ending in their "(Resolution N)" citations. One model for HTML and PDF; DOCX below.
 */
export function planDocument(plan: OperationalPlan): DocumentModel {
  return {
    title: plan.title,
    subtitle: plan.introduction,
    sections: plan.sections.map((section, i) => ({
      heading: sectionHeading(section, i),
      items: [
        ...(section.description ? [{ label: null, title: '', paragraphs: [section.description], notes: [] }] : []),
        ...areasOf(section.objectives).map((area) => ({
          label: null,
          title: area.name ?? '',
          paragraphs: area.objectives.map((o) => `• ${objectiveLine(o, plan.agmYear)}`),
          notes: [],
        })),
      ],
    })),
  };
}

/** The report to the next AGM: each resolution of the year with its owner, status and latest progress. */
export function registerReportDocument(year: number, resolutions: ResolutionRow[]): DocumentModel {
  const headings = [...new Set(resolutions.map((r) => r.sectionHeading))];
  return {
    title: `Report on the resolutions of ${year}`,
    subtitle: `Each resolution of the ${year} AGM, who owns it, where it stands and the latest progress reported.`,
    sections: headings.map((heading) => ({
      heading: heading || 'RESOLUTIONS',
      items: resolutions
        .filter((r) => r.sectionHeading === heading)
        .map((r) => ({
          label: `${r.number}.`,
          citation: `Resolution ${r.number}`,
          title: r.title,
          paragraphs: [
            `Status: ${RESOLUTION_STATUS_WORDS[r.status]}${r.statusReason ? ` – ${r.statusReason}` : ''}`,
            r.latestProgressText ? `Latest progress (${r.latestProgressOn}): ${r.latestProgressText}` : 'No progress reported yet.',
          ],
          notes: [`Owner: ${r.ownerName ?? 'not yet assigned'}${r.targetDate ? `; target date ${r.targetDate}` : ''}`],
        })),
    })),
  };
}

function areasOf<T extends { area: string | null }>(objectives: readonly T[]): Array<{ name: string | null; objectives: T[] }> {
  const areas: Array<{ name: string | null; objectives: T[] }> = [];
  for (const o of objectives) {
    const last = areas[areas.length - 1];
    if (last && last.name === o.area) last.objectives.push(o);
    else areas.push({ name: o.area, objectives: [o] });
  }
  return areas;
}

/** The plan as a Word document for the union's editors: real headings and bullets, so it edits as a plan. */
export function renderPlanDocx(plan: OperationalPlan): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ text: plan.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER })];
  if (plan.introduction) for (const p of plan.introduction.split(/\n\s*\n/)) children.push(new Paragraph({ children: [new TextRun(p.trim())] }));
  plan.sections.forEach((section, i) => {
    children.push(new Paragraph({ text: sectionHeading(section, i), heading: HeadingLevel.HEADING_1 }));
    if (section.description) children.push(new Paragraph({ children: [new TextRun(section.description)] }));
    for (const area of areasOf(section.objectives)) {
      if (area.name) children.push(new Paragraph({ text: area.name, heading: HeadingLevel.HEADING_2 }));
      for (const o of area.objectives) children.push(new Paragraph({ children: [new TextRun(objectiveLine(o, plan.agmYear))], bullet: { level: 0 } }));
    }
  });
  const doc = new Document({ creator: 'AGM', title: plan.title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
