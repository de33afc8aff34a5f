// ConferenceSetup DTOs and socket messages.
export {};
