import { newPdfDocument, pdfBytes, pdfText, PdfFont } from '../common/pdf-fonts';
import { MINUTES_APPROVER_WORDS, majorityInWords, suspensionInWords, type Majority } from '@agm/domain';
import type { DebateEvent, MinutesApproval } from '@agm/domain';
import type { DebateMotionRow, LoggedDebateEvent, LoggedVoteEvent } from '@agm/persistence/debate';

/**
 * The minutes of record, rendered from the proceedings log: one line per entry with its time (in the
 * conference's time zone), who acted and what happened, grouped under the item it belongs to; every
 * vote with its figures per channel, threshold, turnout and outcome; rulings quoted in words. A draft
 * until approved (issue 19 item 7), and then marked with the approval. Every piece of text is escaped:
 * titles, names and rulings come from people. Nothing here prints an id or a code.
 */

export interface MinutesInput {
  conferenceName: string;
  timeZone: string;
  events: LoggedDebateEvent[];
  /** The vote entries of the log (opened, closed, result, voided, casting vote), in log order. */
  votes?: LoggedVoteEvent[];
  names: Map<string, string>;
  motions: Map<string, DebateMotionRow>;
  generatedAt: Date;
  /** The recorded approval, or null while the minutes are a draft. */
  approval?: MinutesApproval | null;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const ROLE_WORDS: Record<string, string> = {
  mover: 'to move',
  seconder: 'to second',
  for: 'to speak for',
  against: 'to speak against',
  to: 'to speak to the motion',
  right_of_reply: 'to exercise the right of reply',
  point_of_order: 'on a point of order',
  request_for_information: 'with a request for information',
  procedural: 'to move a procedural motion',
};

/** A result the chair declared without a counted vote says so in the minutes. */
const SHOW_OF_HANDS = ', on the chair’s declaration of a show of hands (no vote was counted)';

const PROCEDURAL_WORDS: Record<string, string> = {
  next_business: 'next business',
  question_be_now_put: 'that the question be now put',
  remit: 'to remit',
  refer_back: 'to refer back',
  suspend_standing_orders: 'to suspend standing orders',
  challenge_chair: "to challenge the chair's ruling",
};

const METHOD_WORDS: Record<string, string> = {
  show_of_cards: 'a show of cards in the hall',
  electronic: 'electronic voting',
  hybrid: 'a hybrid vote (cards in the hall, electronic for remote members)',
  card_vote: 'a card vote (weighted by membership)',
};

const VOTE_OUTCOME_WORDS: Record<string, string> = {
  carried: 'carried',
  lost: 'lost',
  tied_falls: 'tied, so it falls',
  tied_chair_casting_vote_needed: 'tied, awaiting the chair’s casting vote',
};

const ATTENDANCE_WORDS: Record<string, string> = { hall: 'in the hall', remote: 'remote' };

/** Words for a code the minutes do not know yet (a newer kind of event): never the raw code. */
const words = (table: Record<string, string>, code: string | null | undefined) =>
  code ? (table[code] ?? code.replace(/_/g, ' ')) : '';

/** A vote's figures as the minutes print them: one row per channel used, then the total. */
export interface VoteFigures {
  rows: Array<{ channel: string; for: number; against: number; abstain: number }>;
  total: { for: number; against: number; abstain: number };
  threshold: string;
  turnout: string;
  outcome: string;
}

export interface MinutesEntry {
  seq: number;
  type: string;
  at: string;
  time: string;
  actor: string;
  text: string;
  figures?: VoteFigures;
}

/** The minutes as data: one section per item taken (entries before the first item have no heading). */
export interface MinutesModel {
  title: string;
  /** Draft or approved, and the approval in words: printed at the top of every rendering. */
  status: { state: 'draft' | 'approved'; text: string; corrections: string | null };
  intro: string;
  sections: Array<{ heading: string | null; entries: MinutesEntry[] }>;
}

/** "7 Oct 2027, 10:00:00" in the conference's zone. */
export function minutesTimeFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'medium' });
}

