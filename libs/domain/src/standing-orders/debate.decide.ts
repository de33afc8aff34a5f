import { AttendanceMode, Majority } from '../enums';
import { Conflict, InvalidInput, NotFound, StandingOrderViolation } from '../errors';
import {
  divideMotion,
  outcomeOfParts,
  partsInWords,
  textOfPartsCarried,
} from '../motions/motion-parts.rules';
import {
  currentQuestionOf,
  isSpeakingRole,
  openItemOf,
  openReportOf,
  suspensionInForce,
} from './debate.fold';
import {
  DebateCommand,
  DebateContext,
  DebateEvent,
  DebateItemState,
  DebateRuleset,
  DebateState,
  GuillotineCommand,
  MoveProceduralCommand,
  PendingCall,
  SpeakerCalledEvent,
  SpeechInProgress,
  RaisePointCommand,
  RecordOutcomeCommand,
  RequestToSpeakCommand,
  AddToQueueCommand,
  PartOutcomeCommand,
  ReportBusiness,
  ReportBusinessCommand,
  SpeechTimerCommand,
  TakeInPartsCommand,
  SuspensionTerms,
  TakeItemCommand,
} from './debate.types';
import {
  defaultSpeakerSuggestionRules,
  floorIsTakingSpeakers,
  suggestNextSpeaker,
} from './speaker-suggestion';
import { deadlineFrom, elapsedMs, overrunSeconds, remainingMs, speechLimitSecondsFor } from './speech-timer';

/**
 * Decides what a command does to the debate under standing orders: the events to append, or a refusal
 * (`StandingOrderViolation` naming the rule, `Conflict` for a stale `expectedSeq`). Pure: time, presence
 * and the AGM's speaking history are inputs.
 *
 * Choices made here (see the specs):
 * - The substantive motion and its amendments are ONE debate for the one-speech rule: a member who spoke
 *   on an amendment may not speak again on the motion, and the other way round.
 * - SO 14: points of order and requests for information do not count as speeches; moving a procedural
 *   motion does not count either (it is voted without debate).
 * - A formal seconding is not a speech: the named seconder may still speak once later.
 * - 'The question be now put' applies to the question under debate; carried on an amendment, the
 *   amendment is put at once and the mover of the motion keeps the right of reply for the motion.
 */
export function decide(
  state: DebateState,
  command: DebateCommand,
  ruleset: DebateRuleset,
  now: Date,
  context: DebateContext,
): DebateEvent[] {
  assertExpectedSeq(state, command.expectedSeq);
  const d = new Decision(state, ruleset, now, context);
  if (command.type === 'takeItem') return d.takeItem(command);
  if (command.type === 'guillotine') return d.guillotine(command);
  if (isReportCommand(command)) return d.reportBusiness(command);
  const item = d.requireOpenItem(command.itemId);
  switch (command.type) {
    case 'markMoverAbsent':
      return d.markMoverAbsent(item);
    case 'callMover':
      return d.callMover(item);
    case 'callSeconder':
      return d.callSeconder(item);
    case 'formallySeconded':
      return d.formallySeconded(item);
    case 'openFloor':
      return d.openFloor(item);
    case 'requestToSpeak':
      return d.requestToSpeak(item, command);
    case 'raisePointOfOrder':
    case 'requestForInformation':
      return d.raisePoint(item, command);
    case 'withdrawRequest':
      return d.withdrawRequest(item, command.memberId, command.requestId);
    case 'callSpeaker':
      return d.callSpeaker(item, command.memberId, command.requestId, command.startNow === true);
    case 'startSpeech':
    case 'pauseSpeech':
    case 'resumeSpeech':
    case 'endSpeech':
      return d.speechTimer(item, command);
    case 'ruleOnPointOfOrder':
      return d.ruleOnPointOfOrder(item, command.ruling);
    case 'moveToAmendment':
      return d.moveToAmendment(
        item,
        command.amendmentId,
        command.moverMemberId,
        command.seconderMemberId ?? null,
      );
    case 'backToSubstantive':
      return d.backToSubstantive(item);
    case 'amendmentOutcome':
      return d.amendmentOutcome(item, command.outcome, command.showOfHands === true);
    case 'callRightOfReply':
      return d.callRightOfReply(item, command.memberId);
    case 'moveProcedural':
      return d.moveProcedural(item, command);
    case 'proceduralOutcome':
      return d.proceduralOutcome(item, command.result, command.showOfHands === true);
    case 'putTheQuestion':
      return d.putTheQuestion(item);
    case 'withdrawQuestion':
      return d.withdrawQuestion(item, command.reason);
    case 'addToQueue':
      return d.addToQueue(item, command);
    case 'recordOutcome':
      return d.recordOutcome(item, command);
    case 'takeInParts':
      return d.takeInParts(item, command);
    case 'partOutcome':
      return d.partOutcome(item, command);
  }
}

const REPORT_COMMANDS: readonly string[] = [
  'takeReport',
  'moveReferenceBack',
  'putReferenceBack',
  'referenceBackOutcome',
  'receiveReport',
];
function isReportCommand(command: DebateCommand): command is ReportBusinessCommand {
  return REPORT_COMMANDS.includes(command.type);
}

function assertExpectedSeq(state: DebateState, expectedSeq: number | undefined): void {
  if (expectedSeq !== undefined && expectedSeq !== state.version) {
    throw new Conflict(
      `The debate has moved on since you acted (you saw version ${expectedSeq}, it is now ${state.version}); ` +
        'another chair may have acted. Refresh and try again.',
    );
  }
}

function refuse(rule: string, message: string): never {
  throw new StandingOrderViolation(rule, message);
}

class Decision {
  private readonly at: string;

  constructor(
    private readonly state: DebateState,
    private readonly ruleset: DebateRuleset,
    private readonly now: Date,
    private readonly context: DebateContext,
  ) {
    this.at = now.toISOString();
  }

  // ---- order of business ---------------------------------------------------------------------------

