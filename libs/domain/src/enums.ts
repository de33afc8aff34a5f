/** Every enumeration of the domain in one place, as readonly tuples so they serve as types and as validator inputs. */

export const CONFERENCE_FORMATS = ['in_person', 'hybrid', 'online'] as const;
export type ConferenceFormat = (typeof CONFERENCE_FORMATS)[number];

/** Napo's membership categories. A union may add its own; the ruleset lists the ones in force. */
export const NAPO_MEMBER_CATEGORIES = [
  'full',
  'professional_associate',
  'associate',
  'retired',
  'student',
] as const;
export type MemberCategory = string;

/** Motion topics that eligibility rules can key on. Unions may add more in the ruleset. */
export const NAPO_MOTION_TOPICS = [
  'pay_and_conditions',
  'industrial_action',
  'constitutional',
  'general',
] as const;
export type MotionTopic = string;

export const BODY_KINDS = ['branch', 'network', 'committee', 'forum', 'joint_members'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const ATTENDANCE_MODES = ['hall', 'remote'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

/** `returning_officer` runs the conference's elections: posts, nominations and their close (docs/elections.md). */
export const CONFERENCE_ROLES = ['admin', 'soc', 'chair', 'teller', 'monitor', 'returning_officer', 'steward'] as const;
export type ConferenceRole = (typeof CONFERENCE_ROLES)[number];

export const MOTION_KINDS = [
  'motion',
  'constitutional_amendment',
  'emergency_motion',
  'composite',
  'amendment',
] as const;
export type MotionKind = (typeof MOTION_KINDS)[number];

export const MOTION_STATUSES = [
  'draft',
  'submitted',
  'admitted',
  'ruled_out_of_order',
  'returned_for_editing',
  'composited',
  'withdrawn',
  'placed',
  'debated',
  'carried',
  'carried_as_amended',
  'lost',
  'remitted',
  'referred_back',
  'fell',
  'not_reached',
] as const;
export type MotionStatus = (typeof MOTION_STATUSES)[number];

export const VOTE_SUBJECTS = [
  'motion',
  'amendment',
  'procedural_motion',
  'emergency_admission',
  'challenge_to_chair',
  'custom',
  'test',
] as const;
export type VoteSubject = (typeof VOTE_SUBJECTS)[number];

export const VOTE_METHODS = ['show_of_cards', 'electronic', 'hybrid', 'card_vote'] as const;
export type VoteMethod = (typeof VOTE_METHODS)[number];

export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export const VOTE_CHANNELS = ['hall', 'electronic', 'card'] as const;
export type VoteChannel = (typeof VOTE_CHANNELS)[number];

/**
 * simple: for > against. two_thirds: for ≥ ⅔ of for + against. Both leave abstentions out.
 * votes_cast: for > half of every vote cast, abstentions included (an abstention then counts against).
 * entitled: for > half of those entitled to vote when it opened, however many voted (issue 19).
 */
export const MAJORITIES = ['simple', 'two_thirds', 'votes_cast', 'entitled'] as const;
export type Majority = (typeof MAJORITIES)[number];

export const PROCEDURAL_MOTIONS = [
  'next_business',
  'question_be_now_put',
  'remit',
  'refer_back',
  'suspend_standing_orders',
  'challenge_chair',
] as const;
export type ProceduralMotion = (typeof PROCEDURAL_MOTIONS)[number];

export const SPEECH_ROLES = [
  'mover',
  'seconder',
  'for',
  'against',
  'to',
  'right_of_reply',
  'point_of_order',
  'request_for_information',
  'procedural',
] as const;
export type SpeechRole = (typeof SPEECH_ROLES)[number];

/**
 * Standing orders a suspension can set aside for named business (issue 19): the speech time limits
 * (each speech on that business may then take the time the meeting agreed) and the guillotine (the
 * named business cannot be recorded as not reached).
 */
export const SUSPENDABLE_ORDERS = ['speech_time_limits', 'guillotine'] as const;
export type SuspendableOrder = (typeof SUSPENDABLE_ORDERS)[number];

export const TIE_RULES = ['chair_casting_vote', 'motion_falls'] as const;
export type TieRule = (typeof TIE_RULES)[number];
