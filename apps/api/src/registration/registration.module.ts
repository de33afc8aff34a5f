import { Module } from '@nestjs/common';
import { RegistrationRepository } from '@agm/persistence';
import { QuorumQueries } from './quorum.queries';
import { RegistrationController } from './registration.controller';
import { ChangeAccessCode } from './use-cases/access-code.use-case';
import { RecordPresence } from './use-cases/record-presence.use-case';
import { RegisterAttendee } from './use-cases/register-attendee.use-case';

@Module({
  controllers: [RegistrationController],
  providers: [RegistrationRepository, QuorumQueries, RegisterAttendee, ChangeAccessCode, RecordPresence],
  exports: [RecordPresence, QuorumQueries],
})
export class RegistrationModule {}