  takeItem(command: TakeItemCommand): DebateEvent[] {
    const report = openReportOf(this.state);
    if (report)
      refuse('order-of-business', `${report.title} is being taken; receive it before taking the next item.`);
    const open = openItemOf(this.state);
    if (open)
      refuse(
        'order-of-business',
        `${upperFirst(this.itemName(open.itemId))} is still open; record its outcome before taking ${this.itemName(command.itemId, 'the next item')}.`,
      );
    const earlier = this.state.items[command.itemId];
    if (earlier)
      refuse(
        'order-of-business',
        `${upperFirst(this.itemName(command.itemId))} has already been dealt with (${String(earlier.outcome ?? 'taken').replace(/_/g, ' ')}).`,
      );
    if (this.state.notReachedItemIds.includes(command.itemId)) {
      refuse(
        'order-of-business',
        `${upperFirst(this.itemName(command.itemId))} was recorded as not reached when time ran out; it goes to the NEC.`,
      );
    }
    if (command.kind === 'amendment') {
      throw new InvalidInput(
        'An amendment is debated within its motion: take the motion, then move to the amendment.',
      );
    }
    const seconder = command.seconderMemberId ?? null;
    if (seconder === command.moverMemberId)
      throw new InvalidInput('The mover cannot second their own motion.');
    return [
      {
        type: 'item_taken',
        at: this.at,
        itemId: command.itemId,
        motionId: command.motionId,
        kind: command.kind,
        moverMemberId: command.moverMemberId,
        seconderMemberId: seconder,
      },
    ];
  }

  guillotine(command: GuillotineCommand): DebateEvent[] {
    const itemIds = [...new Set(command.itemIds)];
    if (itemIds.length === 0) throw new InvalidInput('Name the items that will not be reached.');
    for (const itemId of itemIds) {
      if (itemId === this.state.openItemId) {
        refuse(
          'order-of-business',
          `${upperFirst(this.itemName(itemId))} is under debate; put the question or record its outcome before the guillotine.`,
        );
      }
      if (this.state.items[itemId])
        refuse(
          'order-of-business',
          `${upperFirst(this.itemName(itemId))} has already been taken; it cannot be "not reached".`,
        );
      if (this.state.notReachedItemIds.includes(itemId))
        refuse(
          'order-of-business',
          `${upperFirst(this.itemName(itemId))} is already recorded as not reached.`,
        );
      // A suspension of the guillotine for this business holds until the business ends.
      if (suspensionInForce(this.state, itemId, 'guillotine'))
        refuse(
          'suspension-of-standing-orders',
          `Standing orders are suspended for ${this.itemName(itemId)}: the guillotine does not apply to it until that business ends. Leave it out of the guillotine.`,
        );
    }
    // Time has run out: the motions not reached are recorded as such (and go to the NEC).
    return [{ type: 'items_not_reached', at: this.at, itemIds }];
  }

  requireOpenItem(itemId: string): DebateItemState {
    const open = openItemOf(this.state);
    if (open && open.itemId === itemId) return open;
    const now = open
      ? `${this.itemName(open.itemId, 'another item')} is open`
      : 'no item is open; take the item first';
    return refuse(
      'order-of-business',
      `${upperFirst(this.itemName(itemId))} is not open for debate (${now}).`,
    );
  }

  // ---- moving and seconding ------------------------------------------------------------------------

  markMoverAbsent(item: DebateItemState): DebateEvent[] {
    const question = currentQuestionOf(item);
    if (question.moved) refuse('moving-and-seconding', `${this.what(item)} has already been moved.`);
    this.requireNoSpeech(item, 'recording the mover as absent');
    const base = { at: this.at, itemId: item.itemId };
    const absent: DebateEvent = {
      type: 'mover_absent',
      ...base,
      amendmentId: question.amendmentId,
      memberId: question.moverMemberId,
    };
    // A motion whose mover is absent is not moved: it falls.
    if (question.amendmentId !== null) {
      return [
        absent,
        { type: 'amendment_concluded', ...base, amendmentId: question.amendmentId, outcome: 'fell' },
      ];
    }
    return [
      absent,
      {
        type: 'item_concluded',
        ...base,
        motionId: item.motionId,
        outcome: 'fell',
        reason: 'not moved: the mover was absent',
      },
    ];
  }

  callMover(item: DebateItemState): DebateEvent[] {
    const question = currentQuestionOf(item);
    if (question.moved) refuse('moving-and-seconding', `${this.what(item)} has already been moved.`);
    this.requireDebateStage(item, 'calling the mover');
    return [this.called(item, question.moverMemberId, 'mover')];
  }

  callSeconder(item: DebateItemState): DebateEvent[] {
    const question = this.requireMovedNotSeconded(item, 'calling the seconder');
    if (question.seconderMemberId === null) {
      refuse(
        'moving-and-seconding',
        `No seconder is named for ${this.what(item)}; record it as formally seconded instead.`,
      );
    }
    return [this.called(item, question.seconderMemberId, 'seconder')];
  }

  formallySeconded(item: DebateItemState): DebateEvent[] {
    const question = this.requireMovedNotSeconded(item, 'recording a formal seconding');
    return [
      {
        type: 'formally_seconded',
        at: this.at,
        itemId: item.itemId,
        amendmentId: question.amendmentId,
        seconderMemberId: question.seconderMemberId,
      },
    ];
  }

  openFloor(item: DebateItemState): DebateEvent[] {
    const question = currentQuestionOf(item);
    this.requireDebateStage(item, 'opening the floor');
    if (!question.moved)
      refuse('moving-and-seconding', `${this.what(item)} has not been moved; call the mover first.`);
    if (question.seconded === null) {
      refuse(
        'moving-and-seconding',
        `${this.what(item)} has not been seconded; call the seconder or record a formal seconding.`,
      );
    }
    if (question.floorOpen)
      refuse('moving-and-seconding', `The floor is already open on ${this.what(item)}.`);
    return [{ type: 'floor_opened', at: this.at, itemId: item.itemId, amendmentId: question.amendmentId }];
  }

  // ---- the floor -----------------------------------------------------------------------------------

  requestToSpeak(item: DebateItemState, command: RequestToSpeakCommand): DebateEvent[] {
    this.requirePresent(command.memberId);
    if (command.memberId === item.substantive.moverMemberId) {
      refuse(
        'right-of-reply',
        'As mover of the motion you speak again only in your right of reply at the end of the debate.',
      );
    }
    this.requireNotSpoken(item, command.memberId, 'ask to speak');
    this.requireDebateNotClosed(item, 'ask to speak');
    if (item.queue.some((r) => r.kind === 'speak' && r.memberId === command.memberId)) {
      throw new Conflict(
        'You have already asked to speak in this debate; withdraw that request to change it.',
      );
    }
    return [this.speakRequested(item, command, command.attendanceMode, false)];
  }

