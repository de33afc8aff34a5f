import { Module } from '@nestjs/common';
import { ProjectorLinkQueries } from './projector-link.queries';
import { ProjectorLinksController } from './projector-links.controller';
import { IssueProjectorLink } from './use-cases/issue-projector-link.use-case';
import { RevokeProjectorLink } from './use-cases/revoke-projector-link.use-case';

/** The hall's read-only projector links (the principal they sign in is in auth/authenticator.ts). */
@Module({
  controllers: [ProjectorLinksController],
  providers: [IssueProjectorLink, RevokeProjectorLink, ProjectorLinkQueries],
})
export class ProjectorModule {}
