import { DocumentLinks, minutesDocuments, motionDocuments } from '../Documents';

/**
 * The conference's documents as the api renders them (final agenda, SOC report, resolutions booklet,
 * notice of motions, minutes). Each button downloads the file: the api needs the member's sign-in,
 * which a plain link cannot carry. A document not ready yet still downloads, saying what it holds so far.
 */
export function MemberDocuments({ conferenceId }: { conferenceId: string }) {
  const order = ['Final agenda', 'Resolutions booklet', 'SOC report', 'Notice of motions'];
  const documents = motionDocuments(conferenceId).sort(
    (a, b) => order.indexOf(a.title) - order.indexOf(b.title),
  );
  return (
    <>
      <DocumentLinks title="Documents" documents={[...documents, ...minutesDocuments(conferenceId)]} />
      <p className="hint">
        PDF is best for reading on a phone; Text works with any screen reader; HTML opens in a browser after
        downloading.
      </p>
    </>
  );
}
