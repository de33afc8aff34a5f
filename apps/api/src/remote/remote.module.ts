import { Module } from '@nestjs/common';
import { DebateLogRepository } from '@agm/persistence/debate';
import { RemoteLinksRepository } from '@agm/persistence/remote';
import { RemoteLinksController } from './remote-links.controller';
import { RemoteLinksQueries } from './remote-links.queries';
import { SayRoomJoined } from './use-cases/say-room-joined.use-case';
import { SetRemoteLinks } from './use-cases/set-remote-links.use-case';

/** Remote speaking and watching: the livestream and the speakers' room (external services), and who joined. */
@Module({
  controllers: [RemoteLinksController],
  providers: [RemoteLinksRepository, DebateLogRepository, SetRemoteLinks, SayRoomJoined, RemoteLinksQueries],
  // The demo seed sets the demo conference's speakers' room through the same use case as head office.
  exports: [SetRemoteLinks],
})
export class RemoteModule {}
