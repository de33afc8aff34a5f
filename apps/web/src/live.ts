import { io, type Socket } from 'socket.io-client';
import { useSyncExternalStore } from 'react';
import type {
  Ack,
  BallotsCastMessage,
  ClientToServerEvents,
  ConferenceEventMessage,
  DebateFloorView,
  DebateMyRequestsView,
  DebateQueueView,
  DebateSnapshotResponseDto,
  JoinedConference,
  QuorumResponseDto,
  ServerToClientEvents,
  VoteResponseDto,
  VoteResultDto,
} from '@agm/contracts';
import { ApiError, get } from './api';

export type LiveStatus = 'connecting' | 'online' | 'offline' | 'ended';

export interface LiveVote {
  id: string;
  /** What is voted on (`motion`, `custom`, `test`, ...): a test vote's result is how many devices answered. */
  subject?: string;
  title: string;
  method: string;
  majority: string;
  secret: boolean;
  state: string;
  openedAt: string;
  closesAt: string | null;
  eligibleCount: number;
  hallHeadcount: number;
  electronicCount: number;
  ballotsCast: number;
  result: (VoteResultDto & { hallCountConfirmed?: boolean | null }) | null;
  voidReason: string | null;
  me?: VoteResponseDto['me'];
  /** Tellers: the first count entered and whether the second teller confirmed it. */
  tellerCount?: { for: number; against: number; abstain: number; confirmed: boolean };
}

export interface LiveState {
  status: LiveStatus;
  /** Set once the first join answered: before that nothing is shown as current. */
  synced: boolean;
  /** When the state was last known to be current (the last moment we were online). */
  currentAt: number | null;
  lastSeq: number;
  quorum: QuorumResponseDto | null;
  floor: DebateFloorView | null;
  queue: DebateQueueView | null;
  myRequests: DebateMyRequestsView | null;
  debateVersion: number;
  votes: Record<string, LiveVote>;
  /** The newest vote opened, to show on the panel. */
  currentVoteId: string | null;
  agenda: unknown;
  /** Monitors: the latest batched, suppressed figures (monitoring.updated). */
  monitoring: { speechesCounted: number } | null;
  /** Chair: the coarse balance signals (monitoring.balance), naming nobody. */
  balance: Array<{ kind: string; message: string }>;
  /** Bumped on every motion/agenda event, so lists refetch. */
  motionsRevision: number;
  /** Server clock minus ours, for countdowns that match the hall's. */
  clockOffsetMs: number;
  endedReason: string | null;
  /** A remote attendee: why their presence ended (presence.lapsed), until they confirm again. */
  presenceLapsed: string | null;
  /** A member moved between the hall and remote by the desk (attendance.switched to them), with why. */
  attendanceSwitch: { attendanceMode: 'hall' | 'remote'; reason: string } | null;
}

type LiveSocket = Socket<
  ServerToClientEvents & { 'vote.ballots': (m: BallotsCastMessage) => void },
  ClientToServerEvents & Record<string, (...args: any[]) => void>
>;

const initial = (): LiveState => ({
  status: 'connecting',
  synced: false,
  currentAt: null,
  lastSeq: 0,
  quorum: null,
  floor: null,
  queue: null,
  myRequests: null,
  debateVersion: 0,
  votes: {},
  currentVoteId: null,
  agenda: null,
  monitoring: null,
  balance: [],
  motionsRevision: 0,
  clockOffsetMs: 0,
  endedReason: null,
  presenceLapsed: null,
  attendanceSwitch: null,
});

/**
 * One socket per signed-in page and conference. The server sends the events in seq order, each once
 * (docs/REALTIME.md): the first join asks for no replay and loads the state over HTTP, holding the
 * live events until that state is in; a reconnect resumes from the last seq applied (or, when too
 * much was missed, loads the state again). Reconnects silently and says when it is offline so
 * screens can mark what they show as stale.
 */
export class LiveConference {
  private socket: LiveSocket;
  private state: LiveState = initial();
  private readonly listeners = new Set<() => void>();
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private readonly eventListeners = new Set<(event: ConferenceEventMessage | null) => void>();
  /** Live events held while the state under them is loaded over HTTP; null when not loading. */
  private held: ConferenceEventMessage[] | null = null;

