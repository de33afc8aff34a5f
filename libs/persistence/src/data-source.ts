import { DataSourceOptions } from 'typeorm';
import { ConferenceEntity } from './entities/conference.entity';
import { ConferenceEventEntity } from './entities/conference-event.entity';
import { ElectionPostEntity, NominationEntity } from './entities/election-post.entity';
import { Foundation1763870000000 } from './migrations/1763870000000-Foundation';
import { Membership1763880000000 } from './migrations/1763880000000-Membership';
import { ConferenceSetup1763900000000 } from './migrations/1763900000000-ConferenceSetup';
import { Motions1763910000000 } from './migrations/1763910000000-Motions';
import { Voting1763920000000 } from './migrations/1763920000000-Voting';
import { Debate1763930000000 } from './migrations/1763930000000-Debate';
import { Monitoring1763940000000 } from './migrations/1763940000000-Monitoring';
import { ProjectorLinks1763960000000 } from './migrations/1763960000000-ProjectorLinks';
import { VoteCardHolders1763970000000 } from './migrations/1763970000000-VoteCardHolders';
import { ResolutionRegister1764950000000 } from './migrations/1764950000000-ResolutionRegister';
import { PresenceLeases1765000000000 } from './migrations/1765000000000-PresenceLeases';
import { TellerCountAcceptance1765100000000 } from './migrations/1765100000000-TellerCountAcceptance';
import { SealedBallots1764300000000 } from './migrations/1764300000000-SealedBallots';
import { ElectionPosts1796456500000 } from './migrations/1796456500000-ElectionPosts';
import { MoreMajorities1797300000000 } from './migrations/1797300000000-MoreMajorities';
import { RemoteLinks1797500000000 } from './migrations/1797500000000-RemoteLinks';
import { SelfApplication1797650000000 } from './migrations/1797650000000-SelfApplication';
import { ReportVersion1797660000000 } from './migrations/1797660000000-ReportVersion';
import { RegistrationDelivery1797200000000 } from './migrations/1797200000000-RegistrationDelivery';
import { ElectionBallots1797100000000 } from './migrations/1797100000000-ElectionBallots';
import { MinutesApproval1797400000000 } from './migrations/1797400000000-MinutesApproval';
import { SpoiltPapers1797610000000 } from './migrations/1797610000000-SpoiltPapers';
import { VoidElectionBallots1797620000000 } from './migrations/1797620000000-VoidElectionBallots';
import { ConferenceReports1797620000000 } from './migrations/1797620000000-ConferenceReports';
import { StewardsAndCards1797630000000 } from './migrations/1797630000000-StewardsAndCards';

/** Every entity, listed (not globbed) so the same list works from TypeScript and from the build. */
export const ENTITIES = [ConferenceEntity, ConferenceEventEntity, ElectionPostEntity, NominationEntity];

/** Every migration, in order. The same migrations run on the embedded database and on PostgreSQL. */
export const MIGRATIONS = [
  Foundation1763870000000,
  Membership1763880000000,
  ConferenceSetup1763900000000,
  Motions1763910000000,
  Voting1763920000000,
  Debate1763930000000,
  Monitoring1763940000000,
  ProjectorLinks1763960000000,
  VoteCardHolders1763970000000,
  SealedBallots1764300000000,
  ResolutionRegister1764950000000,
  PresenceLeases1765000000000,
  TellerCountAcceptance1765100000000,
  ElectionPosts1796456500000,
  MoreMajorities1797300000000,
  RemoteLinks1797500000000,
  RegistrationDelivery1797200000000,
  ElectionBallots1797100000000,
  MinutesApproval1797400000000,
  SpoiltPapers1797610000000,
  VoidElectionBallots1797620000000,
  ConferenceReports1797620000000,
  StewardsAndCards1797630000000,
  SelfApplication1797650000000,
  ReportVersion1797660000000,
];

export interface DatabaseConnection {
  url: string;
  /** The embedded database is one connection, so its pool is one; a real server gets a pool. */
  embedded: boolean;
}

/** The one description of the database, shared by the app, the tests and the migration CLI. */
export function buildDataSourceOptions(connection: DatabaseConnection): DataSourceOptions {
  return {
    type: 'postgres',
    url: connection.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: connection.embedded ? 1 : 20 },
  };
}
