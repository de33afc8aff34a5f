import type { SpeakerCategoryRow, SpeakerCounts, SpeakerReportGroup, StatCell } from '@agm/domain';
import type { PublishedComparison, PublishedReport } from './monitoring.queries';

/**
 * The printable report: tables and inline SVG bar charts, no script, no external resource. Every piece
 * of text (conference, section and motion names, union-defined labels) passes through `escapeHtml`.
 * Suppressed cells print as "not shown" (explained under the title) and draw no bar.
 */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 2rem; color: #111; }
  h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; page-break-after: avoid; }
  .note { color: #444; font-size: .9rem; }
  table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .85rem; }
  th, td { border: 1px solid #bbb; padding: .25rem .5rem; text-align: right; } th:first-child, td:first-child { text-align: left; }
  .suppressed { color: #777; font-style: italic; }
  section { page-break-inside: avoid; }
  @media print { body { margin: 1cm; } }
`;

export function renderReportHtml(report: PublishedReport): string {
  const title = `Speaker monitoring: ${report.conferenceName}`;
  const groups = [report.overall, ...report.groups];
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p>Speakers by <strong>${escapeHtml(report.questionLabel)}</strong>${describeFilter(report)}.</p>
<p class="note">${report.speechesCounted} speeches counted${report.live ? ' so far (live: released in batches of ' + report.suppressionThreshold + ' finished speeches)' : ''}.
${NOT_SHOWN_NOTE(report.suppressionThreshold)}
Equality answers are self-declared and voluntary; "Prefer not to say" includes attendees who did not answer.</p>
${groups.map((group) => renderGroup(group, groupTitle(report, group))).join('\n')}`,
  );
}

export function renderComparisonHtml(comparison: PublishedComparison, questionLabel: string): string {
  const title = `Speaker monitoring across AGMs: ${questionLabel}`;
  const head = comparison.conferences.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const rows = comparison.rows
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.label)}</td>${row.byConference
          .map(
            (cells) =>
              `<td>${cells ? `${cell(cells.speakers)} speakers<br>${percent(cells.speakerShare)} of speakers<br>${percent(cells.attendeeShare)} of attendees<br>ratio ${ratio(cells.representationRatio)}` : '<span class="suppressed">not asked</span>'}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  const totals = `<tr><th>All answers</th>${comparison.totals.map((t) => `<th>${cell(t.speakers)} speakers, ${cell(t.attendees)} attendees</th>`).join('')}</tr>`;
  const charts = comparison.conferences
    .map(
      (name, i) =>
        `<section><h2>${escapeHtml(name)}</h2>${barChart(comparison.rows.flatMap((row) => (row.byConference[i] ? [{ ...row.byConference[i]!, label: row.label }] : [])))}</section>`,
    )
    .join('\n');
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p class="note">Each AGM's figures are suppressed under its own threshold. Attendees are not linked across AGMs.</p>
<table><thead><tr><th>Answer</th>${head}</tr></thead><tbody>${rows}${totals}</tbody></table>
${charts}`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}
</body></html>
`;
}

function describeFilter(report: PublishedReport): string {
  const parts: string[] = [];
  const f = report.filter;
  if (f.sessionId) parts.push(`session ${f.sessionId}`);
  if (f.sectionId) parts.push(`one section`);
  if (f.motionId) parts.push(`one motion`);
  if (f.roles) parts.push(`role ${f.roles.join(', ').replace(/_/g, ' ')}`);
  if (f.attendanceMode) parts.push(`attending ${f.attendanceMode === 'hall' ? 'in the hall' : 'remotely'}`);
  const by = report.breakdownBy ? `, broken down by ${report.breakdownBy.replace(/_/g, ' ')}` : '';
  return escapeHtml(`${parts.length ? ` (${parts.join('; ')})` : ''}${by}`);
}

function groupTitle(report: PublishedReport, group: SpeakerReportGroup): string {
  if (group.dimension === 'all') return 'All speeches';
  const key = group.key === null ? `no ${group.dimension}` : (report.groupLabels[group.key] ?? group.key);
  return `${group.dimension.replace(/_/g, ' ')}: ${key}`;
}

function renderGroup(group: SpeakerReportGroup, title: string): string {
  const rows = group.categories
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.label)}</td>${countCells(row)}<td>${percent(row.speakerShare)}</td><td>${percent(row.attendeeShare)}</td><td>${ratio(row.representationRatio)}</td></tr>`,
    )
    .join('\n');
  return `<section>
<h2>${escapeHtml(title)}</h2>
${barChart(group.categories)}
<table>
<thead><tr><th>Answer</th><th>Speakers</th><th>Speeches</th><th>Minutes spoken</th><th>First-time speakers</th><th>First AGM ever</th><th>Attendees</th><th>Share of speakers</th><th>Share of attendees</th><th>Representation ratio</th></tr></thead>
<tbody>
${rows}
<tr><th>All answers</th>${countCells(group.total)}<td></td><td></td><td></td></tr>
</tbody></table>
</section>`;
}

