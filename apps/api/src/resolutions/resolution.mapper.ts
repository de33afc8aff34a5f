import { mayReportProgress, Principal, RESOLUTION_STATUS_WORDS, resolutionName } from '@agm/domain';
import type { ResolutionSummaryDto } from '@agm/contracts';
import type { ResolutionRow } from '@agm/persistence/resolutions';

/** Topic codes as words for people: "pay_and_conditions" → "Pay and conditions". */
export function topicWords(topic: string): string {
  const words = topic.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function toResolutionSummary(row: ResolutionRow, principal: Principal): ResolutionSummaryDto {
  return {
    id: row.id,
    year: row.year,
    number: row.number,
    name: resolutionName(row),
    title: row.title,
    text: row.text,
    sectionHeading: row.sectionHeading,
    movedBy: row.movedBy,
    moverBodyIds: row.moverBodyIds,
    outcome: row.outcome,
    vote: row.vote,
    topics: row.topics.map(topicWords),
    ownerName: row.ownerName,
    ownerBodyId: row.ownerBodyId,
    ownerAccountId: row.ownerAccountId,
    targetDate: row.targetDate,
    status: row.status,
    statusText: RESOLUTION_STATUS_WORDS[row.status],
    statusReason: row.statusReason,
    latestProgressOn: row.latestProgressOn,
    latestProgressText: row.latestProgressText,
    mayReportProgress: mayReportProgress(principal, row),
  };
}

/** Who did it, for the register's audit: the account's name, or the member's. */
export function actorName(principal: Principal): string {
  return principal.name;
}

export function actorAccount(principal: Principal): string | null {
  return principal.kind === 'account' ? principal.accountId : null;
}
