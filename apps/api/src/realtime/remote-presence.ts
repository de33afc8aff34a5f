import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Batched } from '../common/batched';
import { RecordPresence } from '../registration/use-cases/record-presence.use-case';

/** How often each instance renews the leases of the remote attendees it serves and sweeps lapsed ones. */
export const PRESENCE_TICK_MS = 1000;
/**
 * After the database was unreachable, no instance sweeps lapsed leases for this long: every instance
 * first renews the leases of the people connected to it, whose leases lapsed only because nobody could
 * write. An instance that died meanwhile renews nothing, and its attendees are swept after this.
 */
export const SWEEP_PAUSE_AFTER_OUTAGE_MS = 5000;

/**
 * The remote attendees this instance serves, and the heartbeat that keeps their presence leases live
 * (RecordPresence). A lease is the person's, not a socket's: any instance serving any of their sockets
 * renews it; when none does (their phone dropped, this instance was killed), it lapses after the grace
 * and whichever instance sweeps first ends their presence. So a killed instance's attendees count for
 * at most the grace (and one tick), never for ever.
 */
@Injectable()
export class RemotePresence implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Presence');
  /** Names this instance in the leases it renews (for an operator reading the table). */
  readonly instanceId = randomUUID();
  private readonly sockets = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private ticking = false;
  /** Set while ticks fail (the database is away); the first tick that works then pauses the sweep. */
  private failing = false;
  private sweepNotBefore = 0;
  /**
   * A hall reconnecting after a Wi-Fi blip is thousands of sockets closing and opening within a
   * second: their lease writes go out many to one UPDATE rather than one each (issue 15).
   */
  private readonly resumed = new Batched<string, boolean>(
    async (ids) => {
      const live = await this.presence.resumeRemoteMany(ids, this.instanceId);
      return new Map(ids.map((id) => [id, live.has(id)]));
    },
    false,
  );
  private readonly kept = new Batched<string, true>(async (ids) => {
    await this.presence.keepThroughDisconnect(ids);
    return new Map(ids.map((id) => [id, true as const]));
  }, true);

  constructor(private readonly presence: RecordPresence) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.tick(), PRESENCE_TICK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** A socket of a remote attendee connected here: their live lease goes on. */
  async connected(registrationId: string): Promise<boolean> {
    this.sockets.set(registrationId, (this.sockets.get(registrationId) ?? 0) + 1);
    return this.resumed.load(registrationId);
  }

  /** A socket closed; the last one here gives the lease its whole grace from now. */
  async disconnected(registrationId: string): Promise<void> {
    const left = (this.sockets.get(registrationId) ?? 1) - 1;
    if (left > 0) {
      this.sockets.set(registrationId, left);
      return;
    }
    this.sockets.delete(registrationId);
    await this.kept.load(registrationId);
  }

  isPresent(conferenceId: string, registrationId: string): Promise<boolean> {
    return this.presence.isPresent(conferenceId, registrationId);
  }

  confirm(conferenceId: string, registrationId: string) {
    return this.presence.confirmRemote(conferenceId, registrationId, this.instanceId);
  }

  private async tick(): Promise<void> {
    // A slow database must not stack ticks on top of each other.
    if (this.ticking) return;
    this.ticking = true;
    try {
      await this.presence.renew([...this.sockets.keys()], this.instanceId);
      if (this.failing) {
        this.failing = false;
        this.sweepNotBefore = Date.now() + SWEEP_PAUSE_AFTER_OUTAGE_MS;
      }
      if (Date.now() >= this.sweepNotBefore) await this.presence.sweepLapsed();
    } catch (error) {
      this.failing = true;
      this.logger.warn(
        `Could not renew or sweep presence: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.ticking = false;
    }
  }
}
