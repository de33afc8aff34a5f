import { Module } from '@nestjs/common';

/** Motions: controllers, socket handlers and use cases of this feature. */
@Module({})
export class MotionsModule {}
