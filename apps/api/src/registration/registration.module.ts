import { Module } from '@nestjs/common';
import { RecordCardNumber } from './use-cases/record-card-number.use-case';
import { ApplicationRepository, RegistrationJobRepository, RegistrationRepository } from '@agm/persistence';
import { ApplicationsController, ApplyController } from './applications.controller';
import { ApplyToAttend, DecideApplications } from './use-cases/applications.use-case';
import { CodeNotices } from './code-notices';
import { LostCodeThrottle } from './lost-code-throttle';
import { QuorumQueries } from './quorum.queries';
import { LostCodeController, RegistrationController } from './registration.controller';
import { ChangeAccessCode } from './use-cases/access-code.use-case';
import { PrintLetters } from './use-cases/print-letters.use-case';
import { RecordPresence } from './use-cases/record-presence.use-case';
import { RegisterAttendee } from './use-cases/register-attendee.use-case';
import { RegisterInBulk } from './use-cases/register-in-bulk.use-case';
import { RequestNewCode } from './use-cases/request-new-code.use-case';
import { SwitchAttendance } from './use-cases/switch-attendance.use-case';

@Module({
  controllers: [RegistrationController, LostCodeController, ApplyController, ApplicationsController],
  providers: [
    RegistrationRepository,
    RegistrationJobRepository,
    QuorumQueries,
    CodeNotices,
    LostCodeThrottle,
    RegisterAttendee,
    RegisterInBulk,
    ChangeAccessCode,
    PrintLetters,
    RequestNewCode,
    SwitchAttendance,
    RecordPresence,
    RecordCardNumber,
    ApplicationRepository,
    ApplyToAttend,
    DecideApplications,
  ],
  exports: [RecordPresence, QuorumQueries, RegisterAttendee],
})
export class RegistrationModule {}
