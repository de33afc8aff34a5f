import { Module } from '@nestjs/common';

/** Voting: controllers, socket handlers and use cases of this feature. */
@Module({})
export class VotingModule {}
