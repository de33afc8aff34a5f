import { Injectable } from '@nestjs/common';
import { InvalidInput, Principal } from '@agm/domain';
import type { SignInBlockResponseDto } from '@agm/contracts';
import { assertCan } from '../access-control';
import { LoginThrottle, SignInBlock } from '../login-throttle';

/** Head office sees who is refused or slowed at sign-in now (on this instance). */
@Injectable()
export class ListSignInBlocks {
  constructor(private readonly throttle: LoginThrottle) {}

  execute(principal: Principal): SignInBlockResponseDto[] {
    assertCan(principal, 'sign-in.unblock');
    return this.throttle.blocks().map(describeBlock);
  }
}

/** Head office lets a person (or a hall's address) try again at once, e.g. after an attacker locked a pair. */
@Injectable()
export class LiftSignInBlock {
  constructor(private readonly throttle: LoginThrottle) {}

  execute(principal: Principal, target: { identifier?: string; address?: string }): { lifted: number } {
    assertCan(principal, 'sign-in.unblock');
    if (target.identifier === undefined && target.address === undefined) {
      throw new InvalidInput('Say whose block to lift: an identifier, an address, or both, as listed.', { identifier: 'give an identifier or an address' });
    }
    return { lifted: this.throttle.lift(target) };
  }
}

function describeBlock(block: SignInBlock): SignInBlockResponseDto {
  const identifier = block.identifier;
  const person: Partial<SignInBlockResponseDto> = {};
  if (identifier?.startsWith('email:')) person.email = identifier.slice('email:'.length);
  const member = identifier?.match(/^member:([^:]*):(.*)$/);
  if (member) Object.assign(person, { conferenceId: member[1], membershipNumber: member[2] });
  return { ...block, ...person };
}
