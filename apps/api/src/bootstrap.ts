import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import type { AppConfig } from '@agm/config';
import { openDatabase, OpenDatabase } from '@agm/persistence';
import { AppModule } from './app.module';
import { MAX_JSON_BODY, verifyJsonBody } from './common/hostile-input';
import { ConferenceSocketAdapter } from './realtime/socket-adapter';
import { securityHeaders } from './web/security-headers';
import { serveWeb } from './web/serve-web';

export interface RunningApi {
  app: INestApplication;
  database: OpenDatabase;
  /** The base URL once listening, e.g. http://127.0.0.1:3000 */
  url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Tests use 'memory' for the embedded database; the system keeps it in DATA_DIR. */
  embeddedDataDir?: string | 'memory';
  /** Passed to Nest: false keeps test output quiet. */
  bufferLogs?: boolean;
}

/**
 * Starts the whole system: the database (migrated), the Nest app, the HTTP server. Used by main.ts,
 * the tests and the benchmarks, so they all run the same thing.
 */
export async function startApi(config: AppConfig, options: StartOptions = {}): Promise<RunningApi> {
  const database = await openDatabase(config.databaseUrl, options.embeddedDataDir ?? join(config.dataDir, 'pglite'));
  let app: NestExpressApplication | undefined;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, database }), { bufferLogs: true });
    configureApp(app, config);
    // Nest passes the extra argument on to http.Server#listen(port, host, backlog).
    await (app.listen as unknown as (port: number, host: string, backlog: number) => Promise<unknown>).call(app, config.port, config.host, config.listenBacklog);
  } catch (error) {
    await app?.close();
    await database.stop();
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  const running = app;
  return {
    app: running,
    database,
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${address.port}`,
    async close() {
      await running.close();
      await database.stop();
    },
  };
}

function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.useWebSocketAdapter(new ConferenceSocketAdapter(app, config));
  app.enableShutdownHooks();
  app.setGlobalPrefix('api', {
    exclude: ['health', 'health/live', 'health/ready'].map((path) => ({ path, method: RequestMethod.GET })),
  });
  app.enableCors({ origin: config.corsOrigins === '*' ? true : config.corsOrigins, credentials: true });
  // Size and nesting depth are checked on the raw bytes before JSON.parse (see hostile-input.ts); Nest's
  // typing leaves out body-parser's verify hook, which it otherwise uses for the same purpose (rawBody).
  app.useBodyParser('json', { limit: MAX_JSON_BODY, verify: verifyJsonBody } as Record<string, unknown>);
  app.disable('x-powered-by');
  app.use(securityHeaders());
  serveWeb(app);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('AGM motions and voting')
      .setDescription('Motions, debate under standing orders, hybrid voting and speaker monitoring for a union conference. Errors share one shape: { statusCode, message, errors?, rule? }.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json' });
}
