import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CountedBallot, StoredBallotRow, VoteRepository, VoteRow } from '@agm/persistence/voting';
import { Transactions } from '../events/transactions';
import { BallotSeal, SealedContent, shuffleInPlace } from './ballot-seal';

/** How often every instance looks for closed votes whose sealed ballots are still to be written as counted ones. */
export const SEALED_SWEEP_MS = 30_000;
/** After a failed write (the database away), it is tried again this often until it succeeds. */
const RETRY_MS = 5_000;
/** What an operator does after the close once the right TOKEN_SECRET is back: nothing, it finishes by itself. */
const AFTER_CLOSE_RETRY =
  'nothing more: the vote stays closed with its result declared, and every instance writes its ballots as counted ballots by itself within half a minute';

/**
 * A secret vote's sealed ballots after its close (DESIGN "Voting at volume, and secrecy"), in two steps:
 *
 * 1. The close's own transaction counts them where they lie (`openForCount`): the result is recorded
 *    in the same commit as `vote.closed`, and reaches the hall without waiting for step 2.
 * 2. Just after that commit, `writeCounted` opens them again, writes them as counted ballots in one
 *    transaction in random order and deletes the sealed rows: every counted ballot has the same xmin,
 *    a random place and id, and a key the database reader cannot relate to the sealed row's. The close
 *    answers once this is done.
 *
 * If the instance stops between the two, the vote is closed and declared, its sealed rows are still
 * there, and nothing is lost: every instance finishes step 2 for such votes at start and every 30 s,
 * and the readers of counted ballots (the receipt list, the scrutineer's export) finish it first.
 * The vote stays closed meanwhile, so the set of sealed rows cannot change between the two steps.
 */
@Injectable()
export class SealedBallots implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SealedBallots');
  private sweeper?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly transactions: Transactions,
    private readonly votes: VoteRepository,
    private readonly seal: BallotSeal,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), SEALED_SWEEP_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearInterval(this.sweeper);
  }

  /**
   * Step 1: the sealed ballots of a closed secret vote, opened, in the form the count takes; nothing is
   * written. The ones this instance sealed are known by their digests; the rest are read whole and decrypted.
   */
  async openForCount(manager: EntityManager, vote: Pick<VoteRow, 'id' | 'secret'>): Promise<StoredBallotRow[]> {
    if (!vote.secret) return [];
    const opened: SealedContent[] = [];
    const unknown: string[] = [];
    for (const { ballotKeyHash, digest } of await this.votes.sealedBallotDigests(manager, vote.id)) {
      const known = this.seal.openKnown(vote.id, ballotKeyHash, digest);
      if (known) opened.push(known);
      else unknown.push(ballotKeyHash);
    }
    for (const { ballotKeyHash, sealed } of await this.votes.sealedBallotsByKey(manager, vote.id, unknown)) {
      opened.push(this.seal.open(vote.id, ballotKeyHash, sealed));
    }
    return opened.map(({ choice, weight, channel, receiptHash }) => ({ receiptHash, choice, weight, channel, memberId: null }));
  }

  /**
   * Step 2, just after the close commits. A failure (the database went away) is logged and tried again
   * every few seconds: the close has happened and its result stands whatever becomes of this.
   */
  async writeCountedAfterClose(conferenceId: string, voteId: string): Promise<void> {
    try {
      await this.writeCounted(conferenceId, voteId);
    } catch (error) {
      this.logger.warn(`The closed vote's ballots could not be written as counted ballots yet (${String(error)}); trying again in ${RETRY_MS / 1000} s.`);
      const retry = setTimeout(() => void (this.stopped || this.writeCountedAfterClose(conferenceId, voteId)), RETRY_MS);
      retry.unref();
    }
  }

  /** Before reading a closed secret vote's counted ballots: finishes step 2 if an instance stopped before it. */
  async ensureCounted(conferenceId: string, vote: Pick<VoteRow, 'id' | 'secret'>): Promise<void> {
    if (vote.secret && (await this.votes.hasSealedBallots(this.transactions.manager, vote.id))) await this.writeCounted(conferenceId, vote.id);
  }

  private async writeCounted(conferenceId: string, voteId: string): Promise<void> {
    // The vote's lock only, not the conference's: this records no event and writes only the vote's own
    // ballot rows, and the chair's next command need not wait for 10,000 rows to be written. A close or
    // void of the vote takes the conference's lock then the vote's; this takes the vote's alone: no cycle.
    await this.transactions.run(async ({ manager }) => {
      await this.votes.lockAgainstBallots(manager, voteId);
      const vote = await this.votes.find(manager, conferenceId, voteId);
      // Never while the vote is open: its sealed ballots are sealed so that nobody can read them yet.
      if (!vote || vote.state === 'open') return;
      const sealed = await this.votes.takeSealedBallots(manager, voteId);
      const counted: CountedBallot[] = sealed.map(({ ballotKeyHash, sealed: value }) => ({
        // The vote is closed and its result declared: only this write waits for the right secret.
        ...this.seal.open(voteId, ballotKeyHash, value, AFTER_CLOSE_RETRY),
        ballotKeyHash: this.seal.countedKeyHash(voteId, ballotKeyHash),
      }));
      shuffleInPlace(counted);
      await this.votes.insertCountedBallots(manager, voteId, counted);
    });
    this.seal.forget(voteId);
  }

  private async sweep(): Promise<void> {
    try {
      for (const vote of await this.votes.closedVotesWithSealedBallots(this.transactions.manager)) {
        if (this.stopped) return;
        await this.writeCounted(vote.conferenceId, vote.id);
        this.logger.log(`Wrote the sealed ballots of a closed vote as counted ballots (an instance had stopped before it could).`);
      }
    } catch (error) {
      if (!this.stopped) this.logger.warn(`could not look for closed votes with sealed ballots: ${String(error)}`);
    }
  }
}
