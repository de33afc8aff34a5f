import { Majority, TieRule, VoteChannel, VoteChoice } from '../enums';
import { HashFunction, receiptHash } from './receipts';
import { applyCastingVote, tallyVote, TallyResult } from './tally';

/**
 * The independent scrutineer's check of a vote's export (`agm-vote-export/v1`, GET …/votes/:id/export;
 * `npm run verify -- <file>`). It recounts every figure from the ballots and the tellers' hall count,
 * compares each with the result the system declared, and checks the published receipts and the
 * register of who took part. Pure: the file is read and the verdict printed by the command.
 * docs/voting.md says what a "verified" proves and what it cannot.
 */
export const VOTE_EXPORT_FORMAT = 'agm-vote-export/v1';

export interface VoteExportBallot {
  receiptHash: string;
  choice: VoteChoice;
  weight: number;
  channel: VoteChannel;
  memberId?: string | null;
}

export interface VoteExport {
  format: string;
  vote: {
    id: string;
    title: string;
    method: string;
    majority: Majority;
    tieRule: TieRule;
    secret: boolean;
    state: string;
    eligibleCount: number;
    eligibleWeight: number;
    hallHeadcount: number;
  };
  register: Array<{ eligible: boolean; channel: string | null; weight: number; voted: boolean }>;
  ballots: VoteExportBallot[];
  hallCount: { for: number; against: number; abstain: number } | null;
  result: (TallyResult & { castingVote?: 'for' | 'against' }) | null;
}

export interface VerificationCheck {
  ok: boolean;
  /** One line a person reads: what was checked, and on failure the published figure and the recount. */
  line: string;
}

export interface VerificationReport {
  verified: boolean;
  title: string;
  /** The recount, per channel and in total (null when the file could not be recounted at all). */
  recount: TallyResult | null;
  receiptsChecked: number;
  checks: VerificationCheck[];
}

