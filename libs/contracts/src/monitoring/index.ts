// Monitoring DTOs and socket messages.
export {};