/** "4 November 2027" for a calendar date (no zone: it is already the conference's). */
export function calendarDateWords(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The approval as the minutes print it; the draft's notice otherwise. */
export function minutesStatusText(
  approval: MinutesApproval | null | undefined,
  recordedByName: string,
  timeZone: string,
): string {
  if (!approval)
    return 'Draft: not yet approved. These minutes become the record once the next meeting of conference or the NEC approves them.';
  return (
    `Approved as a correct record by ${MINUTES_APPROVER_WORDS[approval.approvedBy]} at ${approval.meeting} on ` +
    `${calendarDateWords(approval.meetingOn)}: ${approval.how}. Recorded by ${recordedByName} on ` +
    `${minutesTimeFormat(timeZone).format(approval.recordedAt)} (${timeZone}).`
  );
}

export function minutesModel(input: MinutesInput): MinutesModel {
  const time = minutesTimeFormat(input.timeZone);
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: input.timeZone, timeStyle: 'medium' });
  const who = (id: string | null | undefined) =>
    id ? (input.names.get(id) ?? 'a person no longer on the register') : 'the system';
  const title = (id: string | null | undefined) => {
    if (!id) return '';
    const motion = input.motions.get(id);
    return motion ? `${motion.agendaLabel ? `${motion.agendaLabel}: ` : ''}${motion.title}` : 'an item no longer on record';
  };
  // Rulings are cited by their words wherever a later entry refers to one (a challenge to it).
  const rulings = new Map<string, string>();
  for (const { event } of input.events) if (event.type === 'point_ruled') rulings.set(event.rulingId, event.ruling);
  const context: DescribeContext = {
    who,
    title,
    ruling: (id) => (id && rulings.has(id) ? `“${rulings.get(id)}”` : 'the chair’s ruling'),
    clock: (iso) => clock.format(new Date(iso)),
  };
  type Described = Omit<MinutesEntry, 'seq' | 'at' | 'time' | 'actor'> & { heading?: string };
  type Logged = { seq: number; at: string; actorId: string | null; entry: () => Described };
  const logged: Logged[] = [
    ...input.events.map((e) => ({
      seq: e.seq,
      at: e.at,
      actorId: e.actorId,
      entry: (): Described => ({
        type: e.event.type,
        text: describe(e.event, context),
        ...(e.event.type === 'item_taken' ? { heading: title(e.event.motionId) } : {}),
        ...(e.event.type === 'report_taken' ? { heading: e.event.title } : {}),
      }),
    })),
    ...(input.votes ?? []).map((v) => ({
      seq: v.seq,
      at: v.at,
      actorId: v.actorId,
      entry: () => ({ type: v.type.replace('.', '_'), ...describeVote(v, context) }),
    })),
  ].sort((a, b) => a.seq - b.seq);
  const sections: MinutesModel['sections'] = [];
  for (const item of logged) {
    const { heading, ...entry } = item.entry();
    if (heading !== undefined || sections.length === 0) sections.push({ heading: heading ?? null, entries: [] });
    sections[sections.length - 1].entries.push({
      seq: item.seq,
      at: item.at,
      time: time.format(new Date(item.at)),
      actor: who(item.actorId),
      ...entry,
    });
  }
  const approval = input.approval ?? null;
  return {
    title: `Minutes of the proceedings: ${input.conferenceName}`,
    status: {
      state: approval ? 'approved' : 'draft',
      text: minutesStatusText(approval, who(approval?.recordedBy), input.timeZone),
      corrections: approval?.corrections ?? null,
    },
    intro: approval
      ? `The proceedings as logged up to the approval; ${logged.length} entries. Times are in ${input.timeZone}.`
      : `Rendered from the proceedings log on ${time.format(input.generatedAt)}; ${logged.length} entries. Times are in ${input.timeZone}.`,
    sections,
  };
}

const FIGURE_HEADINGS = ['For', 'Against', 'Abstain'] as const;

function figuresHtml(f: VoteFigures): string {
  const row = (label: string, c: { for: number; against: number; abstain: number }) =>
    `<tr><th scope="row">${escapeHtml(label)}</th><td>${c.for}</td><td>${c.against}</td><td>${c.abstain}</td></tr>`;
  return (
    '<table class="figures"><thead><tr><th scope="col">Channel</th>' +
    FIGURE_HEADINGS.map((h) => `<th scope="col">${h}</th>`).join('') +
    '</tr></thead><tbody>' +
    f.rows.map((r) => row(r.channel, r)).join('') +
    `</tbody><tfoot>${row('Total', f.total)}</tfoot></table>` +
    `<p class="figures-note">${escapeHtml(f.threshold)} Turnout: ${escapeHtml(f.turnout)}. Outcome: <strong>${escapeHtml(f.outcome)}</strong>.</p>`
  );
}

