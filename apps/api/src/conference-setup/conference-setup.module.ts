import { Module } from '@nestjs/common';

/** ConferenceSetup: controllers, socket handlers and use cases of this feature. */
@Module({})
export class ConferenceSetupModule {}
