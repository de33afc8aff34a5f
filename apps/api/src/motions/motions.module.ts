import { Module } from '@nestjs/common';
import { ConferenceSetupRepository } from '@agm/persistence/conference-setup';
import { MotionRepository } from '@agm/persistence/motions';
import { MotionQueries } from './motion.queries';
import { MotionsController } from './motions.controller';
import { MotionDocuments } from './motion-documents.service';
import { Amendments } from './use-cases/amendments.use-case';
import { OrderOfBusiness } from './use-cases/agenda.use-case';
import { ArrangeOrderOfBusiness } from './use-cases/arrange-agenda.use-case';
import { MoveSectionOnAgenda } from './use-cases/move-section.use-case';
import { PlaceAdmittedMotion, SlotEmergencyMotion } from './use-cases/place-motion.use-case';
import { ImportBooklet } from './use-cases/import-booklet.use-case';
import { CompositeMotions } from './use-cases/composite-motions.use-case';
import { DraftMotion } from './use-cases/draft-motion.use-case';
import { DecideEmergencyMotion, RecordEmergencyAdmissionVote } from './use-cases/emergency-motion.use-case';
import { RecordMotionOutcome } from './use-cases/record-outcome.use-case';
import { ReviewMotion } from './use-cases/review-motion.use-case';
import { CorrectMotionTopics } from './use-cases/correct-topics.use-case';
import { SubmitMotion } from './use-cases/submit-motion.use-case';

/** Motions: submission by bodies, SOC review, emergency motions, amendments, composites, agenda and documents. */
@Module({
  controllers: [MotionsController],
  // The order of sections is the conference's (set-up's): the SOC's section moves write it there.
  providers: [MotionRepository, ConferenceSetupRepository, MotionQueries, DraftMotion, SubmitMotion, ReviewMotion, CorrectMotionTopics, CompositeMotions, DecideEmergencyMotion, RecordEmergencyAdmissionVote, Amendments, RecordMotionOutcome, OrderOfBusiness, ArrangeOrderOfBusiness, MoveSectionOnAgenda, PlaceAdmittedMotion, SlotEmergencyMotion, MotionDocuments, ImportBooklet],
  // The voting/debate side records the meeting's vote on admitting an emergency motion through this use case.
  // The demo seed drafts, submits, admits and publishes its motions through the same use cases.
  exports: [RecordEmergencyAdmissionVote, RecordMotionOutcome, MotionRepository, DraftMotion, SubmitMotion, ReviewMotion, OrderOfBusiness],
})
export class MotionsModule {}
