import type { Majority } from '../enums';

// Its own file, importing only a type, so the web client can word a majority without the tally.
/** The majority in words, for a ballot, a result screen or the minutes ("a two-thirds majority"). */
export function majorityInWords(majority: Majority): string {
  switch (majority) {
    case 'simple':
      return 'simple majority';
    case 'two_thirds':
      return 'two-thirds majority';
    case 'votes_cast':
      return 'majority of votes cast, abstentions included';
    case 'entitled':
      return 'majority of those entitled to vote';
  }
}
