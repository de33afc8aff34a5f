import { Module } from '@nestjs/common';

/** Debate: controllers, socket handlers and use cases of this feature. */
@Module({})
export class DebateModule {}
