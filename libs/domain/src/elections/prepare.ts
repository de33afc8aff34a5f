import { InvalidInput } from '../errors';
import type { ElectionInput, ReservedSeats } from './election.types';

/** Ballots with identical preferences grouped, as the count treats them (and BLT files store them). */
export interface BallotGroup {
  preferences: number[];
  count: number;
}

export interface PreparedElection {
  names: string[];
  seats: number;
  groups: BallotGroup[];
  validBallots: number;
  standing: boolean[];
}

/**
 * Checks the input once for every method and puts the ballots in the shape the counts use:
 * withdrawn candidates removed from every ballot, a candidate ranked twice kept at their first
 * (highest) preference only, identical ballots grouped, empty ballots left out.
 */
export function prepareElection(input: ElectionInput): PreparedElection {
  const names = input.candidates.map((c) => c.name);
  const n = names.length;
  if (n === 0)
    throw new InvalidInput('An election needs at least one candidate.', { candidates: 'none given' });
  if (!Number.isInteger(input.seats) || input.seats < 1) {
    throw new InvalidInput(
      `The number of seats must be a whole number of at least 1 (it was ${input.seats}).`,
      { seats: 'must be 1 or more' },
    );
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name))
      throw new InvalidInput(
        `Two candidates are both called "${name}": give each candidate a distinct name.`,
        { candidates: 'names must differ' },
      );
    seen.add(name);
  }
  const standing = names.map(() => true);
  for (const w of input.withdrawn ?? []) {
    if (!Number.isInteger(w) || w < 0 || w >= n)
      throw new InvalidInput(`Withdrawn candidate number ${w} is not on the ballot (1 to ${n}).`, {
        withdrawn: 'unknown candidate',
      });
    standing[w] = false;
  }
  const byKey = new Map<string, BallotGroup>();
  let validBallots = 0;
  input.ballots.forEach((ballot, index) => {
    const count = ballot.count ?? 1;
    if (!Number.isInteger(count) || count < 0) {
      throw new InvalidInput(
        `Ballot line ${index + 1} stands for ${count} ballots: that must be a whole number, 0 or more.`,
        { ballots: 'bad count' },
      );
    }
    const preferences: number[] = [];
    for (const c of ballot.preferences) {
      if (!Number.isInteger(c) || c < 0 || c >= n) {
        throw new InvalidInput(
          `Ballot line ${index + 1} names candidate number ${c + 1}, but there are ${n} candidates.`,
          { ballots: 'unknown candidate' },
        );
      }
      if (standing[c] && !preferences.includes(c)) preferences.push(c);
    }
    if (preferences.length === 0 || count === 0) return;
    validBallots += count;
    const key = preferences.join(',');
    const group = byKey.get(key);
    if (group) group.count += count;
    else byKey.set(key, { preferences, count });
  });
  // Grouping is in first-seen order; the counts never depend on it (a property test permutes it).
  return { names, seats: input.seats, groups: [...byKey.values()], validBallots, standing };
}

/**
 * Reserved seats, as the count applies them (docs/elections.md): each candidate counts towards at
 * most one reservation; a reservation larger than the number of its candidates still standing is
 * cut down to that number, with a note.
 */
export interface Reservation {
  groupOf: (number | null)[];
  need: number[];
  labels: string[];
  notes: string[];
}

export function prepareReservation(input: ElectionInput, standing: readonly boolean[]): Reservation | null {
  const reserved: readonly ReservedSeats[] = input.reservedSeats ?? [];
  if (reserved.length === 0) return null;
  const notes: string[] = [];
  const groupOf: (number | null)[] = input.candidates.map(() => null);
  const need: number[] = [];
  let total = 0;
  reserved.forEach((r, k) => {
    if (!Number.isInteger(r.atLeast) || r.atLeast < 1) {
      throw new InvalidInput(`Reserved seats for "${r.group}" must be a whole number of at least 1.`, {
        reservedSeats: 'must be 1 or more',
      });
    }
    if (reserved.findIndex((o) => o.group === r.group) !== k) {
      throw new InvalidInput(`Seats for "${r.group}" are reserved twice: give one reservation per group.`, {
        reservedSeats: 'duplicate group',
      });
    }
    let members = 0;
    input.candidates.forEach((c, i) => {
      if (!c.groups?.includes(r.group)) return;
      if (groupOf[i] !== null) {
        throw new InvalidInput(
          `${c.name} self-identifies with both "${reserved[groupOf[i]!].group}" and "${r.group}", and both have reserved seats. ` +
            'The count supports reservations for groups that do not overlap.',
          { reservedSeats: 'overlapping groups' },
        );
      }
      groupOf[i] = k;
      if (standing[i]) members++;
    });
    let atLeast = r.atLeast;
    if (atLeast > members) {
      notes.push(
        `${r.atLeast} ${r.atLeast === 1 ? 'seat was' : 'seats were'} reserved for candidates who self-identify as ${r.group}, but only ${members} such ${members === 1 ? 'candidate stands' : 'candidates stand'}: ${members === 0 ? 'no seat is' : `${members} ${members === 1 ? 'seat is' : 'seats are'}`} reserved.`,
      );
      atLeast = members;
    }
    need.push(atLeast);
    total += atLeast;
  });
  if (total > input.seats) {
    throw new InvalidInput(`More seats are reserved (${total}) than there are seats (${input.seats}).`, {
      reservedSeats: 'more than the seats',
    });
  }
  return { groupOf, need, labels: reserved.map((r) => r.group), notes };
}

/** How many reserved seats are still to be filled. */
export function seatsStillReserved(reservation: Reservation | null): number {
  return reservation ? reservation.need.reduce((a, b) => a + Math.max(0, b), 0) : 0;
}

/** Whether electing candidate c now would still leave room for every unfilled reservation. */
export function canStillBeElected(reservation: Reservation | null, c: number, seatsLeft: number): boolean {
  if (!reservation) return true;
  const group = reservation.groupOf[c];
  if (group !== null && reservation.need[group] > 0) return true;
  return seatsLeft - 1 >= seatsStillReserved(reservation);
}

export function recordElected(reservation: Reservation | null, c: number): void {
  if (!reservation) return;
  const group = reservation.groupOf[c];
  if (group !== null) reservation.need[group]--;
}

/** A candidate who may not be excluded because their group has no more candidates than reserved seats left. */
export function isProtected(
  reservation: Reservation | null,
  c: number,
  continuing: readonly number[],
): boolean {
  if (!reservation) return false;
  const group = reservation.groupOf[c];
  if (group === null || reservation.need[group] <= 0) return false;
  const left = continuing.filter((o) => reservation.groupOf[o] === group).length;
  return left <= reservation.need[group];
}
