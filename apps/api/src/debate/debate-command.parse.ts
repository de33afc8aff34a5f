import { InvalidInput } from '@agm/domain';
import { DEBATE_COMMAND_DTOS, DebateCommandDto } from '@agm/contracts';
import { parseMessage } from '../realtime/socket-messages';

/**
 * Validates a debate command against the DTO its `type` names: the same code for REST and the socket,
 * so both refuse the same bodies with the same field errors.
 */
export async function parseDebateCommand(body: unknown): Promise<DebateCommandDto> {
  const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
  const dto = typeof type === 'string' && Object.hasOwn(DEBATE_COMMAND_DTOS, type) ? DEBATE_COMMAND_DTOS[type] : undefined;
  if (!dto) {
    throw new InvalidInput('The command needs a known type; see docs/debate.md for the list.', {
      type: `must be one of ${Object.keys(DEBATE_COMMAND_DTOS).join(', ')}`,
    });
  }
  return parseMessage(dto, body);
}
