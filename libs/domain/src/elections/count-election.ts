import type { CountingMethod, ElectionCount, ElectionInput } from './election.types';
import { countFirstPastThePost } from './first-past-the-post';
import { countInstantRunoff } from './instant-runoff';
import { countMeekStv } from './meek-stv';
import { countScottishStv } from './scottish-stv';

/** One entry point for the api: the post's counting method picks the count. */
export function countElection(method: CountingMethod, input: ElectionInput): ElectionCount {
  switch (method) {
    case 'first-past-the-post':
      return countFirstPastThePost(input);
    case 'instant-runoff':
      return countInstantRunoff(input);
    case 'scottish-stv':
      return countScottishStv(input);
    case 'meek-stv':
      return countMeekStv(input);
  }
}