  /**
   * A hall member without a phone catches the chair's (or a steward's) eye: the chair puts them in the
   * queue. The same standing orders as a request from a device: present, not the mover, not spoken,
   * debate not closed, one request each. Remote members ask from their own screen, which is their record.
   */
  addToQueue(item: DebateItemState, command: AddToQueueCommand): DebateEvent[] {
    const mode = this.requirePresent(command.memberId);
    if (mode !== 'hall') {
      refuse(
        'presence',
        `${this.who(command.memberId)} is attending remotely; a remote member asks to speak from their own screen.`,
      );
    }
    if (command.memberId === item.substantive.moverMemberId) {
      refuse(
        'right-of-reply',
        `${this.who(command.memberId)} moved the motion and speaks again only in the right of reply at the end of the debate.`,
      );
    }
    this.requireNotSpoken(item, command.memberId, 'ask to speak');
    this.requireDebateNotClosed(item, 'add a speaker');
    if (item.queue.some((r) => r.kind === 'speak' && r.memberId === command.memberId)) {
      throw new Conflict(`${this.who(command.memberId)} is already in the queue to speak.`);
    }
    return [this.speakRequested(item, command, 'hall', true)];
  }

  private speakRequested(
    item: DebateItemState,
    command: RequestToSpeakCommand | AddToQueueCommand,
    attendanceMode: AttendanceMode,
    addedByChair: boolean,
  ): DebateEvent {
    return {
      type: 'speak_requested',
      at: this.at,
      itemId: item.itemId,
      requestId: this.nextId('request'),
      memberId: command.memberId,
      stance: command.stance,
      attendanceMode,
      firstAgmEver: command.firstAgmEver ?? false,
      amendmentId: currentQuestionOf(item).amendmentId,
      ...(addedByChair ? { addedByChair: true } : {}),
      ...(addedByChair && 'addedBy' in command && command.addedBy === 'steward'
        ? { addedBy: 'steward' as const }
        : {}),
    };
  }

  raisePoint(item: DebateItemState, command: RaisePointCommand): DebateEvent[] {
    const kind = command.type === 'raisePointOfOrder' ? 'point_of_order' : 'request_for_information';
    const onConductOfVote = kind === 'point_of_order' && command.onConductOfVote === true;
    this.requirePresent(command.memberId);
    // SO 14: taken at any time but not during a speech, except a point on the conduct of a vote during it.
    if (item.speech && !onConductOfVote) {
      refuse(
        'SO 14',
        'A point of order or request for information cannot be raised during a speech (only a point on the conduct ' +
          'of a vote taking place during it); raise it when the speech ends.',
      );
    }
    if (item.queue.some((r) => r.kind === kind && r.memberId === command.memberId)) {
      throw new Conflict('You already have one waiting; the chair will take it ahead of the queue.');
    }
    return [
      {
        type: 'point_raised',
        at: this.at,
        itemId: item.itemId,
        requestId: this.nextId('request'),
        memberId: command.memberId,
        kind,
        attendanceMode: command.attendanceMode,
        onConductOfVote,
        amendmentId: currentQuestionOf(item).amendmentId,
      },
    ];
  }

  withdrawRequest(item: DebateItemState, memberId: string, requestId: string | undefined): DebateEvent[] {
    const request = item.queue.find((r) =>
      requestId === undefined
        ? r.kind === 'speak' && r.memberId === memberId
        : r.requestId === requestId && r.memberId === memberId,
    );
    if (!request) throw new NotFound('There is no such request waiting from this member.');
    return [
      { type: 'request_withdrawn', at: this.at, itemId: item.itemId, requestId: request.requestId, memberId },
    ];
  }

  /**
   * Calls a member from the queue. `startNow` also starts their time in the same command: how a chair
   * hears a point of order or a request for information, taken at once from the floor (issue 19).
   */
  callSpeaker(
    item: DebateItemState,
    memberId: string,
    requestId: string | undefined,
    startNow = false,
  ): DebateEvent[] {
    this.requireNoSpeech(item, 'calling the next speaker');
    const request = this.requestToCall(item, memberId, requestId);
    if (!request)
      refuse(
        'call-from-the-queue',
        `${this.who(memberId)} has not asked to speak; they must ask before being called.`,
      );
    if (request.kind === 'speak') this.requireSpeechMayBeCalled(item, memberId, request.amendmentId);
    const suggestion = suggestNextSpeaker(
      this.state,
      {
        spokenAtThisAgm: this.context.spokenAtThisAgm ?? new Set(),
        attendanceOf: (id) => this.context.attendanceOf(id),
      },
      this.ruleset.speakerSuggestion ?? defaultSpeakerSuggestionRules(),
    );
    const role = request.kind === 'speak' ? request.stance! : request.kind;
    const called = this.called(item, memberId, role, {
      requestId: request.requestId,
      suggestedMemberId: suggestion?.memberId ?? null,
      followedSuggestion: suggestion ? suggestion.memberId === memberId : null,
    });
    return startNow ? [called, this.startSpeech(item, called)] : [called];
  }

  /** The member's request named, else their waiting one not already called, points first (SO 14). */
  private requestToCall(item: DebateItemState, memberId: string, requestId: string | undefined) {
    const mine = item.queue.filter(
      (r) => r.memberId === memberId && (requestId === undefined || r.requestId === requestId),
    );
    const notCalled = mine.filter((r) => r.requestId !== item.call?.requestId);
    const candidates = notCalled.length > 0 ? notCalled : mine;
    return (
      candidates.find((r) => r.kind === 'point_of_order') ??
      candidates.find((r) => r.kind !== 'speak') ??
      candidates[0]
    );
  }

  callRightOfReply(item: DebateItemState, memberId: string | undefined): DebateEvent[] {
    const mover = item.substantive.moverMemberId;
    if (memberId !== undefined && memberId !== mover) {
      refuse(
        'right-of-reply',
        `Only the mover of the motion (${this.who(mover)}) has a right of reply; ${this.who(memberId)} has none.`,
      );
    }
    if (item.rightOfReplyGiven)
      refuse(
        'right-of-reply',
        'The mover has already replied; the right of reply is used once. Put the question.',
      );
    if (item.amendment) {
      refuse(
        'right-of-reply',
        `The right of reply closes the debate on the motion; deal with ${this.itemName(item.amendment.amendmentId, 'the amendment')} first.`,
      );
    }
    this.requireDebateStage(item, 'calling the right of reply');
    if (!item.substantive.floorOpen)
      refuse('right-of-reply', 'There has been no debate to reply to; open the floor first.');
    return [this.called(item, mover, 'right_of_reply')];
  }

  // ---- speeches and their timers -------------------------------------------------------------------

