import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { text } from 'express';
import { REGISTER_CSV_BODY_LIMIT } from '@agm/contracts';
import { MembershipRepository } from '@agm/persistence';
import { MembershipController } from './membership.controller';
import { MembershipQueries } from './membership.queries';
import { ImportBodies } from './use-cases/import-bodies.use-case';
import { ImportMembers } from './use-cases/import-members.use-case';
import { ImportOfficers } from './use-cases/import-officers.use-case';

@Module({
  controllers: [MembershipController],
  providers: [MembershipRepository, ImportMembers, ImportBodies, ImportOfficers, MembershipQueries],
  exports: [MembershipRepository, ImportMembers, ImportBodies, ImportOfficers, MembershipQueries],
})
export class MembershipModule implements NestModule {
  /** Register files arrive as text/csv, larger than the app's 2 MB JSON limit; only these routes read them. */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(text({ type: ['text/csv', 'application/csv', 'text/plain'], limit: REGISTER_CSV_BODY_LIMIT }))
      .forRoutes(MembershipController);
  }
}
