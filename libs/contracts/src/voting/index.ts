// Voting DTOs and socket messages.
export * from './voting.dto';