  speechTimer(item: DebateItemState, command: SpeechTimerCommand): DebateEvent[] {
    const base = { at: this.at, itemId: item.itemId };
    if (command.type === 'startSpeech') return [this.startSpeech(item)];
    const speech = item.speech;
    if (!speech) return refuse('speech-timer', 'No speech is in progress.');
    const spokenMs = elapsedMs(speech, this.now);
    switch (command.type) {
      case 'pauseSpeech':
        if (speech.runningSince === null) refuse('speech-timer', 'The speech is already paused.');
        return [
          {
            type: 'speech_paused',
            ...base,
            speechId: speech.speechId,
            pausedAt: this.at,
            elapsedSeconds: spokenMs / 1000,
            remainingSeconds: remainingMs(speech, this.now) / 1000,
          },
        ];
      case 'resumeSpeech':
        if (speech.runningSince !== null) refuse('speech-timer', 'The speech is not paused.');
        return [
          {
            type: 'speech_resumed',
            ...base,
            speechId: speech.speechId,
            resumedAt: this.at,
            ...deadlineFrom(this.now, remainingMs(speech, this.now), this.ruleset, speech.limitSeconds),
          },
        ];
      default:
        return [this.speechEnded(item, speech)];
    }
  }

  private speechEnded(item: DebateItemState, speech: SpeechInProgress): DebateEvent {
    return {
      type: 'speech_ended',
      at: this.at,
      itemId: item.itemId,
      speechId: speech.speechId,
      endedAt: this.at,
      spokenSeconds: elapsedMs(speech, this.now) / 1000,
      overrunSeconds: overrunSeconds(speech, this.now),
    };
  }

  /** Starts the speech of the member called: `call` is the pending call, or one made in this command. */
  private startSpeech(
    item: DebateItemState,
    call: PendingCall | SpeakerCalledEvent | null = item.call,
  ): DebateEvent {
    this.requireNoSpeech(item, 'starting another speech');
    if (!call)
      return refuse(
        'speakers-are-called',
        'No speaker has been called; the chair calls a speaker before the speech starts.',
      );
    // Suspended speech time limits: each speech on this business takes the time the meeting agreed.
    // Points of order and requests for information keep theirs (SO 14): they are not speeches.
    const suspended = isSpeakingRole(call.role)
      ? suspensionInForce(this.state, item.itemId, 'speech_time_limits')
      : null;
    const limitSeconds = suspended?.speechLimitSeconds ?? speechLimitSecondsFor(this.ruleset, call.role);
    return {
      type: 'speech_started',
      at: this.at,
      itemId: item.itemId,
      speechId: this.nextId('speech'),
      amendmentId: currentQuestionOf(item).amendmentId,
      memberId: call.memberId,
      role: call.role,
      requestId: call.requestId,
      attendanceMode: call.attendanceMode,
      followedSuggestion: call.followedSuggestion,
      startedAt: this.at,
      limitSeconds,
      ...deadlineFrom(this.now, limitSeconds * 1000, this.ruleset, limitSeconds),
    };
  }

  ruleOnPointOfOrder(item: DebateItemState, ruling: string): DebateEvent[] {
    if (ruling.trim() === '')
      throw new InvalidInput('Write the ruling: it is recorded in the proceedings.', {
        ruling: 'must not be empty',
      });
    // The point still being heard ends with the ruling: one step for the chair, not two (issue 19).
    const heard = item.speech?.role === 'point_of_order' ? item.speech : null;
    const ruled = new Set(this.state.rulings.map((r) => r.speechId));
    const point =
      heard ??
      this.state.speeches
        .filter((s) => s.itemId === item.itemId && s.role === 'point_of_order' && !ruled.has(s.speechId))
        .at(-1);
    if (!point) return refuse('SO 14', 'There is no point of order waiting for a ruling on this item.');
    return [
      ...(heard ? [this.speechEnded(item, heard)] : []),
      {
        type: 'point_ruled',
        at: this.at,
        itemId: item.itemId,
        rulingId: this.nextId('ruling'),
        speechId: point.speechId,
        memberId: point.memberId,
        ruling: ruling.trim(),
      },
    ];
  }

  // ---- amendments ----------------------------------------------------------------------------------

  moveToAmendment(
    item: DebateItemState,
    amendmentId: string,
    moverMemberId: string,
    seconder: string | null,
  ): DebateEvent[] {
    if (item.amendment) {
      refuse(
        'amendments',
        `${upperFirst(this.itemName(item.amendment.amendmentId, 'an amendment'))} is being debated; amendments are taken one at a time.`,
      );
    }
    if (item.amendmentsDealtWith.some((a) => a.amendmentId === amendmentId)) {
      refuse(
        'amendments',
        `${upperFirst(this.itemName(amendmentId, 'this amendment'))} has already been dealt with.`,
      );
    }
    // The parts name words of the text as it stood: an amendment now would change what they divide.
    if (item.parts)
      refuse(
        'motion-in-parts',
        'The motion has been taken in parts: its amendments are dealt with before a motion is taken in parts.',
      );
    this.requireDebateStage(item, 'moving to an amendment');
    if (!item.substantive.floorOpen) {
      refuse(
        'amendments',
        'The motion must be moved and seconded, and the floor opened, before its amendments are taken.',
      );
    }
    this.requireDebateNotClosed(item, 'move to an amendment');
    if (moverMemberId === item.substantive.moverMemberId) {
      refuse('one-speech-per-motion', 'The mover of the motion cannot move an amendment to it.');
    }
    this.requireNotSpoken(item, moverMemberId, 'move an amendment');
    if (seconder === moverMemberId) throw new InvalidInput('The mover cannot second their own amendment.');
    return [
      {
        type: 'amendment_taken',
        at: this.at,
        itemId: item.itemId,
        amendmentId,
        moverMemberId,
        seconderMemberId: seconder,
        amendsMotionAsAmendedBy: item.amendmentsDealtWith
          .filter((a) => a.outcome === 'carried')
          .map((a) => a.amendmentId),
      },
    ];
  }

  backToSubstantive(item: DebateItemState): DebateEvent[] {
    const amendment = item.amendment;
    if (!amendment?.amendmentId)
      return refuse('amendments', 'No amendment is being debated; the debate is on the motion.');
    this.requireDebateStage(item, 'returning to the motion');
    // Leaving an amendment without a vote: it is withdrawn.
    return [
      {
        type: 'amendment_concluded',
        at: this.at,
        itemId: item.itemId,
        amendmentId: amendment.amendmentId,
        outcome: 'withdrawn',
      },
    ];
  }

