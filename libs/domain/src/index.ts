export * from './errors';
export * from './enums';
export * from './ruleset/ruleset';
export * from './conferences/conference.rules';
