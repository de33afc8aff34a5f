import { Action, audiencesFor, can, mayViewConference } from './permissions';
import type { AccountPrincipal, AttendeePrincipal, ProjectorPrincipal } from './principal';

const conferenceA = 'conf-a';
const conferenceB = 'conf-b';

function official(overrides: Partial<AccountPrincipal> = {}): AccountPrincipal {
  return {
    kind: 'account',
    sessionId: 's',
    accountId: 'acc',
    memberId: 'm-off',
    name: 'Official',
    isHeadOffice: false,
    roles: [],
    officerOf: [],
    ...overrides,
  };
}
const attendee: AttendeePrincipal = {
  kind: 'attendee',
  sessionId: 's',
  registrationId: 'r',
  memberId: 'm1',
  conferenceId: conferenceA,
  name: 'A',
  attendanceMode: 'remote',
};
const projector: ProjectorPrincipal = {
  kind: 'projector',
  sessionId: 'link',
  projectorLinkId: 'link',
  conferenceId: conferenceA,
  name: 'Projector',
  memberId: null,
};
const EVERY_ACTION: Action[] = [
  'conference.create',
  'conference.manage',
  'conference.view',
  'conference.watch',
  'projector.manage',
  'membership.manage',
  'registration.manage',
  'presence.record',
  'motions.review',
  'debate.chair',
  'vote.count',
  'monitoring.view',
  'body.submit',
  'sign-in.unblock',
  'elections.manage',
];

describe('permissions', () => {
  it("lets a returning officer run their conference's elections and nothing else there, and gives them the elections audience", () => {
    const officer = official({ roles: [{ conferenceId: conferenceA, role: 'returning_officer' }] });
    expect(can(officer, 'elections.manage', { conferenceId: conferenceA })).toBe(true);
    expect(can(officer, 'elections.manage', { conferenceId: conferenceB })).toBe(false);
    expect(can(officer, 'conference.view', { conferenceId: conferenceA })).toBe(true);
    expect(can(officer, 'conference.manage', { conferenceId: conferenceA })).toBe(false);
    expect(can(official({ officerOf: ['london'] }), 'elections.manage', { conferenceId: conferenceA })).toBe(
      false,
    );
    expect(audiencesFor(officer, conferenceA)).toEqual(['public', 'member:m-off', 'elections']);
  });

  it('lets a chair chair only the conference they chair', () => {
    const chair = official({ roles: [{ conferenceId: conferenceA, role: 'chair' }] });
    expect(can(chair, 'debate.chair', { conferenceId: conferenceA })).toBe(true);
    expect(can(chair, 'debate.chair', { conferenceId: conferenceB })).toBe(false);
    expect(can(chair, 'motions.review', { conferenceId: conferenceA })).toBe(false);
  });

  it('lets an officer submit for their own body and no other', () => {
    const secretary = official({ officerOf: ['london'] });
    expect(can(secretary, 'body.submit', { bodyId: 'london' })).toBe(true);
    expect(can(secretary, 'body.submit', { bodyId: 'cymru' })).toBe(false);
  });

  it('gives head office the administration but not the chair, the count or the equality statistics', () => {
    const headOffice = official({ isHeadOffice: true });
    expect(can(headOffice, 'registration.manage', { conferenceId: conferenceA })).toBe(true);
    expect(can(headOffice, 'conference.create')).toBe(true);
    expect(can(headOffice, 'debate.chair', { conferenceId: conferenceA })).toBe(false);
    expect(can(headOffice, 'monitoring.view', { conferenceId: conferenceA })).toBe(false);
  });

  it("lets a body's officer view a conference's set-up without a role in it, and no one else without a part", () => {
    expect(can(official({ officerOf: ['london'] }), 'conference.view', { conferenceId: conferenceA })).toBe(
      true,
    );
    expect(can(official(), 'conference.view', { conferenceId: conferenceA })).toBe(false);
  });

  it('lets an attendee only view their own conference', () => {
    expect(can(attendee, 'conference.view', { conferenceId: conferenceA })).toBe(true);
    expect(can(attendee, 'conference.view', { conferenceId: conferenceB })).toBe(false);
    expect(can(attendee, 'presence.record', { conferenceId: conferenceA })).toBe(false);
  });

  it("lets a projector link read its own conference's public screen and do nothing else", () => {
    expect(can(projector, 'conference.watch', { conferenceId: conferenceA })).toBe(true);
    for (const action of EVERY_ACTION.filter((a) => a !== 'conference.watch')) {
      expect([action, can(projector, action, { conferenceId: conferenceA, bodyId: 'london' })]).toEqual([
        action,
        false,
      ]);
    }
    expect(can(projector, 'conference.watch', { conferenceId: conferenceB })).toBe(false);
    expect(can(projector, 'conference.watch')).toBe(false);
    // Another conference does not exist for it (404), its own does (403 for what it may not do).
    expect(mayViewConference(projector, conferenceB)).toBe(false);
    expect(mayViewConference(projector, conferenceA)).toBe(true);
  });

  it('lets everyone who may view a conference read its public screen, and the chair or administrators issue projector links', () => {
    const chair = official({ roles: [{ conferenceId: conferenceA, role: 'chair' }] });
    const teller = official({ roles: [{ conferenceId: conferenceA, role: 'teller' }] });
    expect(can(attendee, 'conference.watch', { conferenceId: conferenceA })).toBe(true);
    expect(can(attendee, 'conference.watch', { conferenceId: conferenceB })).toBe(false);
    expect(can(official(), 'conference.watch', { conferenceId: conferenceA })).toBe(false);
    expect(can(chair, 'projector.manage', { conferenceId: conferenceA })).toBe(true);
    expect(can(chair, 'projector.manage', { conferenceId: conferenceB })).toBe(false);
    expect(can(official({ isHeadOffice: true }), 'projector.manage', { conferenceId: conferenceA })).toBe(
      true,
    );
    expect(can(teller, 'projector.manage', { conferenceId: conferenceA })).toBe(false);
    expect(can(attendee, 'projector.manage', { conferenceId: conferenceA })).toBe(false);
  });
});

describe('event audiences', () => {
  it('gives an attendee the public events and their own, for their conference only', () => {
    expect(audiencesFor(attendee, conferenceA)).toEqual(['public', 'member:m1']);
    expect(audiencesFor(attendee, conferenceB)).toEqual([]);
  });

  it('gives a projector link the public events of its one conference and nothing else', () => {
    expect(audiencesFor(projector, conferenceA)).toEqual(['public']);
    expect(audiencesFor(projector, conferenceB)).toEqual([]);
  });

  it('adds the rooms of each role held in that conference', () => {
    const person = official({
      roles: [
        { conferenceId: conferenceA, role: 'chair' },
        { conferenceId: conferenceA, role: 'monitor' },
        { conferenceId: conferenceB, role: 'soc' },
      ],
    });
    expect(audiencesFor(person, conferenceA)).toEqual(['public', 'member:m-off', 'chair', 'monitors']);
    expect(audiencesFor(person, conferenceA)).not.toContain('soc');
  });
});
