import { newPdfDocument, pdfBytes, pdfText, PdfFont } from '../common/pdf-fonts';
import { majorityInWords, suspensionInWords, type DebateEvent } from '@agm/domain';
import type { DebateMotionRow, LoggedDebateEvent } from '@agm/persistence/debate';

/**
 * The minutes of the debate, rendered from the proceedings log: one line per entry with its time (in
 * the conference's time zone), who acted and what happened, grouped under the item it belongs to.
 * Every piece of text is escaped: titles, names and rulings come from people.
 */

export interface MinutesInput {
  conferenceName: string;
  timeZone: string;
  events: LoggedDebateEvent[];
  names: Map<string, string>;
  motions: Map<string, DebateMotionRow>;
  generatedAt: Date;
  /** Results the chair declared on one teller's unconfirmed hall count, with the reason (issue 19). */
  unconfirmedCounts?: Array<{
    seq: number;
    at: string;
    actorId: string | null;
    title: string;
    reason: string;
  }>;
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

/** The minutes as data: one section per item taken (entries before the first item have no heading). */
export interface MinutesModel {
  title: string;
  intro: string;
  sections: Array<{
    heading: string | null;
    entries: Array<{ seq: number; type: string; at: string; time: string; actor: string; text: string }>;
  }>;
}

export function minutesModel(input: MinutesInput): MinutesModel {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: input.timeZone,
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
  const who = (id: string | null | undefined) => (id ? (input.names.get(id) ?? id) : 'the system');
  const title = (id: string | null | undefined) => {
    if (!id) return '';
    const motion = input.motions.get(id);
    return motion ? `${motion.agendaLabel ? `${motion.agendaLabel}: ` : ''}${motion.title}` : id;
  };
  const sections: MinutesModel['sections'] = [];
  const unconfirmed = [...(input.unconfirmedCounts ?? [])];
  // Placed in log order among the debate's entries, under the item then open.
  const addUnconfirmedBefore = (seq: number) => {
    while (unconfirmed.length > 0 && unconfirmed[0].seq < seq) {
      const d = unconfirmed.shift()!;
      if (sections.length === 0) sections.push({ heading: null, entries: [] });
      sections[sections.length - 1].entries.push({
        seq: d.seq,
        type: 'vote_result_unconfirmed_count',
        at: d.at,
        time: time.format(new Date(d.at)),
        actor: who(d.actorId),
        text: `The result of "${d.title}" was declared on a hall count no second teller confirmed; the chair accepted it: ${d.reason}.`,
      });
    }
  };
  for (const logged of input.events) {
    addUnconfirmedBefore(logged.seq);
    const e = logged.event;
    if (e.type === 'item_taken' || sections.length === 0)
      sections.push({ heading: e.type === 'item_taken' ? title(e.motionId) : null, entries: [] });
    sections[sections.length - 1].entries.push({
      seq: logged.seq,
      type: e.type,
      at: logged.at,
      time: time.format(new Date(logged.at)),
      actor: who(logged.actorId),
      text: describe(e, who, title),
    });
  }
  addUnconfirmedBefore(Number.POSITIVE_INFINITY);
  return {
    title: `Minutes of the proceedings: ${input.conferenceName}`,
    intro: `Rendered from the proceedings log on ${time.format(input.generatedAt)} (${input.timeZone}); ${input.events.length} entries.`,
    sections,
  };
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
            `<span class="actor">${escapeHtml(entry.actor)}</span>: ${escapeHtml(entry.text)}</li>`,
        )
        .join('') +
      '</ol></section>',
  );
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(model.title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.4}time{color:#555;font-variant-numeric:tabular-nums}.actor{font-weight:600}</style>',
    '</head><body>',
    `<h1>${escapeHtml(model.title)}</h1>`,
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
    info: { Title: model.title },
  });
  const bytes = pdfBytes(pdf);
  pdf.font(PdfFont.bold).fontSize(16).text(pdfText(model.title));
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
    }
  }
  pdf.end();
  return bytes;
}

