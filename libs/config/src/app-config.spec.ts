import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'agm-config-'));

  it('needs nothing set: embedded database, port 3000, a generated secret kept in DATA_DIR', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir }, {});
    expect(config.port).toBe(3000);
    expect(config.listenBacklog).toBe(4096);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.tokenSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'token-secret'), 'utf8')).toBe(config.tokenSecret);
    expect(loadConfig({ DATA_DIR: dir }, {}).tokenSecret).toBe(config.tokenSecret);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', LISTEN_BACKLOG: '0', DATABASE_URL: 'mysql://x', REDIS_URL: 'http://x', TOKEN_SECRET: 'short', CORS_ORIGINS: 'not a url' }, {});
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'LISTEN_BACKLOG', 'DATABASE_URL', 'REDIS_URL', 'TOKEN_SECRET', 'CORS_ORIGINS']) expect(problems).toContain(name);
    }
  });

  it('splits an origin allow-list', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), CORS_ORIGINS: 'https://a.example,https://b.example' }, {});
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('sends no email unless SMTP_HOST is set, and then needs MAIL_FROM', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }, {}).smtp).toBeUndefined();
    const config = loadConfig({ DATA_DIR: dataDir(), SMTP_HOST: 'smtp.napo.example', MAIL_FROM: 'Napo AGM <agm@napo.example>' }, {});
    expect(config.smtp).toEqual({ host: 'smtp.napo.example', port: 587, secure: false, auth: undefined, from: 'Napo AGM <agm@napo.example>' });
  });

  it('lists every bad SMTP setting, without echoing the password', () => {
    try {
      loadConfig({ DATA_DIR: dataDir(), SMTP_HOST: 'smtp.napo.example', SMTP_PORT: '99999', SMTP_SECURE: 'yes', SMTP_PASSWORD: 'hunter2' }, {});
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['SMTP_PORT', 'SMTP_SECURE', 'MAIL_FROM', 'SMTP_USER']) expect(problems).toContain(name);
      expect(problems).not.toContain('hunter2');
    }
  });

  it('refuses SMTP settings without SMTP_HOST rather than silently sending nothing', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), MAIL_FROM: 'agm@napo.example' }, {})).toThrow(/SMTP_HOST must be set when MAIL_FROM is set/);
  });
});
