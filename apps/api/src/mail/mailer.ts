import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '@agm/config';
import { APP_CONFIG } from '../common/app-config.token';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Outgoing email through the union's SMTP server (nodemailer), configured by SMTP_* in libs/config.
 * Without SMTP_HOST it is off: `enabled` is false and callers print letters or show codes instead.
 * One pooled transport per instance, so a bulk registration reuses a few connections rather than
 * opening one per message.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly log = new Logger(Mailer.name);
  private readonly transport: Transporter | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const smtp = config.smtp;
    this.transport = smtp
      ? createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          auth: smtp.auth,
          pool: true,
          maxConnections: 3,
          // A slow or silent server must fail the message, not hang the bulk job.
          connectionTimeout: 15_000,
          greetingTimeout: 15_000,
          socketTimeout: 30_000,
        })
      : undefined;
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  /** True when the SMTP server accepted the message; false (logged, without the text) when it did not. */
  async send(mail: OutgoingMail): Promise<boolean> {
    if (!this.transport || !this.config.smtp) return false;
    try {
      await this.transport.sendMail({ from: this.config.smtp.from, to: mail.to, subject: mail.subject, text: mail.text });
      return true;
    } catch (error) {
      // Never the text: it holds an access code.
      this.log.warn(`Email to ${mail.to} was not accepted: ${(error as Error).message}`);
      return false;
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