  amendmentOutcome(item: DebateItemState, outcome: 'carried' | 'lost', showOfHands: boolean): DebateEvent[] {
    const amendmentId = item.amendment?.amendmentId;
    if (!amendmentId || item.questionPut?.subject !== 'amendment') {
      return refuse('question-put', 'Put the question on the amendment before recording its result.');
    }
    this.requireFigures(showOfHands);
    return [
      {
        type: 'amendment_concluded',
        at: this.at,
        itemId: item.itemId,
        amendmentId,
        outcome,
        ...(showOfHands ? { showOfHands: true } : {}),
      },
    ];
  }

  // ---- procedural motions --------------------------------------------------------------------------

  moveProcedural(item: DebateItemState, command: MoveProceduralCommand): DebateEvent[] {
    const closure = command.kind === 'question_be_now_put';
    if (closure && item.speech) {
      refuse(
        'question-be-now-put',
        'The question be now put never interrupts a speech; it may be moved when the speech ends.',
      );
    }
    this.requireNoSpeech(item, 'moving a procedural motion');
    this.requireNoProcedural(item);
    this.requireNotVoting(item);
    this.requirePartsNotBegun(item, 'moving a procedural motion');
    if (item.rightOfReplyGiven)
      refuse('right-of-reply', 'The mover has replied; the vote is now taken, without procedural motions.');
    if (closure) this.requireMayMoveClosure(item, command.memberId);
    const rulingId =
      command.kind === 'challenge_chair' ? this.rulingToChallenge(item, command.rulingId) : null;
    const suspension = this.suspensionTerms(item, command);
    const attendanceMode = this.requirePresent(command.memberId);
    return [
      {
        type: 'procedural_moved',
        at: this.at,
        itemId: item.itemId,
        proceduralId: this.nextId('procedural'),
        amendmentId: currentQuestionOf(item).amendmentId,
        kind: command.kind,
        memberId: command.memberId,
        attendanceMode,
        majority: this.ruleset.majorities.procedural[command.kind],
        rulingId,
        ...(suspension ? { suspension } : {}),
      },
    ];
  }

  /**
   * A motion to suspend standing orders names what it suspends and for what business, so that, once
   * carried, it does exactly that: the item it is moved on, and any later items named (issue 19).
   */
  private suspensionTerms(item: DebateItemState, command: MoveProceduralCommand): SuspensionTerms | null {
    const asked = command.suspension;
    if (command.kind !== 'suspend_standing_orders') {
      if (asked)
        throw new InvalidInput('Only a motion to suspend standing orders names standing orders to suspend.', {
          suspension: 'only for suspend_standing_orders',
        });
      return null;
    }
    const orders = [...new Set(asked?.orders ?? [])];
    if (!asked || orders.length === 0)
      throw new InvalidInput(
        'Name the standing orders to suspend (the speech time limits, the guillotine), so that the suspension does what the meeting votes for.',
        { 'suspension.orders': 'name at least one standing order' },
      );
    const limit = asked.speechLimitSeconds;
    if (orders.includes('speech_time_limits')) {
      if (limit === undefined || !Number.isInteger(limit) || limit < 10 || limit > 3600)
        throw new InvalidInput(
          'With the speech time limits suspended, say how long each speech on this business may take (10 seconds to an hour).',
          { 'suspension.speechLimitSeconds': 'a whole number of seconds from 10 to 3600' },
        );
    } else if (limit !== undefined)
      throw new InvalidInput('A time for speeches is given only when the speech time limits are suspended.', {
        'suspension.speechLimitSeconds': 'only with the speech time limits suspended',
      });
    const later = [...new Set(asked.laterItemIds ?? [])].filter((itemId) => itemId !== item.itemId);
    for (const itemId of later) {
      if (this.state.items[itemId] || this.state.notReachedItemIds.includes(itemId))
        refuse(
          'suspension-of-standing-orders',
          `${this.itemName(itemId)} has already been taken or recorded as not reached; name only business still to come.`,
        );
    }
    return {
      orders,
      itemIds: [item.itemId, ...later],
      speechLimitSeconds: orders.includes('speech_time_limits') ? (limit ?? null) : null,
    };
  }

  proceduralOutcome(item: DebateItemState, result: 'carried' | 'lost', showOfHands: boolean): DebateEvent[] {
    const procedural = item.procedural;
    if (!procedural) return refuse('procedural-motion', 'No procedural motion is waiting for its result.');
    // Not put (voted at once, without debate) or put without a vote: either way no figures but the chair's.
    this.requireFigures(showOfHands, item.questionPut?.subject === 'procedural');
    const base = { at: this.at, itemId: item.itemId };
    const events: DebateEvent[] = [
      {
        type: 'procedural_decided',
        ...base,
        proceduralId: procedural.proceduralId,
        kind: procedural.kind,
        result,
        rulingId: procedural.rulingId,
        ...(showOfHands ? { showOfHands: true } : {}),
      },
    ];
    const ends = result === 'carried' ? PROCEDURAL_ENDINGS[procedural.kind] : undefined;
    if (ends)
      events.push({
        type: 'item_concluded',
        ...base,
        motionId: item.motionId,
        outcome: ends.outcome,
        reason: ends.reason,
      });
    return events;
  }

  // ---- the vote ------------------------------------------------------------------------------------

  putTheQuestion(item: DebateItemState): DebateEvent[] {
    this.requireNoSpeech(item, 'putting the question');
    this.requireNotVoting(item);
    const base = { type: 'question_put' as const, at: this.at, itemId: item.itemId, motionId: item.motionId };
    const carriedAmendmentIds = item.amendmentsDealtWith
      .filter((a) => a.outcome === 'carried')
      .map((a) => a.amendmentId);
    const procedural = item.procedural;
    if (procedural) {
      // Procedural motions are voted without debate.
      return [
        {
          ...base,
          subject: 'procedural',
          amendmentId: null,
          proceduralId: procedural.proceduralId,
          proceduralKind: procedural.kind,
          asAmended: item.asAmended,
          carriedAmendmentIds,
          majority: procedural.majority,
        },
      ];
    }
    const question = currentQuestionOf(item);
    if (!question.moved || question.seconded === null) {
      refuse(
        'moving-and-seconding',
        `${this.what(item)} must be moved and seconded before the question is put.`,
      );
    }
    const onAmendment = question.amendmentId !== null;
    const next =
      !onAmendment && item.parts ? item.parts.parts.find((p) => !item.parts!.outcomes[p.partId]) : undefined;
    if (next) {
      // Taken in parts: each part is its own question, on the motion's majority, in the order the motion reads.
      return [
        {
          ...base,
          subject: 'substantive',
          amendmentId: null,
          proceduralId: null,
          proceduralKind: null,
          asAmended: item.asAmended,
          carriedAmendmentIds,
          majority: this.motionMajority(item),
          partId: next.partId,
          partLabel: next.label,
        },
      ];
    }
    return [
      {
        ...base,
        subject: onAmendment ? 'amendment' : 'substantive',
        amendmentId: question.amendmentId,
        proceduralId: null,
        proceduralKind: null,
        asAmended: item.asAmended,
        carriedAmendmentIds,
        majority: onAmendment ? this.ruleset.majorities.amendment : this.motionMajority(item),
      },
    ];
  }