function countCells(counts: SpeakerCounts): string {
  return [
    counts.speakers,
    counts.speeches,
    minutes(counts.speakingSeconds),
    counts.firstTimeSpeakers,
    counts.firstAgmEverSpeakers,
    counts.attendees,
  ]
    .map((c) => `<td>${cell(c)}</td>`)
    .join('');
}

/** The words a reader sees for a suppressed cell, and what they mean (printed under the title). */
const SUPPRESSED = '<span class="suppressed" title="too few to keep answers private">not shown</span>';
const NOT_SHOWN_NOTE = (threshold: number) =>
  `Not shown: too few to keep answers private. That is any figure under ${threshold}, any figure that could be worked out from the others by subtraction (in this report or any other), and any share of 0% or 100%, which would say what everyone in a group answered.`;

function cell(c: StatCell): string {
  return c.flag === 'suppressed' ? SUPPRESSED : String(c.value);
}

function minutes(c: StatCell): StatCell {
  return c.flag === 'suppressed' ? c : { flag: 'shown', value: Math.round((c.value / 60) * 10) / 10 };
}

function percent(c: StatCell): string {
  return c.flag === 'suppressed' ? SUPPRESSED : `${(c.value * 100).toFixed(1)}%`;
}

function ratio(c: StatCell): string {
  return c.flag === 'suppressed' ? SUPPRESSED : c.value.toFixed(2);
}

/** Horizontal bars: share of speakers (dark) against share of attendees (light), per answer. */
function barChart(rows: Array<Pick<SpeakerCategoryRow, 'label' | 'speakerShare' | 'attendeeShare'>>): string {
  const rowHeight = 34;
  const labelWidth = 220;
  const barWidth = 360;
  const height = rows.length * rowHeight + 30;
  const bar = (c: StatCell, y: number, fill: string) =>
    c.flag === 'suppressed'
      ? `<text x="${labelWidth}" y="${y + 10}" font-size="11" fill="#777" font-style="italic">not shown</text>`
      : `<rect x="${labelWidth}" y="${y}" width="${(c.value * barWidth).toFixed(1)}" height="12" fill="${fill}"/><text x="${labelWidth + c.value * barWidth + 4}" y="${y + 10}" font-size="11">${(c.value * 100).toFixed(1)}%</text>`;
  const body = rows
    .map((row, i) => {
      const y = i * rowHeight + 4;
      return `<text x="0" y="${y + 18}" font-size="12">${escapeHtml(row.label)}</text>${bar(row.speakerShare, y, '#1f4e79')}${bar(row.attendeeShare, y + 14, '#9dc3e6')}`;
    })
    .join('');
  const legendY = rows.length * rowHeight + 16;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 60}" height="${height}" role="img" aria-label="Share of speakers against share of attendees">${body}<rect x="0" y="${legendY - 9}" width="10" height="10" fill="#1f4e79"/><text x="14" y="${legendY}" font-size="11">share of speakers</text><rect x="140" y="${legendY - 9}" width="10" height="10" fill="#9dc3e6"/><text x="154" y="${legendY}" font-size="11">share of registered attendees</text></svg>`;
}
