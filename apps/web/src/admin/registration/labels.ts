/** Words for what the api sends as codes: nothing here reaches a person as a code. */
export const MODE_TEXT: Record<string, string> = { hall: 'In the hall', remote: 'Remote' };

/** 'professional_associate' as people read it. */
export const categoryText = (code: string) => {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The api's line-by-line refusal of a file, "line 3, membership_number", as a list a person can work through. */
export function lineProblems(errors: Record<string, string> | undefined): Array<{ where: string; why: string }> {
  return Object.entries(errors ?? {}).map(([where, why]) => ({
    where: where.replace(/, ([a-z_]+)$/, (_, column: string) => `, column ${column.replace(/_/g, ' ')}`),
    why,
  }));
}