function describe(
  e: DebateEvent,
  who: (id: string | null | undefined) => string,
  title: (id: string | null | undefined) => string,
): string {
  const on = (amendmentId: string | null) => (amendmentId ? ` (on amendment ${title(amendmentId)})` : '');
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
      return `The chair called ${who(e.memberId)} (${e.attendanceMode}) ${ROLE_WORDS[e.role] ?? e.role}${on(e.amendmentId)}${followed}.`;
    }
    case 'formally_seconded':
      return `Formally seconded${e.seconderMemberId ? ` by ${who(e.seconderMemberId)}` : ''}${on(e.amendmentId)}.`;
    case 'floor_opened':
      return `The floor was opened${on(e.amendmentId)}.`;
    case 'speak_requested':
      return e.addedByChair
        ? `The chair put ${who(e.memberId)} (${e.attendanceMode}, without a device) in the queue to speak ${e.stance === 'to' ? 'to the motion' : e.stance}${on(e.amendmentId)}.`
        : `${who(e.memberId)} (${e.attendanceMode}) asked to speak ${e.stance === 'to' ? 'to the motion' : e.stance}${on(e.amendmentId)}.`;
    case 'point_raised':
      return `${who(e.memberId)} (${e.attendanceMode}) raised a ${e.kind === 'point_of_order' ? 'point of order' : 'request for information'}${e.onConductOfVote ? ' on the conduct of the vote' : ''}.`;
    case 'request_withdrawn':
      return `${who(e.memberId)} withdrew their request (${e.requestId}).`;
    case 'speech_started':
      return `${who(e.memberId)} began speaking (${e.role.replace(/_/g, ' ')}, ${e.limitSeconds} s allowed, until ${e.endsAt}).`;
    case 'speech_paused':
      return `The speech was paused after ${e.elapsedSeconds.toFixed(0)} s (${e.remainingSeconds.toFixed(0)} s left).`;
    case 'speech_resumed':
      return `The speech resumed (now ends ${e.endsAt}).`;
    case 'speech_ended':
      return `The speech ended after ${e.spokenSeconds.toFixed(0)} s${e.overrunSeconds > 0 ? `, ${e.overrunSeconds.toFixed(0)} s over time` : ''}.`;
    case 'point_ruled':
      return `The chair ruled on the point of order from ${who(e.memberId)}: "${e.ruling}" (${e.rulingId}).`;
    case 'amendment_taken':
      return `Amendment taken: ${title(e.amendmentId)}; mover ${who(e.moverMemberId)}${e.seconderMemberId ? `, seconder ${who(e.seconderMemberId)}` : ''}${e.amendsMotionAsAmendedBy.length ? ' (to the motion as amended)' : ''}.`;
    case 'amendment_concluded':
      return `Amendment ${title(e.amendmentId)}: ${e.outcome}${e.showOfHands ? SHOW_OF_HANDS : ''}.`;
    case 'procedural_moved':
      return `${who(e.memberId)} moved ${PROCEDURAL_WORDS[e.kind] ?? e.kind} (${majorityInWords(e.majority)}, without debate)${e.rulingId ? ` against ruling ${e.rulingId}` : ''}.${e.suspension ? ` The terms: ${suspensionInWords(e.suspension, (id) => title(id)).replace(/^Standing orders suspended/, 'standing orders to be suspended')}` : ''}`;
    case 'procedural_decided':
      return `The procedural motion ${PROCEDURAL_WORDS[e.kind] ?? e.kind} was ${e.result}${e.showOfHands ? SHOW_OF_HANDS : ''}${e.kind === 'challenge_chair' ? (e.result === 'carried' ? ': the ruling is overturned' : ': the ruling stands') : ''}.`;
    case 'question_put': {
      const subject =
        e.subject === 'amendment'
          ? `amendment ${title(e.amendmentId)}`
          : e.subject === 'procedural'
            ? `the procedural motion ${PROCEDURAL_WORDS[e.proceduralKind ?? ''] ?? ''}`
            : `the motion${e.asAmended ? ' as amended' : ''}`;
      return `The question was put on ${subject} (${majorityInWords(e.majority)}).`;
    }
    case 'item_concluded':
      return `Outcome: ${e.outcome.replace(/_/g, ' ')}${e.showOfHands ? SHOW_OF_HANDS : ''}${e.reason ? ` (${e.reason})` : ''}.`;
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
  }
}
