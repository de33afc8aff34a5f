import { startTestApi, TestApi } from './test-api';
import { TestContext } from './test-context';
import type { TestSocket } from './socket-client';

export interface ApiSuite {
  api: TestApi;
  ctx: TestContext;
  /** Raw SQL on the suite's database: to set a scene the api has no command for, or to check what is stored. */
  sql(text: string, params?: unknown[]): Promise<any>;
  /** Closes the socket when the suite ends. */
  track<T extends TestSocket>(socket: T): T;
}

/** One api (and its fresh database) for a describe block, started before its tests and stopped after, with its sockets. */
export function apiSuite(): ApiSuite {
  const sockets: TestSocket[] = [];
  const suite = {
    sql: (text: string, params: unknown[] = []) => suite.api.database.dataSource.query(text, params),
    track: <T extends TestSocket>(socket: T) => (sockets.push(socket), socket),
  } as ApiSuite;
  beforeAll(async () => {
    suite.api = await startTestApi();
    suite.ctx = new TestContext(suite.api);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await suite.api?.close();
  });
  return suite;
}
