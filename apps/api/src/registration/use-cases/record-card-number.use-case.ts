import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { can, Conflict, Forbidden, NotFound, Principal } from '@agm/domain';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';

/**
 * A member's voting-card number, recorded on the register (administrators) or at hall check-in (tellers
 * and administrators), so that the chair or a steward can put a member without a device in the speakers'
 * queue by the number on the card they hold up. One member's card within a conference.
 */
@Injectable()
export class RecordCardNumber {
  constructor(private readonly transactions: Transactions) {}

  async execute(principal: Principal, conferenceId: string, registrationId: string, cardNumber: string | null) {
    if (!can(principal, 'presence.record', { conferenceId }) && !can(principal, 'registration.manage', { conferenceId }))
      throw new Forbidden('Only the conference’s administrators and tellers record voting-card numbers.');
    return this.transactions.runFor(conferenceId, async ({ manager, record }) => {
      await this.apply(manager, conferenceId, registrationId, cardNumber);
      record({
        conferenceId,
        type: 'registration.card_number',
        payload: { registrationId, cardNumber },
        audience: 'admin',
        actorId: actorOf(principal),
      });
      return { registrationId, cardNumber };
    });
  }

  /** In the caller's unit of work (check-in records the card with the check-in). */
  async apply(manager: EntityManager, conferenceId: string, registrationId: string, cardNumber: string | null): Promise<void> {
    const card = cardNumber?.trim() || null;
    const found = await manager.query('SELECT id FROM registration WHERE id = $1 AND conference_id = $2', [registrationId, conferenceId]);
    if (found.length === 0) throw new NotFound('No such registration in this conference: read the list of attendees again.');
    if (card) {
      const holder: Array<{ name: string }> = await manager.query(
        `SELECT m.name FROM registration r JOIN member m ON m.id = r.member_id
          WHERE r.conference_id = $1 AND lower(r.card_number) = lower($2) AND r.id <> $3`,
        [conferenceId, card, registrationId],
      );
      if (holder.length > 0)
        throw new Conflict(`Card ${card} is already recorded for ${holder[0].name}; check the number on the card.`, {
          cardNumber: 'already another member’s card',
        });
    }
    await manager.query('UPDATE registration SET card_number = $3 WHERE id = $1 AND conference_id = $2', [registrationId, conferenceId, card]);
  }
}
