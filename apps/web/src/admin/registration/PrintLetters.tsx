import { openDocument } from '../../api';
import { Done, ErrorAlert, useAction } from '../../ui';

/**
 * Letters for members the email did not reach. Each letter carries a new code (only hashes are kept),
 * so printing again replaces the codes of the letters printed before: said before the button.
 */
export function PrintLetters({ base, due, onDone }: { base: string; due: number; onDone: () => void }) {
  const action = useAction();
  return (
    <section className="card" aria-labelledby="letters">
      <h2 id="letters">Letters</h2>
      <p>
        {due === 0
          ? 'No letters are due: every access code reached its member by email or was handed over.'
          : `${due} member${due === 1 ? ' has' : 's have'} no email address or an email that failed.`}{' '}
        Each letter carries a new access code, and the code it replaces stops working.
      </p>
      <ErrorAlert error={action.error} />
      <Done message={action.done} />
      <button
        type="button"
        disabled={action.busy || due === 0}
        onClick={() =>
          void action.run(
            async () => {
              const name = await openDocument(`${base}/registrations/letters`, 'access-code-letters.pdf', {
                method: 'POST',
                body: {},
              });
              onDone();
              return name;
            },
            (name) => `${name} downloaded: print it and post the letters.`,
          )
        }
      >
        Print letters (PDF)
      </button>
    </section>
  );
}