  recordOutcome(item: DebateItemState, command: RecordOutcomeCommand): DebateEvent[] {
    const { outcome } = command;
    const votedOutcome = outcome === 'carried' || outcome === 'carried_as_amended' || outcome === 'lost';
    if (votedOutcome && item.questionPut?.subject !== 'substantive') {
      refuse('question-put', `Put the question on the motion before recording it as ${outcome}.`);
    }
    if (votedOutcome && item.parts)
      refuse(
        'motion-in-parts',
        'The motion is taken in parts: put each part and record its result; the motion’s outcome follows from the parts.',
      );
    if (!votedOutcome)
      this.requirePartsNotBegun(item, `recording the motion as ${outcome.replace(/_/g, ' ')}`);
    if (outcome === 'carried' && item.asAmended)
      throw new InvalidInput('The motion was amended: record it as carried_as_amended.');
    if (outcome === 'carried_as_amended' && !item.asAmended)
      throw new InvalidInput('No amendment was carried: record it as carried.');
    if (votedOutcome) this.requireFigures(command.showOfHands === true);
    if (!votedOutcome) {
      this.requireNoSpeech(item, `recording the motion as ${outcome}`);
      if (outcome !== 'fell' && item.questionPut !== null) {
        refuse(
          'question-put',
          `The question has been put; record the result of the vote rather than ${outcome}.`,
        );
      }
    }
    return [
      {
        type: 'item_concluded',
        at: this.at,
        itemId: item.itemId,
        motionId: item.motionId,
        outcome,
        reason: command.reason ?? null,
        ...(votedOutcome && command.showOfHands === true ? { showOfHands: true } : {}),
      },
    ];
  }

  /**
   * A put question whose vote never opened (not quorate, say), or whose vote was voided, is taken back
   * with a reason: the debate returns to where it was, and the chair may put it again. A question with
   * a vote under way or declared is not withdrawn: close the vote and record its result, or void it first.
   */
  withdrawQuestion(item: DebateItemState, reason: string): DebateEvent[] {
    const put = item.questionPut;
    if (!put)
      return refuse('question-put', 'No question has been put on this item, so there is none to withdraw.');
    const vote = this.context.questionVote ?? null;
    if (vote) {
      refuse(
        'question-put',
        vote.state === 'open'
          ? 'A vote on this question is open; close it and record its result, or void it, before withdrawing the question.'
          : 'A vote on this question has been held; record its result, or void it, before withdrawing the question.',
      );
    }
    const why = reason.trim();
    if (!why)
      throw new InvalidInput('Give the reason the question is withdrawn; it goes in the minutes.', {
        reason: 'required',
      });
    return [
      {
        type: 'question_withdrawn',
        at: this.at,
        itemId: item.itemId,
        subject: put.subject,
        amendmentId: put.amendmentId,
        proceduralId: put.proceduralId,
        reason: why,
      },
    ];
  }

  // ---- a report, and reference back of a section of it ----------------------------------------------

  /**
   * A report to conference is taken as business of its own: delegates move to refer back a named section,
   * each voted without debate like a procedural motion (the procedural majority for reference back), and
   * the report is then received, less the sections referred back.
   */
  reportBusiness(command: ReportBusinessCommand): DebateEvent[] {
    const at = this.at;
    if (command.type === 'takeReport') {
      const open = openItemOf(this.state);
      if (open)
        refuse(
          'order-of-business',
          `${this.itemName(open.itemId)} is open; record its outcome before taking the report.`,
        );
      const other = openReportOf(this.state);
      if (other) refuse('order-of-business', `${other.title} is being taken; receive it first.`);
      const earlier = this.state.reports?.[command.reportId];
      if (earlier) refuse('order-of-business', `${earlier.title} has already been received.`);
      return [
        {
          type: 'report_taken',
          at,
          reportId: command.reportId,
          title: command.title,
          sections: command.sections,
        },
      ];
    }
    const report = this.state.reports?.[command.reportId];
    if (!report || report.status !== 'open')
      return refuse(
        'order-of-business',
        report
          ? `${report.title} has already been received.`
          : 'That report is not being taken; take it from the order of business first.',
      );
    const pending = report.pending;
    switch (command.type) {
      case 'moveReferenceBack': {
        const section = report.sections.find((s) => s.key === command.sectionKey);
        if (!section)
          throw new InvalidInput(`${report.title} has no section ${command.sectionKey}.`, {
            sectionKey: 'not a section of the report',
          });
        if (pending)
          refuse(
            'reference-back',
            `A reference back of ${this.sectionName(report, pending.sectionKey)} is waiting for its vote; decide it first.`,
          );
        if (report.referredBack.includes(section.key))
          refuse(
            'reference-back',
            `${this.sectionName(report, section.key)} has already been referred back.`,
          );
        const attendanceMode = this.requirePresent(command.memberId);
        return [
          {
            type: 'reference_back_moved',
            at,
            reportId: report.reportId,
            referenceId: this.nextId('reference'),
            sectionKey: section.key,
            sectionTitle: section.title,
            memberId: command.memberId,
            attendanceMode,
            majority: this.ruleset.majorities.procedural.refer_back,
          },
        ];
      }
      case 'putReferenceBack': {
        if (!pending) return refuse('reference-back', 'No reference back has been moved on this report.');
        if (pending.put) refuse('question-put', 'The reference back has been put; record its result first.');
        return [
          {
            type: 'reference_back_put',
            at,
            reportId: report.reportId,
            referenceId: pending.referenceId,
            sectionKey: pending.sectionKey,
            sectionTitle: this.sectionTitle(report, pending.sectionKey),
            majority: pending.majority,
          },
        ];
      }
      case 'referenceBackOutcome': {
        if (!pending) return refuse('reference-back', 'No reference back is waiting for its result.');
        const showOfHands = command.showOfHands === true;
        // As for a procedural motion: voted at once (a show of hands), or put with a counted vote.
        this.requireFigures(showOfHands, pending.put);
        return [
          {
            type: 'reference_back_decided',
            at,
            reportId: report.reportId,
            referenceId: pending.referenceId,
            sectionKey: pending.sectionKey,
            sectionTitle: this.sectionTitle(report, pending.sectionKey),
            result: command.result,
            ...(showOfHands ? { showOfHands: true } : {}),
          },
        ];
      }
      case 'receiveReport': {
        if (pending)
          refuse(
            'reference-back',
            `The reference back of ${this.sectionName(report, pending.sectionKey)} is waiting for its vote; decide it before receiving the report.`,
          );
        return [
          {
            type: 'report_received',
            at,
            reportId: report.reportId,
            title: report.title,
            sectionsReferredBack: report.sections.filter((s) => report.referredBack.includes(s.key)),
          },
        ];
      }
    }
  }

