import { Module } from '@nestjs/common';
import { RegistrationModule } from '../registration/registration.module';
import { ConferenceGateway } from './conference.gateway';
import { RemotePresence } from './remote-presence';

@Module({
  imports: [RegistrationModule],
  providers: [ConferenceGateway, RemotePresence],
})
export class RealtimeModule {}