export function renderMinutesHtml(model: MinutesModel): string {
  const body = model.sections.map(
    (section) =>
      (section.heading === null ? '' : `<h2>${escapeHtml(section.heading)}</h2>\n`) +
      '<section><ol>' +
      section.entries
        .map(
          (entry) =>
            `<li data-seq="${entry.seq}" data-type="${escapeHtml(entry.type)}"><time datetime="${escapeHtml(entry.at)}">${escapeHtml(entry.time)}</time> ` +
            `<span class="actor">${escapeHtml(entry.actor)}</span>: ${escapeHtml(entry.text)}` +
            (entry.figures ? figuresHtml(entry.figures) : '') +
            '</li>',
        )
        .join('') +
      '</ol></section>',
  );
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(model.status.state === 'draft' ? `Draft: ${model.title}` : model.title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}time{color:#555;font-variant-numeric:tabular-nums}.actor{font-weight:600}' +
      '.status{border:2px solid #8a5a00;padding:.5rem .75rem}.status[data-state=approved]{border-color:#1d6b2f}' +
      'table.figures{border-collapse:collapse;margin:.4rem 0}table.figures th,table.figures td{border:1px solid #999;padding:.15rem .5rem;text-align:right}table.figures th[scope=row]{text-align:left}</style>',
    '</head><body>',
    `<h1>${escapeHtml(model.title)}</h1>`,
    `<p class="status" data-state="${model.status.state}"><strong>${escapeHtml(model.status.text)}</strong></p>`,
    ...(model.status.corrections
      ? [`<p class="corrections"><strong>Corrections made on approval:</strong> ${escapeHtml(model.status.corrections)}</p>`]
      : []),
    `<p>${escapeHtml(model.intro)}</p>`,
    ...(model.sections.length === 0 ? ['<p>No debate has been recorded yet.</p>'] : body),
    '</body></html>',
  ].join('\n');
}

/** The same minutes as an A4 PDF. pdfkit draws text as text, so nothing needs escaping. */
export function renderMinutesPdf(model: MinutesModel): Promise<Buffer> {
  const pdf = newPdfDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 62, right: 62 },
    info: { Title: model.status.state === 'draft' ? `Draft: ${model.title}` : model.title },
  });
  const bytes = pdfBytes(pdf);
  pdf.font(PdfFont.bold).fontSize(16).text(pdfText(model.title));
  pdf.moveDown(0.3).font(PdfFont.bold).fontSize(10).text(pdfText(model.status.text));
  if (model.status.corrections)
    pdf.moveDown(0.2).font(PdfFont.regular).fontSize(10).text(pdfText(`Corrections made on approval: ${model.status.corrections}`));
  pdf.moveDown(0.3).font(PdfFont.italic).fontSize(9).text(pdfText(model.intro));
  if (model.sections.length === 0)
    pdf.moveDown(1).font(PdfFont.regular).fontSize(11).text('No debate has been recorded yet.');
  for (const section of model.sections) {
    if (section.heading !== null)
      pdf.moveDown(1).font(PdfFont.bold).fontSize(12.5).text(pdfText(section.heading));
    for (const entry of section.entries) {
      pdf
        .moveDown(0.25)
        .font(PdfFont.regular)
        .fontSize(9.5)
        .text(pdfText(`${entry.time}  `), { continued: true });
      pdf.font(PdfFont.bold).text(pdfText(`${entry.actor}: `), { continued: true });
      pdf.font(PdfFont.regular).text(pdfText(entry.text));
      if (entry.figures) figuresPdf(pdf, entry.figures);
    }
  }
  pdf.end();
  return bytes;
}

