import { Module } from '@nestjs/common';
import { RegistrationModule } from '../registration/registration.module';
import { ConferenceGateway } from './conference.gateway';

@Module({
  imports: [RegistrationModule],
  providers: [ConferenceGateway],
})
export class RealtimeModule {}