  private sectionTitle(report: ReportBusiness, key: string): string {
    return report.sections.find((s) => s.key === key)?.title ?? key;
  }

  private sectionName(report: ReportBusiness, key: string): string {
    return `section ${key} (${this.sectionTitle(report, key)})`;
  }

  // ---- a motion taken in parts ---------------------------------------------------------------------

  /**
   * On a request from the floor, the chair takes the motion in parts: each passage named is put to its
   * own vote, the rest of the motion too. Only on the motion itself (amendments are dealt with first),
   * once moved and seconded, and before any question is put on it.
   */
  takeInParts(item: DebateItemState, command: TakeInPartsCommand): DebateEvent[] {
    if (item.parts) refuse('motion-in-parts', 'The motion has already been taken in parts.');
    if (item.amendment)
      refuse(
        'motion-in-parts',
        `Amendment ${this.amendmentName(item.amendment.amendmentId)} is being debated; deal with it before taking the motion in parts.`,
      );
    this.requireDebateStage(item, 'taking the motion in parts');
    if (!item.substantive.moved || item.substantive.seconded === null)
      refuse('motion-in-parts', 'The motion must be moved and seconded before it is taken in parts.');
    const parts = divideMotion(command.text, command.parts, command.restOperative ?? true);
    return [{ type: 'motion_taken_in_parts', at: this.at, itemId: item.itemId, text: command.text, parts }];
  }

  /**
   * The result of the vote on the part put, from its figures or the chair's show of hands. With the last
   * part decided the item concludes: lost when every operative part is lost, otherwise carried in the
   * parts carried, the motion then reading as those parts.
   */
  partOutcome(item: DebateItemState, command: PartOutcomeCommand): DebateEvent[] {
    const partId = item.questionPut?.partId;
    const inParts = item.parts;
    const part = inParts?.parts.find((p) => p.partId === partId);
    if (!inParts || !part)
      return refuse('question-put', 'Put the question on a part of the motion before recording its result.');
    const showOfHands = command.showOfHands === true;
    this.requireFigures(showOfHands);
    const base = { at: this.at, itemId: item.itemId };
    const events: DebateEvent[] = [
      {
        type: 'part_decided',
        ...base,
        partId: part.partId,
        label: part.label,
        outcome: command.outcome,
        ...(showOfHands ? { showOfHands: true } : {}),
      },
    ];
    const outcomes = { ...inParts.outcomes, [part.partId]: command.outcome };
    const result = outcomeOfParts(inParts.parts, outcomes);
    if (result === null) return events;
    const someLost = Object.values(outcomes).includes('lost');
    events.push({
      type: 'item_concluded',
      ...base,
      motionId: item.motionId,
      outcome: result === 'lost' ? 'lost' : item.asAmended ? 'carried_as_amended' : 'carried',
      reason: `taken in parts (${partsInWords(inParts.parts, outcomes)})${result === 'lost' ? '; every operative part was lost' : ''}`,
      ...(result === 'carried' && someLost
        ? { carriedText: textOfPartsCarried(inParts.text, inParts.parts, outcomes) }
        : {}),
    });
    return events;
  }

  /** Once a part has been voted on, the motion's remaining parts are put; nothing else ends it. */
  private requirePartsNotBegun(item: DebateItemState, doing: string): void {
    const decided = item.parts ? Object.keys(item.parts.outcomes).length : 0;
    if (decided > 0)
      refuse(
        'motion-in-parts',
        `The meeting has voted on ${decided === 1 ? 'a part' : 'parts'} of the motion; put the remaining parts rather than ${doing}.`,
      );
  }

  // ---- guards --------------------------------------------------------------------------------------

  /**
   * Carried or lost is recorded from a declared vote's figures, or as the chair's declaration of a show
   * of hands when no vote was held; never from nothing (a put question whose vote failed to open).
   */
  private requireFigures(showOfHands: boolean, questionPut = true): void {
    const vote = questionPut ? (this.context.questionVote ?? null) : null;
    if (vote && showOfHands) {
      refuse(
        'vote-result',
        'A vote is held on this question; record its declared result rather than a show of hands.',
      );
    }
    if (vote && vote.state !== 'declared') {
      refuse(
        'vote-result',
        vote.state === 'open'
          ? 'The vote on this question is still open; close it and record the declared result.'
          : 'The vote on this question is closed but its result is not declared yet (the hall count is awaited).',
      );
    }
    if (!vote && !showOfHands) {
      refuse(
        'vote-result',
        'No vote has been held on this question, so there are no figures to record. Open the vote, ' +
          'declare the result on a show of hands, or withdraw the question.',
      );
    }
  }

  private requireNoSpeech(item: DebateItemState, doing: string): void {
    if (item.speech) {
      refuse(
        'no-interrupting-a-speech',
        `${this.who(item.speech.memberId)} is speaking; end or wait for the speech before ${doing}.`,
      );
    }
  }

  private requireNoProcedural(item: DebateItemState): void {
    if (item.procedural) {
      refuse(
        'procedural-motion',
        `The procedural motion '${item.procedural.kind}' is waiting to be voted on, without debate; record its result first.`,
      );
    }
  }

  private requireNotVoting(item: DebateItemState): void {
    if (item.questionPut)
      refuse(
        'question-put',
        `The question has been put (${item.questionPut.subject}); record the result first.`,
      );
  }

  /** No speech, no pending procedural motion, no vote under way. */
  private requireDebateStage(item: DebateItemState, doing: string): void {
    this.requireNoSpeech(item, doing);
    this.requireNoProcedural(item);
    this.requireNotVoting(item);
  }

