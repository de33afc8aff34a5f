import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { balanceIndicator, buildSpeakerReport, defaultBalanceWindow } from '@agm/domain';
import type { MonitoringBalancePayload, MonitoringUpdatedPayload } from '@agm/contracts';
import type { StoredConferenceEvent } from '@agm/persistence';
import { MonitoringSourceRepository } from '@agm/persistence/monitoring';
import { EventBus } from '../events/event-bus';
import { Transactions } from '../events/transactions';
import { MonitoringData } from './monitoring.data';

/** Debate entries after which the released statistics may have grown: a speech or intervention has finished. */
const SPEECH_FINISHED = ['debate.speech_ended', 'debate.procedural_moved'];
/** Entries after which the run of speakers the chair sees may have changed. */
const SPEAKER_CHANGED = ['debate.speech_started', ...SPEECH_FINISHED];

export const MONITORING_UPDATED = 'monitoring.updated';
export const MONITORING_BALANCE = 'monitoring.balance';

/**
 * The live view. After a committed debate entry that finishes a speech, it recomputes the suppressed
 * overall figures and, when the released set of speeches grew (a whole batch, see `releasedSpeeches`),
 * records `monitoring.updated` for the monitors. After a speech starts or finishes it recomputes the
 * chair's balance indicator from roles, motions and attendance modes only, and records
 * `monitoring.balance` for the chair when the signals changed. Both are log entries, so a monitor or
 * chair who reconnects gets them on resume; there is one per batch or per change, not one per speech.
 */
@Injectable()
export class LiveMonitoring implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Monitoring');
  private subscription?: Subscription;
  /** One chain per conference: updates are computed one after the other, in log order. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly bus: EventBus,
    private readonly transactions: Transactions,
    private readonly data: MonitoringData,
    private readonly sources: MonitoringSourceRepository,
  ) {}

  onModuleInit(): void {
    this.subscription = this.bus.events$.subscribe((event) => this.onEvent(event));
  }

  async onModuleDestroy(): Promise<void> {
    this.subscription?.unsubscribe();
    await Promise.allSettled([...this.chains.values()]);
  }

  private onEvent(event: StoredConferenceEvent): void {
    if (!SPEAKER_CHANGED.includes(event.type)) return;
    const { conferenceId } = event;
    const previous = this.chains.get(conferenceId) ?? Promise.resolve();
    const next = previous
      .then(() => this.refresh(conferenceId, SPEECH_FINISHED.includes(event.type)))
      .catch((error: unknown) =>
        this.logger.error(`live monitoring of ${conferenceId} failed: ${String(error)}`),
      );
    this.chains.set(conferenceId, next);
    void next.then(() => {
      if (this.chains.get(conferenceId) === next) this.chains.delete(conferenceId);
    });
  }

  /** Recomputes and records what changed, in one transaction of its own. */
  async refresh(conferenceId: string, speechFinished: boolean): Promise<void> {
    await this.transactions.runFor(conferenceId, async ({ manager, now, record }) => {
      const inputs = await this.data.load(manager, conferenceId, now);
      const balance: MonitoringBalancePayload = {
        signals: balanceIndicator(
          inputs.records.map((r) => ({
            role: r.role,
            motionId: r.motionId,
            startedAt: new Date(r.startedAt),
            attendanceMode: r.attendanceMode,
          })),
          { ...defaultBalanceWindow(), hallAndRemote: inputs.conference.format === 'hybrid' },
        ),
      };
      const lastBalance = await this.sources.lastPayload(manager, conferenceId, MONITORING_BALANCE);
      if (
        signature((lastBalance?.signals as MonitoringBalancePayload['signals'] | undefined) ?? []) !==
        signature(balance.signals)
      ) {
        record({
          conferenceId,
          type: MONITORING_BALANCE,
          payload: { ...balance },
          audience: 'chair',
          actorId: null,
        });
      }
      if (!speechFinished) return;
      const lastUpdate = await this.sources.lastPayload(manager, conferenceId, MONITORING_UPDATED);
      const counted = Number(lastUpdate?.speechesCounted ?? 0);
      if (inputs.speeches.length <= counted) return;
      const update: MonitoringUpdatedPayload = {
        speechesCounted: inputs.speeches.length,
        suppressionThreshold: inputs.ruleset.monitoring.suppressionThreshold,
        questions: inputs.questions.map((question) => {
          const report = buildSpeakerReport(
            {
              questions: inputs.questions,
              speeches: inputs.speeches,
              attendees: inputs.attendees,
              now,
              attendeeProfileFixed: inputs.attendeeProfileFixed,
            },
            { questionCode: question.code },
            inputs.ruleset,
          );
          return { questionCode: question.code, questionLabel: question.label, overall: report.overall };
        }),
      };
      record({
        conferenceId,
        type: MONITORING_UPDATED,
        payload: { ...update },
        audience: 'monitors',
        actorId: null,
      });
    });
  }
}

/** Compares signals by content: jsonb does not keep the key order they were written in. */
function signature(signals: MonitoringBalancePayload['signals']): string {
  return signals.map((s) => `${s.kind}:${s.speeches}:${s.stance ?? ''}`).join('|');
}
