import { Module } from '@nestjs/common';
import { RegistrationRepository } from '@agm/persistence';
import { ConferenceSetupRepository } from '@agm/persistence/conference-setup';
import { CreateConference } from '../conferences/use-cases/create-conference.use-case';
import { MembershipModule } from '../membership/membership.module';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { MotionsModule } from '../motions/motions.module';
import { RegistrationModule } from '../registration/registration.module';
import { RemoteModule } from '../remote/remote.module';
import { DemoSeed } from '../seed/demo-seed';
import { AccountsController } from './accounts.controller';
import { ConferenceSetupController } from './conference-setup.controller';
import { ConferenceSetupQueries } from './conference-setup.queries';
import { AssignRoles } from './use-cases/assign-roles.use-case';
import { ChangeRuleset } from './use-cases/change-ruleset.use-case';
import { CreateAccount } from './use-cases/create-account.use-case';
import { ManageSections } from './use-cases/manage-sections.use-case';
import { OpenConference } from './use-cases/open-conference.use-case';
import { SetDeadlines } from './use-cases/set-deadlines.use-case';

/** Conference set-up: deadlines, the versioned ruleset, sections, roles, official accounts, and the demo seed. */
@Module({
  // The demo seed writes through the register imports, conference creation, registration, presence,
  // monitoring answers, motions and remote links use cases.
  imports: [MembershipModule, RegistrationModule, MonitoringModule, MotionsModule, RemoteModule],
  controllers: [ConferenceSetupController, AccountsController],
  providers: [
    ConferenceSetupRepository,
    ConferenceSetupQueries,
    SetDeadlines,
    ChangeRuleset,
    ManageSections,
    AssignRoles,
    OpenConference,
    CreateAccount,
    CreateConference,
    RegistrationRepository,
    DemoSeed,
  ],
  exports: [
    ConferenceSetupRepository,
    SetDeadlines,
    ChangeRuleset,
    ManageSections,
    AssignRoles,
    OpenConference,
    CreateAccount,
  ],
})
export class ConferenceSetupModule {}