const CHOICES: readonly VoteChoice[] = ['for', 'against', 'abstain'];
const CHANNELS = ['electronic', 'hall', 'card'] as const;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function verifyVoteExport(exported: VoteExport): VerificationReport {
  const checks: VerificationCheck[] = [];
  const check = (ok: boolean, line: string) => checks.push({ ok, line });
  const title = String(exported?.vote?.title ?? '(no title)');
  const failed = (line: string): VerificationReport => ({ verified: false, title, recount: null, receiptsChecked: 0, checks: [...checks, { ok: false, line }] });

  if (exported?.format !== VOTE_EXPORT_FORMAT) return failed(`The file is not a vote export in the format ${VOTE_EXPORT_FORMAT} (it says ${JSON.stringify(exported?.format ?? null)}).`);
  if (!Array.isArray(exported.ballots) || !Array.isArray(exported.register) || !exported.vote) return failed('The export lacks its vote, register or ballots.');
  const { vote, ballots, register, hallCount, result } = exported;

  // The receipts: each a well-formed entry, each once, in hash order (so the order of casting is not in the list).
  let wellFormed = 0;
  ballots.forEach((ballot, index) => {
    const problems = [
      SHA256_HEX.test(String(ballot.receiptHash)) ? null : 'a receipt hash that is not 64 hexadecimal characters',
      CHOICES.includes(ballot.choice) ? null : `an unknown choice ${JSON.stringify(ballot.choice)}`,
      Number.isSafeInteger(ballot.weight) && ballot.weight >= 1 ? null : `a weight of ${JSON.stringify(ballot.weight)}`,
      ballot.channel === 'electronic' || ballot.channel === 'card' ? null : `an unknown channel ${JSON.stringify(ballot.channel)}`,
    ].filter((problem): problem is string => problem !== null);
    if (problems.length) check(false, `Ballot ${index + 1} (receipt ${String(ballot.receiptHash).slice(0, 12)}…) has ${problems.join(' and ')}.`);
    else wellFormed++;
  });
  const outOfOrder = ballots.findIndex((ballot, i) => i > 0 && !(ballots[i - 1].receiptHash < ballot.receiptHash));
  check(
    outOfOrder === -1,
    outOfOrder === -1
      ? `${ballots.length} receipts checked: each a SHA-256 hash, each once, in hash order.`
      : `Ballot ${outOfOrder + 1} (receipt ${String(ballots[outOfOrder].receiptHash).slice(0, 12)}…) is ${ballots[outOfOrder - 1].receiptHash === ballots[outOfOrder].receiptHash ? 'a second ballot with the same receipt' : 'out of hash order'}.`,
  );
  if (wellFormed !== ballots.length) return { verified: false, title, recount: null, receiptsChecked: wellFormed, checks };

  // Who took part (never how): as many ballots per channel as members marked as having voted, with the same weight.
  for (const channel of ['electronic', 'card'] as const) {
    const voted = register.filter((entry) => entry.voted && entry.channel === channel);
    const cast = ballots.filter((ballot) => ballot.channel === channel);
    const weigh = (items: Array<{ weight: number }>) => items.reduce((sum, item) => sum + item.weight, 0);
    if (voted.length === 0 && cast.length === 0) continue;
    check(
      voted.length === cast.length && weigh(voted) === weigh(cast),
      `${label(channel)}: ${cast.length} ballots (weight ${weigh(cast)}) for ${voted.length} members on the register marked as having voted (weight ${weigh(voted)}).`,
    );
  }
  const votedIneligible = register.filter((entry) => entry.voted && !entry.eligible).length;
  check(votedIneligible === 0, votedIneligible === 0 ? 'Everyone marked as having voted was eligible when the vote opened.' : `${votedIneligible} members marked as having voted were not eligible when the vote opened.`);
  if (hallCount) {
    const counted = hallCount.for + hallCount.against + hallCount.abstain;
    check(counted <= vote.hallHeadcount, `Hall: the tellers counted ${counted} cards, of ${vote.hallHeadcount} members eligible in the hall.`);
  }

  let recount: TallyResult;
  try {
    recount = tallyVote({
      electronicBallots: ballots.filter((b) => b.channel === 'electronic'),
      cardBallots: ballots.filter((b) => b.channel === 'card'),
      hallCount: hallCount ?? undefined,
      majority: vote.majority,
      tieRule: vote.tieRule,
      eligibleCount: vote.method === 'card_vote' ? vote.eligibleWeight : vote.eligibleCount,
    });
  } catch (error) {
    return failed(`The ballots cannot be counted: ${(error as Error).message}`);
  }
  if (!result) {
    check(false, 'No result was declared in this export (the hall count may still be awaited): there is nothing published to check the recount against.');
    return { verified: false, title, recount, receiptsChecked: ballots.length, checks };
  }

  // Every published figure against the recount, one line each.
  const figure = (what: string, published: unknown, recounted: unknown) =>
    check(published === recounted, published === recounted ? `${what}: ${String(recounted)}.` : `${what}: the published result says ${String(published)}, the ballots in this file add up to ${String(recounted)}.`);
  for (const channel of CHANNELS) {
    for (const choice of CHOICES) figure(`${label(channel)}, ${choice}`, result.channels?.[channel]?.[choice], recount.channels[channel][choice]);
  }
  for (const choice of CHOICES) figure(`Total, ${choice}`, result.totals?.[choice], recount.totals[choice]);
  figure('Turnout, voted', result.turnout?.voted, recount.turnout.voted);
  figure('Turnout, eligible', result.turnout?.eligible, recount.turnout.eligible);
  figure('Votes for needed', result.threshold?.forNeeded, recount.threshold.forNeeded);
  const outcome = result.castingVote && recount.outcome === 'tied_chair_casting_vote_needed' ? applyCastingVote(recount.outcome, result.castingVote) : recount.outcome;
  figure(`Outcome${result.castingVote ? ` (with the chair's casting vote ${result.castingVote})` : ''}`, result.outcome, outcome);

  return { verified: checks.every((c) => c.ok), title, recount, receiptsChecked: ballots.length, checks };
}

/** A voter's own check: is the ballot their receipt code and choice make in the list? */
export function receiptInExport(exported: Pick<VoteExport, 'vote' | 'ballots'>, receiptCode: string, choice: VoteChoice, weight: number, hash: HashFunction): VoteExportBallot | undefined {
  const mine = receiptHash({ voteId: exported.vote.id, receiptCode, choice, weight }, hash);
  return exported.ballots.find((ballot) => ballot.receiptHash === mine && ballot.choice === choice && ballot.weight === weight);
}

function label(channel: (typeof CHANNELS)[number]): string {
  return channel === 'electronic' ? 'Electronic ballots' : channel === 'hall' ? 'Hall (tellers)' : 'Card ballots';
}