/** The figures as a small table: the channel, then for, against and abstain in right-aligned columns. */
function figuresPdf(pdf: ReturnType<typeof newPdfDocument>, f: VoteFigures): void {
  const left = pdf.page.margins.left + 12;
  const columns = [left + 200, left + 260, left + 320];
  const line = (label: string, values: Array<string | number>, font: string) => {
    if (pdf.y > pdf.page.height - pdf.page.margins.bottom - 14) pdf.addPage();
    const y = pdf.y;
    pdf.font(font).fontSize(9).text(pdfText(label), left, y, { width: 190, lineBreak: false });
    values.forEach((v, i) => pdf.text(String(v), columns[i], y, { width: 55, align: 'right', lineBreak: false }));
    pdf.x = pdf.page.margins.left;
    pdf.y = y + 12;
  };
  pdf.moveDown(0.2);
  line('Channel', [...FIGURE_HEADINGS], PdfFont.bold);
  for (const r of f.rows) line(r.channel, [r.for, r.against, r.abstain], PdfFont.regular);
  line('Total', [f.total.for, f.total.against, f.total.abstain], PdfFont.bold);
  pdf
    .font(PdfFont.regular)
    .fontSize(9)
    .text(pdfText(`${f.threshold} Turnout: ${f.turnout}. Outcome: ${f.outcome}.`), left, pdf.y, {
      width: pdf.page.width - pdf.page.margins.right - left,
    });
  pdf.x = pdf.page.margins.left;
}

interface DescribeContext {
  who: (id: string | null | undefined) => string;
  title: (id: string | null | undefined) => string;
  ruling: (id: string | null | undefined) => string;
  /** A time of day in the conference's zone. */
  clock: (iso: string) => string;
}

/** "5 minutes", "90 seconds". */
function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s % 60 === 0 && s >= 60) return `${s / 60} minute${s === 60 ? '' : 's'}`;
  return `${s} second${s === 1 ? '' : 's'}`;
}

