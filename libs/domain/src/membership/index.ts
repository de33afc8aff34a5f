export * from './csv';
export * from './csv-table';
export * from './members.import';
export * from './bodies.import';
export * from './officers.import';
export * from './registration-selection';
