import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@agm/config';
import { InvalidInput } from '@agm/domain';
import { openDatabase } from '@agm/persistence';
import { AppModule } from '../app.module';
import { ImportMembers } from '../membership/use-cases/import-members.use-case';
import { progressBar } from './progress-bar';

/**
 * `npm run import:members -- path/to/register.csv`: imports the membership register into the configured
 * database (DATABASE_URL, or the embedded one in DATA_DIR) with the same rules as the API: all or
 * nothing, existing membership numbers updated. Exit codes: 0 imported, 1 the file was refused,
 * 64 usage, 66 file unreadable, 78 bad configuration.
 */
async function main(args: string[]): Promise<number> {
  const path = args.find((arg) => !arg.startsWith('-'));
  if (!path) {
    process.stderr.write('Usage: npm run import:members -- path/to/register.csv\n');
    return 64;
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    process.stderr.write(`Cannot read ${path}: ${(error as Error).message}\n`);
    return 66;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 78;
  }

  const database = await openDatabase(config.databaseUrl, join(config.dataDir, 'pglite'));
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, database }), {
    logger: false,
  });
  try {
    process.stderr.write(
      `Checking ${path} against the register rules (${database.embedded ? 'embedded database' : 'DATABASE_URL'})...\n`,
    );
    const bar = progressBar(process.stderr, 'Writing members');
    const result = await app.get(ImportMembers).execute(text, (done, total) => bar.update(done, total));
    bar.finish();
    process.stdout.write(
      `Imported ${result.imported} new member${result.imported === 1 ? '' : 's'}; updated ${result.updated}.\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    process.stderr.write(`\n${error.message}\n`);
    for (const [where, problem] of Object.entries(error.errors ?? {}))
      process.stderr.write(`  ${where}: ${problem}\n`);
    return 1;
  } finally {
    await app.close();
    await database.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(
      `The import failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
