export * from './common/error-response.dto';
export * from './common/calendar-date';
export * from './conferences/conference.dto';