  constructor(
    readonly conferenceId: string,
    token: string,
    private readonly onEnded: (reason: string) => void,
  ) {
    this.socket = io({
      path: '/socket.io',
      // Protocol 2: a join's missed events arrive as one `conference.events` message (docs/REALTIME.md).
      auth: { token, protocolVersion: 2 },
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 2000,
      randomizationFactor: 0.2,
      // A connection attempt that hangs gives up and is tried again; not sooner than 20 s, because after
      // a Wi-Fi blip the whole hall connects at once and an attempt abandoned at 5 s, already queued at
      // the server, only adds another to the queue (bench:reconnect-storm, docs/DECISIONS.md).
      timeout: 20000,
    }) as LiveSocket;
    window.addEventListener('online', this.onBrowserOnline);
    this.socket.on('connect', () => void this.join());
    this.socket.on('disconnect', (reason) => {
      if (this.closed || this.state.status === 'ended') return;
      this.set({ status: 'offline' });
      // A drop by the server is not retried by socket.io itself: come back after a short wait.
      if (reason === 'io server disconnect') this.scheduleReconnect();
    });
    this.socket.on('connect_error', (error: Error & { data?: { statusCode?: number; message?: string } }) => {
      if (this.state.status === 'ended') return;
      // A refused handshake (signed out, code revoked) is final: back to sign-in with the reason.
      if (error.data?.statusCode === 401) return this.end(error.data.message ?? error.message);
      this.set({ status: 'offline' });
      // socket.io retries by itself while `active`; after a drop by the server it does not.
      if (!this.socket.active) this.scheduleReconnect();
    });
    this.socket.on('conference.event', (event) => this.apply(event));
    this.socket.on('conference.events', (events) => {
      for (const event of events) this.apply(event);
    });
    this.socket.on('vote.ballots', (message) => {
      const vote = this.state.votes[message.voteId];
      if (message.conferenceId !== this.conferenceId || !vote || vote.state !== 'open') return;
      this.setVote(message.voteId, { ballotsCast: message.ballotsCast, eligibleCount: message.eligible });
    });
    this.socket.on('session.ended', ({ reason }) => this.end(reason));
  }

