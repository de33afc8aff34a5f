export * from './common/error-response.dto';
export * from './common/calendar-date';
export * from './conferences/conference.dto';
export * from './auth/auth.dto';
export * from './registration/registration.dto';
export * from './membership/membership.dto';
export * from './realtime/socket-protocol';
