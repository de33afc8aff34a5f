import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The SPA is served by the api at / (apps/api/src/web/serve-web.ts). `@agm/contracts` resolves to the
// library's source for TYPE-ONLY imports: its values pull class-validator and Nest decorators, which
// must never reach the browser bundle. `@agm/domain` is plain TypeScript: import a rule's own file
// (`@agm/domain/conferences/deadlines.rules`), not the index, so only that rule is bundled.
export default defineConfig({
  root: here('.'),
  base: '/',
  resolve: {
    alias: {
      '@agm/contracts': here('../../libs/contracts/src'),
      '@agm/domain': here('../../libs/domain/src'),
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: here('dist'), emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true } },
  },
});
