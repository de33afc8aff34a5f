// ConferenceSetup DTOs and socket messages.
export * from './conference-setup.dto';
