import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '@agm/config';
import { buildDataSourceOptions, OpenDatabase } from '@agm/persistence';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { APP_CONFIG } from './common/app-config.token';
import { createValidationPipe } from './common/validation';
import { AuthModule } from './auth/auth.module';
import { ConferencesModule } from './conferences/conferences.module';
import { RealtimeModule } from './realtime/realtime.module';
import { RegistrationModule } from './registration/registration.module';
import { EventsModule } from './events/events.module';
import { MembershipModule } from './membership/membership.module';
import { HealthController } from './health/health.controller';
import { DatabaseProbe } from './health/database-probe';
import { ConferenceSetupModule } from './conference-setup/conference-setup.module';
import { MotionsModule } from './motions/motions.module';
import { VotingModule } from './voting/voting.module';
import { DebateModule } from './debate/debate.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { ProjectorModule } from './projector/projector.module';
import { ResolutionsModule } from './resolutions/resolutions.module';
import { ElectionsModule } from './elections/elections.module';
import { RemoteModule } from './remote/remote.module';
import { MailModule } from './mail/mail.module';

export interface AppModuleOptions {
  config: AppConfig;
  /** The database this app uses: DATABASE_URL, or the embedded server started before the app. */
  database: OpenDatabase;
}

@Module({})
export class AppModule {
  static forRoot({ config, database }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // A caller's X-Request-Id is kept so a request can be followed across instances.
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
          },
        }),
        // The data source is the one openDatabase() already connected and migrated.
        TypeOrmModule.forRootAsync({
          useFactory: () => buildDataSourceOptions(database),
          dataSourceFactory: async () => database.dataSource,
        }),
        TerminusModule,
        EventsModule,
        MailModule,
        AuthModule,
        ConferencesModule,
        MembershipModule,
        RegistrationModule,
        RealtimeModule,
        ConferenceSetupModule,
        MotionsModule,
        VotingModule,
        DebateModule,
        MonitoringModule,
        ProjectorModule,
        ResolutionsModule,
        ElectionsModule,
        RemoteModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        DatabaseProbe,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
      exports: [APP_CONFIG],
      global: true,
    };
  }
}
