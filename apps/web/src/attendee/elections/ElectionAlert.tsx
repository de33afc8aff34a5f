import { useEffect, useRef, useState, type MouseEvent } from 'react';
import type { ElectionBallotDto } from '@agm/contracts';
import { navigate } from '../../router';
import type { ElectionNews } from '../../elections/useElections';
import { memberTabPath } from '../tabs';

function isFillingIn(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

/**
 * An election ballot opening, or its result published, on whatever screen the member is: as a motion
 * vote opening does (VoteAlert), a bar pinned to the top that leads to the Elections screen, the news said
 * by a live region that is always in the page, and focus on the bar unless they are filling in a field.
 * The bar stays while a ballot they may vote on here is open and not yet cast, and a result's until they
 * open the Elections screen; it is not shown on the Elections screen itself.
 */
export function ElectionAlert({
  conferenceId,
  ballots,
  news,
  onElectionsTab,
}: {
  conferenceId: string;
  ballots: Record<string, ElectionBallotDto>;
  news: ElectionNews | null;
  onElectionsTab: boolean;
}) {
  const [announcement, setAnnouncement] = useState('');
  const [resultSeen, setResultSeen] = useState<number | null>(null);
  const link = useRef<HTMLAnchorElement>(null);
  const ballot = news ? ballots[news.postId] : undefined;
  useEffect(() => {
    if (!news) return;
    if (news.kind === 'opened') {
      const how = ballot?.you && !ballot.you.votesHere ? ` ${ballot.you.text}` : ' Vote on the Elections screen.';
      setAnnouncement(`Election ballot open: ${news.title}.${how}`);
    } else {
      const elected = news.result?.elected ?? ballot?.result?.elected ?? [];
      setAnnouncement(`Election result published: ${news.title}. Elected: ${elected.join(', ') || 'nobody'}.`);
    }
    // preventScroll: the bar is pinned, so focusing it must not move the page under the member.
    if (!isFillingIn(document.activeElement)) link.current?.focus({ preventScroll: true });
    // Only new news announces and takes focus (keyed on its seq); the ballot read after it does not.
  }, [news?.seq]);
  useEffect(() => {
    if (onElectionsTab && news?.kind === 'published') setResultSeen(news.seq);
  }, [onElectionsTab, news?.seq, news?.kind]);

  const toVote = Object.values(ballots).filter((b) => b.state === 'open' && b.you?.votesHere && !b.you.hasVoted);
  const href = memberTabPath(conferenceId, 'elections');
  const go = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigate(href);
  };
  let pin: { lead: string; title: string } | null = null;
  if (news?.kind === 'published' && resultSeen !== news.seq && !onElectionsTab) pin = { lead: 'Election result:', title: news.title };
  // Before its ballot is read (a moment after the news) the opening is pinned already.
  // On the Elections screen the ballot itself is there: no bar over it (only the announcement).
  else if (onElectionsTab) pin = null;
  else if (news?.kind === 'opened' && (!ballot || (ballot.state === 'open' && !ballot.you?.hasVoted))) pin = { lead: 'Election ballot open:', title: news.title };
  else if (toVote.length > 0) pin = { lead: 'Election ballot open:', title: toVote.map((b) => b.title).join(', ') };
  return (
    <>
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="election-announcement">
        {announcement}
      </div>
      {pin && (
        <div className="vote-pin" data-testid="election-pin">
          <a href={href} ref={link} onClick={go}>
            <span className="vote-pin-now">{pin.lead}</span> {pin.title}
          </a>
        </div>
      )}
    </>
  );
}