  private scheduleReconnect(): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      if (this.closed || this.socket.connected || this.state.status === 'ended') return;
      if (!this.socket.active) this.socket.connect();
      // Keep trying until it is back: a watchdog in case an attempt neither connects nor fails.
      this.scheduleReconnect();
    }, 2000);
  }

  private readonly onBrowserOnline = () => {
    if (!this.closed && !this.socket.connected && this.state.status !== 'ended') this.socket.connect();
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): LiveState => this.state;

  /**
   * Every event applied once the first join has answered (the history replayed by that join is not
   * passed on), for screens that keep their own state, such as the set-up screen. `null` means "read
   * everything again": the first sync (anything may have changed since the screen loaded) and a
   * resume that missed too much.
   */
  onEvent(listener: (event: ConferenceEventMessage | null) => void): () => void {
    this.eventListeners.add(listener);
    return () => void this.eventListeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    window.removeEventListener('online', this.onBrowserOnline);
    this.socket.close();
  }

  /** A socket message answered through the ack, as a promise; refusals throw ApiError. */
  async send<T>(event: string, body: unknown): Promise<T> {
    if (!this.socket.connected)
      throw new ApiError(0, 'You are offline: wait for the connection to come back, then try again.');
    const answer = (await this.socket
      .timeout(10000)
      .emitWithAck(event as 'conference.join', body as never)) as unknown as Ack<T>;
    if (!answer.ok) throw ApiError.from(answer.error);
    return answer.data;
  }

  private async join(attempt = 1): Promise<void> {
    const first = !this.state.synced;
    // Events pushed from the moment the join is sent wait until we know what they apply to.
    this.held = [];
    try {
      const joined = await this.send<JoinedConference>('conference.join', {
        conferenceId: this.conferenceId,
        // No lastSeq on the first join: no replay of the history, the state comes over HTTP.
        ...(first ? {} : { lastSeq: this.state.lastSeq }),
      });
      if (joined.truncated) {
        // The state read now is at least as new as headSeq; the held events after it apply on top.
        await this.loadSnapshot();
        if (joined.headSeq > this.state.lastSeq) this.set({ lastSeq: joined.headSeq });
      }
      this.release();
      this.set({ status: 'online', synced: true, currentAt: Date.now() });
      if (first || joined.truncated) this.eventListeners.forEach((listener) => listener(null));
    } catch (error) {
      this.held = null; // the next join resumes from the last seq applied, or loads the state again
      if (error instanceof ApiError && (error.statusCode === 404 || error.statusCode === 403))
        return this.end(error.message);
      this.set({ status: 'offline' });
      // A join sent the instant the socket opens can reach the server before it has finished
      // authenticating the handshake (it answers 500): ask again shortly.
      if (attempt < 5 && this.socket.connected)
        setTimeout(() => this.socket.connected && void this.join(attempt + 1), 300 * attempt);
    }
  }

  /** Applies the events held during a join, in the order they came. */
  private release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const event of held) this.apply(event);
  }

  /** The state over HTTP: the base under the replayed events, and the fallback when too much was missed. */
  async loadSnapshot(): Promise<void> {
    const base = `/api/conferences/${this.conferenceId}`;
    const [quorum, debate, votes] = await Promise.all([
      get<QuorumResponseDto>(`${base}/quorum`).catch(() => null),
      get<DebateSnapshotResponseDto>(`${base}/debate`).catch(() => null),
      get<VoteResponseDto[]>(`${base}/votes`).catch(() => null),
    ]);
    const patch: Partial<LiveState> = {};
    if (quorum) patch.quorum = quorum;
    if (debate) {
      patch.floor = debate.floor;
      patch.queue = debate.queue ?? null;
      patch.myRequests = debate.myRequests ?? null;
      patch.debateVersion = debate.version;
      patch.clockOffsetMs = new Date(debate.serverTime).getTime() - Date.now();
    }
    if (votes) {
      const all = { ...this.state.votes };
      for (const vote of votes) all[vote.id] = { ...all[vote.id], ...vote };
      patch.votes = all;
      const newest = [...votes].sort((a, b) => b.openedAt.localeCompare(a.openedAt))[0];
      if (newest) patch.currentVoteId = newest.id;
    }
    this.set(patch);
    // The list carries no one's own entry (`me`: eligible, by which channel, with what card weight):
    // a phone that joins while a vote is open reads it from the vote's own view, as after vote.opened.
    await Promise.all((votes ?? []).filter((v) => v.state === 'open').map((v) => this.refreshVote(v.id)));
  }

  /** The debate version a command answered with: the next chair command is issued against it. */
  noteDebateVersion(version: number): void {
    if (version > this.state.debateVersion) this.set({ debateVersion: version });
  }

  /** A vote's full view (with the attendee's own eligibility), after it opens. */
  async refreshVote(voteId: string): Promise<void> {
    const vote = await get<VoteResponseDto>(`/api/conferences/${this.conferenceId}/votes/${voteId}`).catch(
      () => null,
    );
    if (!vote) return;
    // A close or result pushed while this was read is newer than an 'open' read before it.
    const overtaken =
      this.state.votes[voteId]?.state !== undefined && this.state.votes[voteId]?.state !== 'open';
    this.setVote(voteId, overtaken && vote.state === 'open' ? { me: vote.me } : vote);
  }

  private apply(event: ConferenceEventMessage): void {
    if (event.conferenceId !== this.conferenceId) return;
    if (this.held) {
      this.held.push(event);
      return;
    }
    // The server sends each seq once and in order; one at or below the last applied (an old
    // server's join, say) changes nothing already applied.
    if (event.seq <= this.state.lastSeq) return;
    if (this.state.synced) queueMicrotask(() => this.eventListeners.forEach((listener) => listener(event)));
    const p = event.payload as Record<string, any>;
    const patch: Partial<LiveState> = { lastSeq: event.seq, currentAt: Date.now() };
    switch (event.type) {
      case 'quorum.changed':
        patch.quorum = p as unknown as QuorumResponseDto;
        break;
      case 'debate.floor':
        if ((p.version ?? 0) >= (this.state.floor?.version ?? 0))
          patch.floor = p as unknown as DebateFloorView;
        patch.debateVersion = Math.max(this.state.debateVersion, p.version ?? 0);
        break;
      case 'debate.queue':
        patch.queue = p as unknown as DebateQueueView;
        patch.debateVersion = Math.max(this.state.debateVersion, p.version ?? 0);
        break;
      case 'debate.queue_position':
        patch.myRequests = p as unknown as DebateMyRequestsView;
        break;
      case 'vote.opened':
        patch.votes = {
          ...this.state.votes,
          // A vote already known (from the snapshot under a replay) is newer than its opening: keep it.
          [p.voteId]: this.state.votes[p.voteId] ?? {
            id: p.voteId,
            subject: p.subject,
            title: p.title,
            method: p.method,
            majority: p.majority,
            secret: p.secret,
            state: 'open',
            openedAt: p.openedAt,
            closesAt: p.closesAt,
            eligibleCount: p.eligibleCount,
            hallHeadcount: p.hallHeadcount,
            electronicCount: p.electronicCount,
            ballotsCast: 0,
            result: null,
            voidReason: null,
          },
        };
        patch.currentVoteId = p.voteId;
        void this.refreshVote(p.voteId);
        break;
      case 'vote.closed':
        this.setVote(p.voteId, {
          state: this.state.votes[p.voteId]?.state === 'declared' ? 'declared' : 'closed',
          ballotsCast: p.ballotsCast,
        });
        break;
      case 'vote.result':
        this.setVote(p.voteId, { state: 'declared', result: p as LiveVote['result'] });
        break;
      case 'vote.voided':
        this.setVote(p.voteId, { state: 'voided', voidReason: p.reason });
        break;
      case 'vote.teller_count':
        this.setVote(p.voteId, {
          tellerCount: { for: p.for, against: p.against, abstain: p.abstain, confirmed: false },
        });
        break;
      case 'vote.teller_count_confirmed': {
        const count = this.state.votes[p.voteId]?.tellerCount;
        if (count) this.setVote(p.voteId, { tellerCount: { ...count, confirmed: true } });
        break;
      }
      case 'monitoring.updated':
        patch.monitoring = p as LiveState['monitoring'];
        break;
      case 'presence.lapsed':
        patch.presenceLapsed = typeof p.reason === 'string' ? p.reason : 'You no longer count as present.';
        break;
      case 'attendance.switched':
        // Only the member's own copy carries attendanceMode; the desk's copy names from and to.
        if (p.attendanceMode === 'hall' || p.attendanceMode === 'remote')
          patch.attendanceSwitch = { attendanceMode: p.attendanceMode, reason: String(p.reason ?? '') };
        break;
      case 'monitoring.balance':
        patch.balance = (p.signals ?? []) as LiveState['balance'];
        break;
      case 'agenda.published':
        patch.agenda = p;
        patch.motionsRevision = this.state.motionsRevision + 1;
        break;
      default:
        if (
          event.type.startsWith('motion') ||
          // agenda.rearranged, agenda.emergency_slotted, agenda.section_moved, agenda.composite_placed,
          // agenda.motion_placed: the order of business changed.
          event.type.startsWith('agenda.') ||
          event.type.startsWith('amendment') ||
          event.type.startsWith('composite') ||
          // Reports on the order of business, and what the meeting does with them.
          event.type.startsWith('report.') ||
          /^debate\.(report|reference_back)_/.test(event.type) ||
          // The conference's order of sections is the order of business's until publication.
          event.type === 'sections.changed'
        )
          patch.motionsRevision = this.state.motionsRevision + 1;
    }
    this.set(patch);
  }

  /** The attendee confirmed again: the lapse is behind them. */
  clearPresenceLapsed(): void {
    this.set({ presenceLapsed: null });
  }

  private setVote(voteId: string, patch: Partial<LiveVote>): void {
    const current = this.state.votes[voteId];
    this.set({
      votes: { ...this.state.votes, [voteId]: { ...(current as LiveVote), ...patch, id: voteId } },
    });
  }

  private end(reason: string): void {
    this.set({ status: 'ended', endedReason: reason });
    this.close();
    this.onEnded(reason);
  }

  private set(patch: Partial<LiveState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }
}

export function useLive(live: LiveConference): LiveState {
  return useSyncExternalStore(live.subscribe, live.snapshot);
}

/** The whole display is current only while online and synced; otherwise screens mark it stale. */
export const isCurrent = (state: LiveState) => state.status === 'online' && state.synced;