function describe(e: DebateEvent, c: DescribeContext): string {
  const { who, title } = c;
  const on = (amendmentId: string | null) => (amendmentId ? ` (on amendment ${title(amendmentId)})` : '');
  const mode = (m: string) => words(ATTENDANCE_WORDS, m);
  switch (e.type) {
    case 'item_taken':
      return `Item taken: ${title(e.motionId)}; mover ${who(e.moverMemberId)}${e.seconderMemberId ? `, seconder ${who(e.seconderMemberId)}` : ''}.`;
    case 'mover_absent':
      return `The mover, ${who(e.memberId)}, was absent${on(e.amendmentId)}: not moved.`;
    case 'speaker_called': {
      const followed =
        e.followedSuggestion === null
          ? ''
          : e.followedSuggestion
            ? ' (the suggested speaker)'
            : ` (suggestion not followed${e.suggestedMemberId ? `: ${who(e.suggestedMemberId)} was suggested` : ''})`;
      return `The chair called ${who(e.memberId)} (${mode(e.attendanceMode)}) ${words(ROLE_WORDS, e.role)}${on(e.amendmentId)}${followed}.`;
    }
    case 'formally_seconded':
      return `Formally seconded${e.seconderMemberId ? ` by ${who(e.seconderMemberId)}` : ''}${on(e.amendmentId)}.`;
    case 'floor_opened':
      return `The floor was opened${on(e.amendmentId)}.`;
    case 'speak_requested':
      return e.addedByChair
        ? `${e.addedBy === 'steward' ? 'A steward' : 'The chair'} put ${who(e.memberId)} (${mode(e.attendanceMode)}, without a device) in the queue to speak ${e.stance === 'to' ? 'to the motion' : e.stance}${on(e.amendmentId)}.`
        : `${who(e.memberId)} (${mode(e.attendanceMode)}) asked to speak ${e.stance === 'to' ? 'to the motion' : e.stance}${on(e.amendmentId)}.`;
    case 'point_raised':
      return `${who(e.memberId)} (${mode(e.attendanceMode)}) raised a ${e.kind === 'point_of_order' ? 'point of order' : 'request for information'}${e.onConductOfVote ? ' on the conduct of the vote' : ''}.`;
    case 'request_withdrawn':
      return `${who(e.memberId)} withdrew their request.`;
    case 'speech_started':
      return `${who(e.memberId)} began speaking (${words({}, e.role)}; ${duration(e.limitSeconds)} allowed, until ${c.clock(e.endsAt)}).`;
    case 'speech_paused':
      return `The speech was paused after ${duration(e.elapsedSeconds)} (${duration(e.remainingSeconds)} left).`;
    case 'speech_resumed':
      return `The speech resumed (now ends at ${c.clock(e.endsAt)}).`;
    case 'speech_ended':
      return `The speech ended after ${duration(e.spokenSeconds)}${e.overrunSeconds > 0 ? `, ${duration(e.overrunSeconds)} over time` : ''}.`;
    case 'point_ruled':
      return `The chair ruled on the point of order from ${who(e.memberId)}: “${e.ruling}”.`;
    case 'amendment_taken':
      return `Amendment taken: ${title(e.amendmentId)}; mover ${who(e.moverMemberId)}${e.seconderMemberId ? `, seconder ${who(e.seconderMemberId)}` : ''}${e.amendsMotionAsAmendedBy.length ? ' (to the motion as amended)' : ''}.`;
    case 'amendment_concluded':
      return `Amendment ${title(e.amendmentId)}: ${words({}, e.outcome)}${e.showOfHands ? SHOW_OF_HANDS : ''}.`;
    case 'procedural_moved':
      return `${who(e.memberId)} moved ${e.kind === 'challenge_chair' ? `to challenge the chair's ruling ${c.ruling(e.rulingId)}` : words(PROCEDURAL_WORDS, e.kind)} (${majorityInWords(e.majority)}, without debate).${e.suspension ? ` The terms: ${suspensionInWords(e.suspension, (id) => title(id)).replace(/^Standing orders suspended/, 'standing orders to be suspended')}` : ''}`;
    case 'procedural_decided':
      return `The procedural motion ${words(PROCEDURAL_WORDS, e.kind)} was ${words({}, e.result)}${e.showOfHands ? SHOW_OF_HANDS : ''}${e.kind === 'challenge_chair' ? (e.result === 'carried' ? `: the ruling ${c.ruling(e.rulingId)} is overturned` : `: the ruling ${c.ruling(e.rulingId)} stands`) : ''}.`;
    case 'question_put': {
      const subject =
        e.subject === 'amendment'
          ? `amendment ${title(e.amendmentId)}`
          : e.subject === 'procedural'
            ? `the procedural motion ${words(PROCEDURAL_WORDS, e.proceduralKind)}`
            : e.partId
              ? `${e.partLabel ?? 'a part'} of the motion`
              : `the motion${e.asAmended ? ' as amended' : ''}`;
      return `The question was put on ${subject} (${majorityInWords(e.majority)}).`;
    }
    case 'motion_taken_in_parts':
      return `The chair took the motion in parts, each put to a separate vote: ${e.parts
        .map((p) => `${p.label}${p.operative ? '' : ' (not operative)'}: “${p.text}”`)
        .join('; ')}.`;
    case 'part_decided':
      return `${e.label}: ${words({}, e.outcome)}${e.showOfHands ? SHOW_OF_HANDS : ''}.`;
    case 'item_concluded':
      return `Outcome: ${words({}, e.outcome)}${e.showOfHands ? SHOW_OF_HANDS : ''}${e.reason ? ` (${e.reason})` : ''}.${e.carriedText ? ` The motion as carried reads: “${e.carriedText}”` : ''}`;
    case 'question_withdrawn': {
      const subject =
        e.subject === 'amendment'
          ? `amendment ${title(e.amendmentId)}`
          : e.subject === 'procedural'
            ? 'the procedural motion'
            : 'the motion';
      return `The chair withdrew the question put on ${subject}, no vote having been held: ${e.reason}.`;
    }
    case 'items_not_reached':
      return `Time ran out: not reached (to the NEC): ${e.itemIds.map(title).join('; ')}.`;
    case 'report_taken':
      return `Report taken: ${e.title}.`;
    case 'reference_back_moved':
      return `${who(e.memberId)} (${mode(e.attendanceMode)}) moved to refer back section ${e.sectionKey} (${e.sectionTitle}) of the report (${majorityInWords(e.majority)}).`;
    case 'reference_back_put':
      return `The question was put on the reference back of section ${e.sectionKey} (${e.sectionTitle}) (${majorityInWords(e.majority)}).`;
    case 'reference_back_decided':
      return `The reference back of section ${e.sectionKey} (${e.sectionTitle}) was ${words({}, e.result)}${e.showOfHands ? SHOW_OF_HANDS : ''}${e.result === 'carried' ? ': that section is referred back' : ''}.`;
    case 'report_received':
      return e.sectionsReferredBack.length
        ? `Outcome: the report ${e.title} was received, except ${e.sectionsReferredBack.map((s) => `section ${s.key} (${s.title})`).join(', ')}, referred back.`
        : `Outcome: the report ${e.title} was received.`;
    default:
      // A kind of entry newer than these minutes: named in words, never as its code.
      return `${words({}, (e as { type: string }).type)}.`.replace(/^./, (x) => x.toUpperCase());
  }
}

