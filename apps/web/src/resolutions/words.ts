/** The register's statuses in words, in the order a person reads them. */
export const STATUS_OPTIONS: Array<readonly [string, string]> = [
  ['not_started', 'Not started'],
  ['in_progress', 'In progress'],
  ['completed', 'Completed'],
  ['superseded', 'Superseded'],
  ['rescinded', 'Rescinded'],
  ['not_pursued', 'Not pursued'],
];

/** Today in the person's own calendar, as YYYY-MM-DD. */
export const today = () => new Date().toLocaleDateString('en-CA');
