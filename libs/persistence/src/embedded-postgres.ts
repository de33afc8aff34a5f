import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';

export interface EmbeddedPostgres {
  /** A postgres:// URL on loopback for the ordinary `pg` driver. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (PostgreSQL compiled to WebAssembly) in this process and serves it on a loopback
 * port, so `npm start` needs no database installed. TypeORM then talks to it through the same `pg`
 * driver as to a real server; PGlite is one connection, so the pool must be of one.
 *
 * `dataDir` keeps the data between starts; `'memory'` is for tests.
 */
export async function startEmbeddedPostgres(dataDir: string | 'memory'): Promise<EmbeddedPostgres> {
  // Loaded lazily: a system with DATABASE_URL never pays for the WebAssembly module.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
  const db: PGlite = dataDir === 'memory' ? await PGlite.create() : await PGlite.create({ dataDir });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const address = server.getServerConn(); // '127.0.0.1:PORT'
  return {
    url: `postgres://postgres@${address}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
