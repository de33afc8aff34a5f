// Motions DTOs and socket messages.
export {};
