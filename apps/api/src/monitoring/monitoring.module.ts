import { Module } from '@nestjs/common';
import {
  MonitoringAnswerRepository,
  MonitoringFormRepository,
  MonitoringLabelRepository,
  MonitoringSourceRepository,
} from '@agm/persistence/monitoring';
import { MonitoringController } from './monitoring.controller';
import { MonitoringData } from './monitoring.data';
import { MonitoringKeys } from './monitoring-keys';
import { LiveMonitoring } from './monitoring.live';
import { MonitoringQueries } from './monitoring.queries';
import { SaveMyAnswers } from './use-cases/save-my-answers.use-case';
import { SetUnionQuestions } from './use-cases/set-union-questions.use-case';

/**
 * Speaker monitoring: the attendee's own equality answers, the monitors' suppressed statistics (JSON,
 * CSV, printable HTML, PDF, comparison across AGMs) and the live view. Only the attendee's own save is
 * exported (the demo seed answers as each demo attendee): no other module can compute a pseudonymous
 * key or read an answer.
 */
@Module({
  controllers: [MonitoringController],
  providers: [
    MonitoringKeys,
    MonitoringAnswerRepository,
    MonitoringFormRepository,
    MonitoringSourceRepository,
    MonitoringLabelRepository,
    MonitoringData,
    MonitoringQueries,
    SaveMyAnswers,
    SetUnionQuestions,
    LiveMonitoring,
  ],
  exports: [SaveMyAnswers],
})
export class MonitoringModule {}
