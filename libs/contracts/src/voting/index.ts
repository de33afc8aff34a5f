// Voting DTOs and socket messages.
export {};
