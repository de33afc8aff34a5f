import { useEffect, useRef, useState } from 'react';
import type { LiveState } from '../live';

/** True while the member is filling in a field: moving focus then would lose what they were doing. */
function isFillingIn(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

/**
 * A vote opening, wherever the member is on the page: a bar pinned to the top of the screen that leads to
 * the ballot, "Vote now: <title>" said by the live region, and focus on the bar unless they are filling
 * in a field. The live region is always in the page, empty until a vote opens, because screen readers
 * announce changes to a region they already know, not a region that appears with its text.
 */
export function VoteAlert({ state }: { state: LiveState }) {
  const vote = state.currentVoteId ? state.votes[state.currentVoteId] : undefined;
  const open = vote?.state === 'open' ? vote : undefined;
  const [announcement, setAnnouncement] = useState('');
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (!open) return setAnnouncement('');
    setAnnouncement(`Vote now: ${open.title}`);
    // preventScroll: the bar is pinned, so focusing it must not move the page under the member.
    if (!isFillingIn(document.activeElement)) link.current?.focus({ preventScroll: true });
    // Only a new vote announces and takes focus (keyed on its id); a ballot count arriving does not.
  }, [open?.id]);
  return (
    <>
      <div
        className="visually-hidden"
        aria-live="assertive"
        aria-atomic="true"
        data-testid="vote-announcement"
      >
        {announcement}
      </div>
      {open && (
        <div className="vote-pin" data-testid="vote-pin">
          <a href="#ballot" ref={link}>
            <span className="vote-pin-now">Vote now:</span> {open.title}
          </a>
        </div>
      )}
    </>
  );
}