  private requireDebateNotClosed(item: DebateItemState, doing: string): void {
    if (item.questionPut) refuse('question-put', `The question has been put; it is too late to ${doing}.`);
    if (currentQuestionOf(item).closure) {
      refuse('question-be-now-put', `The question be now put was carried; it is too late to ${doing}.`);
    }
    if (item.rightOfReplyGiven)
      refuse('right-of-reply', `The mover has replied and the vote is taken; it is too late to ${doing}.`);
  }

  private requireNotSpoken(item: DebateItemState, memberId: string, doing: string): void {
    if (item.spokenMemberIds.includes(memberId)) {
      refuse(
        'one-speech-per-motion',
        `${this.who(memberId)} has already spoken in this debate (the motion and its amendments are one debate) and cannot ` +
          `${doing}; a point of order or request for information is still open to them (SO 14).`,
      );
    }
  }

  private requireSpeechMayBeCalled(item: DebateItemState, memberId: string, requestOn: string | null): void {
    const point = item.queue.find(
      (r) => r.kind !== 'speak' && this.context.attendanceOf(r.memberId) !== null,
    );
    if (point) {
      refuse(
        'SO 14',
        `A ${point.kind.replace(/_/g, ' ')} from ${this.who(point.memberId)} is taken ahead of the queue; call it first.`,
      );
    }
    this.requireNotSpoken(item, memberId, 'speak again');
    this.requireNoProcedural(item);
    this.requireDebateNotClosed(item, 'call another speaker');
    if (!floorIsTakingSpeakers(item))
      refuse('moving-and-seconding', 'The floor is not open; open the floor first.');
    const question = currentQuestionOf(item);
    if (requestOn !== question.amendmentId) {
      const on = requestOn === null ? 'the motion' : `amendment ${requestOn}`;
      refuse(
        'amendments',
        `${this.who(memberId)} asked to speak on ${on}, which is not the question under debate.`,
      );
    }
  }

  private requireMovedNotSeconded(item: DebateItemState, doing: string) {
    const question = currentQuestionOf(item);
    this.requireDebateStage(item, doing);
    if (!question.moved)
      refuse('moving-and-seconding', `${this.what(item)} has not been moved; call the mover first.`);
    if (question.seconded !== null)
      refuse('moving-and-seconding', `${this.what(item)} has already been seconded.`);
    return question;
  }

  private requireMayMoveClosure(item: DebateItemState, memberId: string): void {
    const question = currentQuestionOf(item);
    if (memberId === item.substantive.moverMemberId || memberId === question.moverMemberId) {
      refuse(
        'question-be-now-put',
        'The mover may not move that the question be now put; the mover keeps the right of reply.',
      );
    }
    if (item.spokenMemberIds.includes(memberId)) {
      refuse(
        'question-be-now-put',
        `Only a member who has not spoken in this debate may move that the question be now put; ${this.who(memberId)} has spoken.`,
      );
    }
    if (!question.floorOpen)
      refuse('question-be-now-put', 'There is no debate to close yet: the floor is not open.');
    if (question.closure) refuse('question-be-now-put', 'The question be now put has already been carried.');
  }

  private rulingToChallenge(item: DebateItemState, rulingId: string | undefined): string {
    const standing = this.state.rulings.filter((r) => r.itemId === item.itemId && r.status === 'standing');
    const ruling = rulingId === undefined ? standing.at(-1) : standing.find((r) => r.rulingId === rulingId);
    if (!ruling)
      return refuse('challenge-chair', 'There is no standing ruling of the chair on this item to challenge.');
    return ruling.rulingId;
  }

  private requirePresent(memberId: string): AttendanceMode {
    const mode = this.context.attendanceOf(memberId);
    if (mode === null) {
      return refuse(
        'presence',
        `${this.who(memberId)} is not registered or not present at the AGM now; they cannot be called or take part.`,
      );
    }
    return mode;
  }

  // ---- helpers -------------------------------------------------------------------------------------

  private called(
    item: DebateItemState,
    memberId: string,
    role: Extract<DebateEvent, { type: 'speaker_called' }>['role'],
    choice: {
      requestId: string | null;
      suggestedMemberId: string | null;
      followedSuggestion: boolean | null;
    } = {
      requestId: null,
      suggestedMemberId: null,
      followedSuggestion: null,
    },
  ): SpeakerCalledEvent {
    const attendanceMode = this.requirePresent(memberId);
    return {
      type: 'speaker_called',
      at: this.at,
      itemId: item.itemId,
      amendmentId: currentQuestionOf(item).amendmentId,
      memberId,
      role,
      attendanceMode,
      ...choice,
    };
  }

  /** Ids are unique within the debate log: the version the first event of this decision will have. */
  private nextId(prefix: string): string {
    return `${prefix}-${this.state.version + 1}`;
  }

  /** People by name in refusals (the chair reads them); never the id, which no person can read. */
  private who(memberId: string): string {
    return this.context.nameOf?.(memberId) ?? 'The member';
  }

  /** An item by its label on the order of business when the use case gave one ("Motion 7"), else in words. */
  private itemName(itemId: string | null, otherwise = 'this item'): string {
    if (itemId === null) return otherwise;
    return this.context.titleOf?.(itemId) ?? otherwise;
  }

  private amendmentName(amendmentId: string | null): string {
    return amendmentId ? (this.context.titleOf?.(amendmentId) ?? amendmentId) : '';
  }

  private what(item: DebateItemState): string {
    return item.amendment
      ? upperFirst(this.itemName(item.amendment.amendmentId, 'the amendment'))
      : upperFirst(this.itemName(item.motionId, 'the motion'));
  }

  private motionMajority(item: DebateItemState): Majority {
    return item.kind === 'constitutional_amendment'
      ? this.ruleset.majorities.constitutional_amendment
      : this.ruleset.majorities.motion;
  }
}

/** What a carried procedural motion does to the item; the others resume or close the debate in the fold. */
const PROCEDURAL_ENDINGS: Partial<
  Record<string, { outcome: 'fell' | 'remitted' | 'referred_back'; reason: string }>
> = {
  next_business: { outcome: 'fell', reason: 'next business carried' },
  remit: { outcome: 'remitted', reason: 'remitted by procedural motion' },
  refer_back: { outcome: 'referred_back', reason: 'referred back by procedural motion' },
};

/** A refusal's first word starts with a capital, whatever the label or the words it was given. */
function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
