import { Injectable } from '@nestjs/common';
import {
  buildSpeakerReport,
  compareSpeakerReports,
  completeMonitoringAnswers,
  ConferenceSpeakerReport,
  MonitoringBreakdown,
  MonitoringQuestion,
  MonitoringSpeechFilter,
  Principal,
  SpeakerComparison,
  SpeakerReport,
  SpeechRole,
  AttendanceMode,
} from '@agm/domain';
import { MonitoringAnswerRepository, MonitoringLabelRepository } from '@agm/persistence/monitoring';
import type { EntityManager } from 'typeorm';
import { assertCan } from '../auth/access-control';
import { Transactions } from '../events/transactions';
import { MonitoringData, MonitoringInputs } from './monitoring.data';
import { MonitoringKeys } from './monitoring-keys';
import { assertOwnAnswers } from './use-cases/save-my-answers.use-case';

export interface ReportRequest {
  question: string;
  breakdown?: MonitoringBreakdown;
  session?: string;
  section?: string;
  motion?: string;
  role?: SpeechRole;
  attendanceMode?: AttendanceMode;
}

/** A suppressed report with what a reader needs around it; nothing in it is about one person. */
export interface PublishedReport extends SpeakerReport {
  conferenceId: string;
  conferenceName: string;
  speechesCounted: number;
  live: boolean;
  groupLabels: Record<string, string>;
}

export interface PublishedComparison extends SpeakerComparison {
  conferenceIds: string[];
}

@Injectable()
export class MonitoringQueries {
  constructor(
    private readonly transactions: Transactions,
    private readonly data: MonitoringData,
    private readonly keys: MonitoringKeys,
    private readonly answers: MonitoringAnswerRepository,
    private readonly labels: MonitoringLabelRepository,
  ) {}

  /** The form, for anyone who may see the conference. */
  async form(
    principal: Principal,
    conferenceId: string,
  ): Promise<{ questions: MonitoringQuestion[]; editable: boolean }> {
    assertCan(principal, 'conference.view', { conferenceId });
    const manager = this.transactions.manager;
    const conference = await this.data.conference(manager, conferenceId);
    return {
      questions: await this.data.questions(manager, conferenceId),
      editable: editable(conference.openedAt),
    };
  }

  /** The attendee's own answers, completed with 'prefer not to say'. Nobody else's, ever. */
  async myAnswers(principal: Principal, conferenceId: string) {
    const memberId = assertOwnAnswers(principal, conferenceId);
    const manager = this.transactions.manager;
    const conference = await this.data.conference(manager, conferenceId);
    const questions = await this.data.questions(manager, conferenceId);
    const stored =
      (await this.answers.find(manager, conferenceId, this.keys.keyOf(conferenceId, memberId))) ?? {};
    // Answers to a question no longer on the form are not shown back as if they counted.
    const known = Object.fromEntries(
      Object.entries(stored).filter(([code]) => questions.some((q) => q.code === code)),
    );
    return {
      questions,
      answers: completeMonitoringAnswers(questions, known),
      editable: editable(conference.openedAt),
    };
  }

  async report(principal: Principal, conferenceId: string, request: ReportRequest): Promise<PublishedReport> {
    assertCan(principal, 'monitoring.view', { conferenceId });
    const manager = this.transactions.manager;
    const inputs = await this.data.load(manager, conferenceId, new Date());
    return this.publish(manager, inputs, request);
  }

  /** This AGM's overall figures next to earlier AGMs'. The monitor must be a monitor of each. */
  async comparison(
    principal: Principal,
    conferenceId: string,
    question: string,
    others: string[],
  ): Promise<PublishedComparison> {
    const ids = [conferenceId, ...others.filter((id) => id !== conferenceId)];
    for (const id of ids) assertCan(principal, 'monitoring.view', { conferenceId: id });
    const manager = this.transactions.manager;
    const now = new Date();
    const entries: ConferenceSpeakerReport[] = [];
    for (const id of ids) {
      const inputs = await this.data.load(manager, id, now);
      const report = buildSpeakerReport(
        {
          questions: inputs.questions,
          speeches: inputs.speeches,
          attendees: inputs.attendees,
          now,
          attendeeProfileFixed: inputs.attendeeProfileFixed,
        },
        { questionCode: question },
        inputs.ruleset,
      );
      entries.push({
        conference: `${inputs.conference.name} (${inputs.conference.startsOn.slice(0, 4)})`,
        report,
      });
    }
    return { ...compareSpeakerReports(entries), conferenceIds: ids };
  }

  /** One report from loaded inputs: also the live view's computation. */
  async publish(
    manager: EntityManager,
    inputs: MonitoringInputs,
    request: ReportRequest,
  ): Promise<PublishedReport> {
    const filter: MonitoringSpeechFilter = {
      ...(request.session ? { sessionId: request.session } : {}),
      ...(request.section ? { sectionId: request.section } : {}),
      ...(request.motion ? { motionId: request.motion } : {}),
      ...(request.role ? { roles: [request.role] } : {}),
      ...(request.attendanceMode ? { attendanceMode: request.attendanceMode } : {}),
    };
    const report = buildSpeakerReport(
      {
        questions: inputs.questions,
        speeches: inputs.speeches,
        attendees: inputs.attendees,
        now: new Date(),
        attendeeProfileFixed: inputs.attendeeProfileFixed,
      },
      { questionCode: request.question, filter, breakdownBy: request.breakdown ?? null },
      inputs.ruleset,
    );
    return {
      ...report,
      conferenceId: inputs.conference.id,
      conferenceName: inputs.conference.name,
      speechesCounted: inputs.speeches.length,
      live: inputs.live,
      groupLabels: await this.groupLabels(manager, inputs.conference.id, report),
    };
  }

  private async groupLabels(
    manager: EntityManager,
    conferenceId: string,
    report: SpeakerReport,
  ): Promise<Record<string, string>> {
    const keys = report.groups.map((g) => g.key).filter((k): k is string => k !== null);
    if (report.breakdownBy === 'section') {
      const names = await this.labels.sectionNames(manager, conferenceId);
      return Object.fromEntries(keys.map((k) => [k, names.get(k) ?? k]));
    }
    if (report.breakdownBy === 'motion') {
      const titles = await this.labels.motionTitles(
        manager,
        conferenceId,
        keys.filter((k) => UUID.test(k)),
      );
      return Object.fromEntries(keys.map((k) => [k, titles.get(k) ?? k]));
    }
    return Object.fromEntries(keys.map((k) => [k, k.replace(/_/g, ' ')]));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function editable(openedAt: Date | null): boolean {
  return openedAt === null || Date.now() < openedAt.getTime();
}
