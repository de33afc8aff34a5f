import { Conflict, Forbidden, InvalidInput, StandingOrderViolation, VoteClosed } from '../errors';
import { VOTE_CHOICES, VoteChannel, VoteChoice } from '../enums';
import { Ruleset } from '../ruleset/ruleset';
import { describeIneligibility, EligibilityEntry } from './eligibility';
import { notOpenMessage, VoteState } from './vote-lifecycle';

/**
 * What is already stored for this member in this vote. The participation row says *that* they voted;
 * for a secret vote only the ballot key the voter presents (proved by their receipt secret) links them
 * to a ballot row, so the use case fills these in by looking up that key, never by member.
 */
export interface ExistingParticipation {
  /** The ballot key sent now is the key of the ballot already stored for this voter. */
  sameBallotKey: boolean;
  /** The stored ballot with that key has the same choice as the one sent now. */
  sameChoice: boolean;
}

export interface BallotAttempt {
  /** The member's entry in the vote's eligibility snapshot; undefined when they were not an attendee. */
  entry: EligibilityEntry | undefined;
  voteState: VoteState;
  existingParticipation: ExistingParticipation | null;
  /** ruleset.ballotsChangeable: a voter may change their ballot before the close; the last one counts. */
  ballotsChangeable: boolean;
  /** The channel the ballot arrives through: 'electronic' from a device, 'card' from a card holder. */
  channel: VoteChannel;
  /** Untrusted: whatever the client sent. */
  choice: unknown;
  /** For naming who may vote on an excluded topic in the refusal. */
  ruleset?: Ruleset;
}

export type BallotDecision =
  /** Store a new ballot and the participation row. */
  | { kind: 'accept'; channel: VoteChannel; choice: VoteChoice; weight: number }
  /** The same ballot sent again (a retry): nothing to store, answer as before. */
  | { kind: 'duplicate'; channel: VoteChannel; choice: VoteChoice; weight: number }
  /** Ballots are changeable and the voter proved the stored ballot is theirs: replace it; the last one counts. */
  | { kind: 'replace'; channel: VoteChannel; choice: VoteChoice; weight: number };

/** Decides one ballot: accepted, an idempotent repeat, a change, or a refusal that says what to do. */
export function decideBallot(attempt: BallotAttempt): BallotDecision {
  if (attempt.voteState !== 'open') throw new VoteClosed(notOpenMessage(attempt.voteState));
  const voter = assertEligible(attempt.entry, attempt.ruleset);
  assertVoterChannel(voter.channel, attempt.channel);
  const choice = parseVoteChoice(attempt.choice);
  const ballot = { channel: voter.channel, choice, weight: voter.weight };

  const existing = attempt.existingParticipation;
  if (existing === null) return { kind: 'accept', ...ballot };
  if (existing.sameBallotKey && existing.sameChoice) return { kind: 'duplicate', ...ballot };
  if (!attempt.ballotsChangeable) {
    throw new Conflict(
      'You have already voted in this vote, and ballots cannot be changed once cast. Your first ballot stands.',
    );
  }
  if (!existing.sameBallotKey) {
    throw new Conflict(
      'You have already voted in this vote. To change your ballot, send the change from the device you voted on, or with the receipt you were given.',
    );
  }
  return { kind: 'replace', ...ballot };
}

function assertEligible(entry: EligibilityEntry | undefined, ruleset?: Ruleset) {
  if (entry === undefined) {
    throw new Forbidden(
      'You were not on the register of attendees when this vote opened, so you cannot vote in it. Check in or confirm your connection before the next vote.',
    );
  }
  if (!entry.eligible) throw new Forbidden(describeIneligibility(entry, ruleset), { reason: entry.reason });
  return entry;
}

/** No double counting across channels: the attendance mode when the vote opened fixed the one channel. */
function assertVoterChannel(voterChannel: VoteChannel, sentThrough: VoteChannel): void {
  // Hall votes exist only as the tellers' count; an individual 'hall' ballot would be counted twice.
  if (sentThrough === 'hall') {
    throw new InvalidInput(
      'Hall votes are counted by the tellers on a show of cards, not sent as ballots. Enter a teller count instead.',
      {
        channel: 'hall votes are teller counts',
      },
    );
  }
  if (voterChannel === sentThrough) return;
  if (voterChannel === 'hall') {
    throw new StandingOrderViolation(
      'one-channel-per-voter',
      'You were in the hall when this vote opened, so your vote is counted by the tellers on the show of cards; you cannot also vote electronically. Raise your card in the hall.',
    );
  }
  if (voterChannel === 'card') {
    throw new StandingOrderViolation(
      'one-channel-per-voter',
      "This is a card vote: cast your body's card as its card holder, not an individual ballot.",
    );
  }
  throw new StandingOrderViolation(
    'one-channel-per-voter',
    'Your vote in this vote is cast on your device. Send it as an electronic ballot.',
  );
}

export function parseVoteChoice(choice: unknown): VoteChoice {
  if (typeof choice === 'string' && (VOTE_CHOICES as readonly string[]).includes(choice))
    return choice as VoteChoice;
  throw new InvalidInput(
    `A ballot must be one of ${VOTE_CHOICES.join(', ')}. Choose one and send it again.`,
    {
      choice: `must be one of ${VOTE_CHOICES.join(', ')}`,
    },
  );
}
