import type { ElectionBallotDto } from '@agm/contracts';
import { readMarkedPaper, readRankedPaper, type PaperReading } from '@agm/domain/elections/paper-reading';
import type { Keyed } from './PaperMarks';

/** The keyed paper as the api takes it (nomination ids, most preferred first), or what is wrong with it. */
export function readKeyed(ballot: ElectionBallotDto, keyed: Keyed): PaperReading {
  const candidates = ballot.candidates.map((c) => ({ id: c.nominationId, name: c.name }));
  return ballot.ranked ? readRankedPaper(candidates, keyed.numbers) : readMarkedPaper(candidates, new Set(keyed.marks), ballot.seats);
}

/** The reading in words, as the api words a ballot: "1. Ann Archer, 2. Cat Cole" or "Ann Archer; Cat Cole". */
export function readingInWords(ballot: ElectionBallotDto, order: string[]): string {
  const name = (id: string) => ballot.candidates.find((c) => c.nominationId === id)?.name ?? '';
  return ballot.ranked ? order.map((id, i) => `${i + 1}. ${name(id)}`).join(', ') : order.map(name).join('; ');
}
