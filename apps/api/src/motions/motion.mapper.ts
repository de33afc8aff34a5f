import { assessAmendment, type AmendmentText } from '@agm/domain';
import type { MotionAuditEntryDto, MotionResponseDto } from '@agm/contracts';
import type { MotionAuditRow, MotionRow } from '@agm/persistence/motions';

export function toMotionResponse(row: MotionRow, wordLimit: number, parentText?: string): MotionResponseDto {
  const response: MotionResponseDto = {
    id: row.id,
    conferenceId: row.conferenceId,
    kind: row.kind,
    parentMotionId: row.parentMotionId,
    title: row.title,
    text: row.text,
    amendedText: row.amendedText,
    status: row.status,
    statusReason: row.statusReason,
    sectionId: row.sectionId,
    submittingBodyId: row.submittingBodyId,
    submitterBodyIds: row.submitterBodyIds,
    proposerMemberId: row.proposerMemberId,
    seconderMemberId: row.seconderMemberId,
    topics: row.topics,
    agreedOn: row.agreedOn,
    agendaNumber: row.agendaNumber,
    agendaLabel: row.agendaLabel,
    wordCount: row.wordCount,
    wordLimit,
    overWordLimit: row.overWordLimit,
    compositeId: row.compositeId,
    submittedAt: row.submittedAt ? row.submittedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
  if (row.kind === 'emergency_motion' && row.emergencyAnswers) {
    response.emergency = { stage: row.emergencyStage, answers: { ...row.emergencyAnswers }, socReason: row.emergencySocReason };
  }
  if (row.kind === 'amendment' && row.amendmentText) {
    const given: AmendmentText = row.amendmentText;
    // Advice for the SOC and chair, worked out from the motion as it would read (DOMAIN.md: relevant, keeps wording, not a direct negative).
    const assessment = parentText !== undefined && row.amendedText !== null ? assessAmendment(parentText, row.amendedText) : null;
    response.amendment = {
      ...('replacement' in given ? { replacement: given.replacement } : { instructions: given.instructions }),
      acceptedByMover: row.acceptedByMoverAt !== null,
      ruling: row.amendmentRuling,
      rulingReason: row.amendmentRulingReason,
      advisories: assessment?.advisories ?? [],
      looksLikeDirectNegative: assessment?.looksLikeDirectNegative ?? false,
    };
  }
  return response;
}

export function toAuditResponse(row: MotionAuditRow): MotionAuditEntryDto {
  return { action: row.action, who: row.who, role: row.role, at: new Date(row.at).toISOString(), why: row.why, fromStatus: row.fromStatus, toStatus: row.toStatus };
}