type Counts = { for: number; against: number; abstain: number };

/** The channels a method uses, with the name the minutes give them (hall, remote, card). */
function channelsOf(method: string): Array<{ key: 'hall' | 'electronic' | 'card'; label: string }> {
  switch (method) {
    case 'show_of_cards':
      return [{ key: 'hall', label: 'Hall (cards, tellers’ count)' }];
    case 'electronic':
      return [{ key: 'electronic', label: 'Electronic' }];
    case 'hybrid':
      return [
        { key: 'hall', label: 'Hall (cards, tellers’ count)' },
        { key: 'electronic', label: 'Remote (electronic)' },
      ];
    case 'card_vote':
      return [{ key: 'card', label: 'Card vote (weighted by membership)' }];
    default:
      return [
        { key: 'hall', label: 'Hall' },
        { key: 'electronic', label: 'Electronic' },
        { key: 'card', label: 'Card vote' },
      ];
  }
}

function describeVote(v: LoggedVoteEvent, c: DescribeContext): { text: string; figures?: VoteFigures } {
  const p = v.payload;
  const name = `“${String(p.title ?? 'the vote')}”`;
  switch (v.type) {
    case 'vote.opened': {
      const hybrid = p.method === 'hybrid';
      const split = hybrid ? `: ${Number(p.hallHeadcount)} in the hall, ${Number(p.electronicCount)} remote` : '';
      const closes = typeof p.closesAt === 'string' ? `; to close at ${c.clock(p.closesAt)}` : '';
      return {
        text: `${p.subject === 'test' ? 'A test vote' : 'The vote'} on ${name} opened by ${words(METHOD_WORDS, p.method as string)}, ${majorityInWords(p.majority as Majority)}${p.secret ? ', secret ballot' : ''}; ${Number(p.eligibleCount)} eligible to vote${split}${closes}.`,
      };
    }
    case 'vote.closed': {
      const cast = Number(p.ballotsCast ?? 0);
      return {
        text: `The vote on ${name} closed${p.closedBy ? ' at its announced time' : ''}; ${cast} ballot${cast === 1 ? '' : 's'} cast on devices or by card holders.`,
      };
    }
    case 'vote.result': {
      const channels = (p.channels ?? {}) as Record<string, Counts>;
      const totals = (p.totals ?? { for: 0, against: 0, abstain: 0 }) as Counts;
      const outcome = words(VOTE_OUTCOME_WORDS, p.outcome as string);
      const reason = p.unconfirmedHallCountReason;
      return {
        text:
          `Result of the vote on ${name}: ${outcome}.` +
          (typeof reason === 'string'
            ? ` The result of "${String(p.title)}" was declared on a hall count no second teller confirmed; the chair accepted it: ${reason}.`
            : ''),
        figures: {
          rows: channelsOf(String(p.method)).map(({ key, label }) => ({
            channel: label,
            ...(channels[key] ?? { for: 0, against: 0, abstain: 0 }),
          })),
          total: totals,
          threshold: String((p.threshold as { description?: string } | undefined)?.description ?? ''),
          turnout: String((p.turnout as { description?: string } | undefined)?.description ?? ''),
          outcome,
        },
      };
    }
    case 'vote.voided':
      return { text: `The vote on ${name} was voided: ${String(p.reason ?? '')}. A voided vote is not counted.` };
    case 'vote.casting_vote':
      return {
        text: `The chair gave a casting vote ${p.castingVote === 'for' ? 'for' : 'against'} ${name}: ${words(VOTE_OUTCOME_WORDS, p.outcome as string)}.`,
      };
  }
}
