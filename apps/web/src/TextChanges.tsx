import { Fragment } from 'react';
import { textChanges, type TextChange } from '@agm/domain/motions/text-changes';

/** One change, its mark around the words only: the space after them is not struck through or underlined. */
function Change({ change }: { change: TextChange }) {
  const words = change.text.trimEnd();
  const space = change.text.slice(words.length);
  if (change.kind === 'kept') return <>{change.text}</>;
  const Mark = change.kind === 'deleted' ? 'del' : 'ins';
  return (
    <>
      <Mark>
        <span className="visually-hidden">[{change.kind === 'deleted' ? 'taken out' : 'put in'}: </span>
        {words}
        <span className="visually-hidden">]</span>
      </Mark>
      {space}
    </>
  );
}

/**
 * A motion as an amendment would make it, the changes marked three ways so none depends on colour:
 * words taken out are struck through (<del>), words put in are underlined and bold (<ins>), and a screen
 * reader hears "taken out: …" / "put in: …" around each change. A key above says which is which.
 */
export function TextChanges({ before, after, testId }: { before: string; after: string; testId?: string }) {
  return (
    <div className="text-changes" data-testid={testId}>
      <p className="changes-key muted">
        <del>Struck through</del>: words taken out. <ins>Underlined</ins>: words put in.
      </p>
      <p className="motion-text">
        {textChanges(before, after).map((change, i) => (
          <Fragment key={i}>
            <Change change={change} />
          </Fragment>
        ))}
      </p>
    </div>
  );
}
