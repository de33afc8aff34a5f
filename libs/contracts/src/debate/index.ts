// Debate DTOs and socket messages.
export {};
