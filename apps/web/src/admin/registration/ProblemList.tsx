import { lineProblems } from './labels';

/** The api's reasons a file was refused, one per line of the file, under the refusal itself. */
export function ProblemList({ errors }: { errors: Record<string, string> | undefined }) {
  const problems = lineProblems(errors);
  if (problems.length === 0) return null;
  return (
    <ul className="problems" aria-label="Problems in the file">
      {problems.map(({ where, why }) => (
        <li key={where}>
          <strong>{where[0].toUpperCase() + where.slice(1)}:</strong> {why}
        </li>
      ))}
    </ul>
  );
}
