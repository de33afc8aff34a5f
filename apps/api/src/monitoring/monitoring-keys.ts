import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@agm/config';
import { APP_CONFIG } from '../common/app-config.token';

/**
 * The one place a member is turned into the pseudonymous key their equality answers are stored under:
 * HMAC-SHA256(server secret, 'monitoring:' + conferenceId + ':' + memberId). Without the secret the key
 * cannot be computed from a member id, nor reversed; the conference id in the message makes the keys of
 * two AGMs unlinkable. Only the monitoring module provides this class.
 */
@Injectable()
export class MonitoringKeys {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  keyOf(conferenceId: string, memberId: string): string {
    return createHmac('sha256', this.config.tokenSecret).update(`monitoring:${conferenceId}:${memberId}`).digest('hex');
  }
}
