import type { CountStage, StageAction } from './election.types';

/** Builds the stage table as a count goes: each stage's votes, its changes, and the running totals. */
export class StageRecorder {
  readonly stages: CountStage[] = [];
  /** Votes at the end of each recorded stage, for the tie-break's look-back. */
  readonly history: number[][] = [];
  private previous: number[];

  constructor(
    private readonly totalValue: number,
    candidateCount: number,
  ) {
    this.previous = new Array<number>(candidateCount).fill(0);
  }

  record(
    action: StageAction,
    description: string,
    votes: readonly number[],
    nonTransferable: number,
    quota: number | null,
    elected: number[],
    excluded: number[],
  ): CountStage {
    const previousNonTransferable = this.stages.length
      ? this.stages[this.stages.length - 1].nonTransferable
      : 0;
    const held = votes.reduce((a, b) => a + b, 0);
    const stage: CountStage = {
      number: this.stages.length + 1,
      action,
      description,
      quota,
      votes: [...votes],
      transfers: votes.map((v, c) => v - this.previous[c]),
      nonTransferable,
      nonTransferableThisStage: nonTransferable - previousNonTransferable,
      roundingLoss: this.totalValue - held - nonTransferable,
      elected,
      excluded,
    };
    this.stages.push(stage);
    this.history.push([...votes]);
    this.previous = [...votes];
    return stage;
  }

  /** Marks candidates elected at the end of the latest stage (they reached the quota through it). */
  addElected(candidates: number[]): void {
    if (this.stages.length) this.stages[this.stages.length - 1].elected.push(...candidates);
  }
}

export function listNames(names: readonly string[], candidates: readonly number[]): string {
  const named = candidates.map((c) => names[c]);
  if (named.length <= 1) return named.join('');
  return `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}
