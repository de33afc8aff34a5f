/**
 * The shapes every counting method shares. Candidates are numbered from 0 in the order given;
 * a ballot lists candidate numbers, most preferred first (for first past the post, the marked ones).
 * Vote values are fixed-point integers in hundred-thousandths of a vote (see fixed-point.ts).
 */

export type CountingMethod = 'first-past-the-post' | 'instant-runoff' | 'scottish-stv' | 'meek-stv';

export interface ElectionCandidate {
  name: string;
  /** Groups the candidate self-identifies with, for reserved seats ("women", "black members", …). */
  groups?: readonly string[];
}

export interface RankedBallot {
  /** Candidate numbers, most preferred first. */
  preferences: readonly number[];
  /** How many identical ballots this line stands for (BLT files group them); 1 when absent. */
  count?: number;
}

/** "At least `atLeast` of the seats go to candidates who self-identify as `group`." */
export interface ReservedSeats {
  group: string;
  atLeast: number;
}

export interface ElectionInput {
  candidates: readonly ElectionCandidate[];
  seats: number;
  ballots: readonly RankedBallot[];
  /** Candidates who withdrew after the ballot was printed: passed over on every ballot. */
  withdrawn?: readonly number[];
  reservedSeats?: readonly ReservedSeats[];
  /**
   * The returning officer's seed for any draw by lot, given before the count (e.g. read aloud from
   * dice or a lottery draw). A count that needs a draw and has no seed stops and says so.
   */
  lotSeed?: string;
}

/** A draw by lot as it is logged: anyone with the seed can repeat it (see lot.ts). */
export interface LotDraw {
  /** 1 for the first draw of the count, 2 for the next… */
  number: number;
  stage: number;
  /** What the draw decided, in words: "which of the tied candidates is excluded". */
  purpose: string;
  /** The tied candidates, by number, in the order their keys were computed. */
  among: number[];
  /** The candidate the draw picked. */
  chosen: number;
  /** sha256("<seed>:<draw number>:<candidate name>") for each of `among`; the lowest is picked. */
  keys: string[];
}

export type StageAction =
  | { kind: 'first-preferences' }
  | { kind: 'surplus'; candidate: number; surplus: number }
  | { kind: 'exclusion'; candidates: number[]; reason: 'lowest' | 'reserved-seats' }
  | { kind: 'keep-factors'; candidates: number[] }
  | { kind: 'marks' };

export interface CountStage {
  /** 1 for the first stage. */
  number: number;
  action: StageAction;
  /** What happened, in a returning officer's words, candidates named. */
  description: string;
  /** The quota (or, for instant runoff, the majority needed) in force at this stage. */
  quota: number | null;
  /** Each candidate's votes at the end of the stage, by candidate number. */
  votes: number[];
  /** What each candidate gained (or lost) at this stage. */
  transfers: number[];
  /** Votes set aside as non-transferable so far, and at this stage alone. */
  nonTransferable: number;
  nonTransferableThisStage: number;
  /** Value lost so far by ignoring remainders past the fifth decimal place. */
  roundingLoss: number;
  /** Elected and excluded at the end of this stage. */
  elected: number[];
  excluded: number[];
}

export interface ElectionCount {
  method: CountingMethod;
  candidates: string[];
  seats: number;
  /** Ballots counted (whole ballots). */
  validBallots: number;
  /** First past the post: ballots with more marks than seats, set aside. */
  invalidBallots: number;
  /** The quota at the first stage (Meek's falls as votes are exhausted: see each stage). */
  quota: number | null;
  stages: CountStage[];
  /** In the order they were elected. */
  elected: number[];
  /** In the order they were excluded. */
  excluded: number[];
  draws: LotDraw[];
  /** Anything the returning officer must know: a reservation capped, a seat left unfilled. */
  notes: string[];
}
