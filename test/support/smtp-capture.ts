import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
}

/**
 * A real SMTP server on a free loopback port, started by the test, keeping every message it receives
 * (parsed, so quoted-printable lines read as sent). Waits are on arrivals, never on a clock: the test's
 * own timeout is the only limit.
 */
export class SmtpCapture {
  readonly messages: CapturedMail[] = [];
  private readonly waiters: Array<() => void> = [];
  private server: SMTPServer | undefined;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.messages.push({
              to: session.envelope.rcptTo.map((r) => r.address).join(','),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
            });
            for (const wake of this.waiters.splice(0)) wake();
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  /** The settings an api under test needs to send here. */
  env(): Record<string, string> {
    return { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(this.port), SMTP_SECURE: 'false', MAIL_FROM: 'Napo AGM <agm@napo.example>' };
  }

  /** Resolves once `count` messages in all have arrived. */
  async waitForCount(count: number): Promise<CapturedMail[]> {
    while (this.messages.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.messages;
  }

  /** Resolves with the latest message to `address` after the first `after` messages to it. */
  async waitForMessageTo(address: string, after = 0): Promise<CapturedMail> {
    const to = () => this.messages.filter((m) => m.to.toLowerCase() === address.toLowerCase());
    while (to().length <= after) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return to()[to().length - 1];
  }

  to(address: string): CapturedMail[] {
    return this.messages.filter((m) => m.to.toLowerCase() === address.toLowerCase());
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The access code in a message: the line "Access code: XXXX-…". */
export function accessCodeIn(text: string): string {
  const found = /Access code: ([A-Z0-9-]+)/.exec(text);
  if (!found) throw new Error(`No access code in:\n${text}`);
  return found[1];
}
