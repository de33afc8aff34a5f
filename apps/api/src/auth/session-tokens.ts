import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import type { AppConfig } from '@agm/config';
import { APP_CONFIG } from '../common/app-config.token';

/**
 * Bearer tokens are random; the database keeps only their HMAC under the token secret, so a copy
 * of the database cannot be used to sign in, and revoking a session is deleting its row's validity.
 */
@Injectable()
export class SessionTokens {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  issue(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: this.hash(token) };
  }

  hash(token: string): string {
    return createHmac('sha256', this.config.tokenSecret).update(token).digest('base64url');
  }
}
