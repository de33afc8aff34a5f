import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths the api owns: never answered with the SPA. */
const API_PATHS = /^\/(api|socket\.io|health)(\/|$)/;

/** Where `npm run build:web` writes the SPA, found from the source tree and from dist/ alike. */
export function webDistDir(): string {
  const candidates = [
    resolve(process.cwd(), 'apps/web/dist'),
    resolve(__dirname, '../../../web/dist'),
    resolve(__dirname, '../../../../../apps/web/dist'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0];
}

/**
 * Serves the built web client at / so one URL has everything: its files as they are (hashed assets
 * cached for a year), and index.html for any other GET that is not the api's, so the client's own
 * routes (/projector/:id, /chair, ...) load on refresh. Without a build, a one-line page says how.
 */
export function serveWeb(app: NestExpressApplication, dir = webDistDir()): void {
  const index = join(dir, 'index.html');
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res, path) =>
      res.setHeader(
        'Cache-Control',
        path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path)) return next();
    if (!(req.headers.accept ?? '*/*').match(/text\/html|\*\/\*/)) return next();
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><title>AGM</title><p>The web client is not built: run <code>npm run build:web</code>.</p>',
        );
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
