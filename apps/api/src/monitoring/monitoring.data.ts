import { Injectable } from '@nestjs/common';
import {
  defineMonitoringQuestions,
  foldDebate,
  MonitoredSpeech,
  MonitoringAttendeeProfile,
  MonitoringQuestion,
  NotFound,
  Ruleset,
  SpeechRecord,
  speechesOf,
} from '@agm/domain';
import { loadRuleset } from '@agm/persistence';
import {
  MonitoredConference,
  MonitoringAnswerRepository,
  MonitoringFormRepository,
  MonitoringSourceRepository,
} from '@agm/persistence/monitoring';
import type { EntityManager } from 'typeorm';
import { MonitoringKeys } from './monitoring-keys';

/** Everything one conference's statistics are computed from; identities already replaced by keys. */
export interface MonitoringInputs {
  conference: MonitoredConference;
  ruleset: Ruleset;
  questions: MonitoringQuestion[];
  attendees: MonitoringAttendeeProfile[];
  /** The speeches released to the statistics (see `releasedSpeeches`). */
  speeches: MonitoredSpeech[];
  /** Every speech record, in progress or not, for the chair's balance indicator (no keys, no answers used). */
  records: SpeechRecord[];
  /** True while the AGM is running (its last day has not passed in its time zone). */
  live: boolean;
  /**
   * True once the AGM has opened. The answers are frozen from then on, so the attendee profile is the
   * snapshot taken at that fixed point; before it, a profile that moved with each save would tell a
   * monitor who knows who just saved what they answered (docs/DECISIONS.md, "attendee profile").
   */
  attendeeProfileFixed: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statistics' only reader of equality answers. It joins the register to the answers by computing
 * each attendee's pseudonymous key in memory, and hands the domain speeches and profiles that carry
 * keys, never member ids.
 */
@Injectable()
export class MonitoringData {
  constructor(
    private readonly keys: MonitoringKeys,
    private readonly answers: MonitoringAnswerRepository,
    private readonly forms: MonitoringFormRepository,
    private readonly sources: MonitoringSourceRepository,
  ) {}

  async conference(manager: EntityManager, conferenceId: string): Promise<MonitoredConference> {
    const conference = await this.sources.conference(manager, conferenceId);
    if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
    return conference;
  }

  async questions(manager: EntityManager, conferenceId: string): Promise<MonitoringQuestion[]> {
    return defineMonitoringQuestions(await this.forms.unionQuestions(manager, conferenceId));
  }

  async load(manager: EntityManager, conferenceId: string, now: Date): Promise<MonitoringInputs> {
    const conference = await this.conference(manager, conferenceId);
    const ruleset = await loadRuleset(manager, conferenceId);
    if (!ruleset) throw new NotFound('No such conference, or it is not yours to see.');
    const questions = await this.questions(manager, conferenceId);
    const answers = await this.answers.all(manager, conferenceId);
    const attendees = (await this.sources.registrations(manager, conferenceId)).map((r) => {
      const key = this.keys.keyOf(conferenceId, r.memberId);
      return { key, answers: answers.get(key) ?? {}, attendanceMode: r.attendanceMode };
    });
    const records = speechesOf(foldDebate(await this.sources.debateEvents(manager, conferenceId)));
    const motionIds = [...new Set(records.map((r) => r.motionId))].filter((id) => UUID.test(id));
    const sections = await this.sources.motionSections(manager, conferenceId, motionIds);
    const live = localDate(now, conference.timeZone) <= conference.endsOn;
    const released = releasedSpeeches(records, ruleset.monitoring.suppressionThreshold, live);
    const speeches = released.map((r): MonitoredSpeech => ({
      speechId: r.speechId,
      pseudonymousKey: this.keys.keyOf(conferenceId, r.memberId),
      role: r.role,
      itemId: r.itemId,
      motionId: r.motionId,
      sectionId: sections.get(r.motionId) ?? null,
      sessionId: sessionOf(new Date(r.startedAt), conference.timeZone),
      startedAt: new Date(r.startedAt),
      endedAt: new Date(r.endedAt!),
      attendanceMode: r.attendanceMode,
    }));
    const attendeeProfileFixed =
      conference.openedAt !== null && conference.openedAt.getTime() <= now.getTime();
    return { conference, ruleset, questions, attendees, speeches, records, live, attendeeProfileFixed };
  }
}

/**
 * Which finished speeches the statistics count. After the AGM: all of them. During it: the earliest
 * finished speeches in whole batches of the suppression threshold, and never a speech in progress. A
 * monitor watching the hall knows who just spoke; if each speech moved the figures, the change would
 * give that speaker's answers away. Released in batches, a change covers at least `threshold` speeches.
 */
export function releasedSpeeches(records: SpeechRecord[], threshold: number, live: boolean): SpeechRecord[] {
  const finished = records
    .filter((r) => r.endedAt !== null)
    .sort((a, b) => a.endedAt!.localeCompare(b.endedAt!) || a.speechId.localeCompare(b.speechId));
  if (!live) return finished;
  return finished.slice(0, Math.floor(finished.length / threshold) * threshold);
}

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** There is no session table: a session is a half-day in the conference's time zone, e.g. '2025-10-02 am'. */
export function sessionOf(at: Date, timeZone: string): string {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(at),
  );
  return `${localDate(at, timeZone)} ${hour < 12 ? 'am' : 'pm'}`;
}
