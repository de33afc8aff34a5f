import { useCallback, useEffect, useState } from 'react';
import type { ElectionBallotDto, PostDto, PublishedCountDto } from '@agm/contracts';
import { ApiError, get } from '../api';
import type { LiveConference } from '../live';

/** Something that just happened to an election ballot, as the live channel told it (never from a reload). */
export interface ElectionNews {
  kind: 'opened' | 'published';
  postId: string;
  title: string;
  /** The event's seq: a new piece of news is a new seq. */
  seq: number;
  /** With a publication: the count as published (the projector shows it without reading the ballot). */
  result?: PublishedCountDto;
}

export interface Elections {
  /** Every post's ballot once opened, by post, as `GET …/ballot` gives it to this person. */
  ballots: Record<string, ElectionBallotDto>;
  news: ElectionNews | null;
  reload: (postId?: string) => Promise<void>;
}

/**
 * The election ballots, kept current from the conference's live events (election.ballot_opened,
 * election.ballot_closed, election.result: public, docs/API.md): each event reads that post's ballot
 * again, so a phone shows a ballot opening and a result without a reload. Everything is read again after
 * the first sync and after a resume that missed too much. A projector link cannot list the posts, so it
 * knows only the ballots the live channel names.
 */
export function useElections(live: LiveConference): Elections {
  const base = `/api/conferences/${live.conferenceId}/posts`;
  const [ballots, setBallots] = useState<Record<string, ElectionBallotDto>>({});
  const [news, setNews] = useState<ElectionNews | null>(null);
  const loadOne = useCallback(
    async (postId: string) => {
      const ballot = await get<ElectionBallotDto>(`${base}/${postId}/ballot`).catch((e) =>
        e instanceof ApiError && e.statusCode === 404 ? null : Promise.reject(e),
      );
      if (ballot) setBallots((all) => ({ ...all, [postId]: ballot }));
    },
    [base],
  );
  const reload = useCallback(
    async (postId?: string) => {
      if (postId) return loadOne(postId);
      const posts = await get<PostDto[]>(base).catch(() => [] as PostDto[]);
      await Promise.all(posts.filter((p) => p.state === 'awaiting_ballot').map((p) => loadOne(p.id)));
    },
    [base, loadOne],
  );
  useEffect(
    () =>
      live.onEvent((event) => {
        if (!event) return void reload().catch(() => undefined);
        if (!event.type.startsWith('election.')) return;
        const p = event.payload as { postId?: string; title?: string; result?: PublishedCountDto };
        if (!p.postId) return;
        if (event.type === 'election.ballot_opened')
          setNews({ kind: 'opened', postId: p.postId, title: p.title ?? '', seq: event.seq });
        if (event.type === 'election.result')
          setNews({ kind: 'published', postId: p.postId, title: p.title ?? '', seq: event.seq, result: p.result });
        if (['election.ballot_opened', 'election.ballot_closed', 'election.result'].includes(event.type))
          void loadOne(p.postId).catch(() => undefined);
      }),
    [live, reload, loadOne],
  );
  return { ballots, news, reload };
}
