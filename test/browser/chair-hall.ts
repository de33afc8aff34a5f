import type { AmendmentInstruction } from '@agm/domain';
import type { TestApi } from '../support/test-api';
import type { TestAttendee, TestContext } from '../support/test-context';
import type { Browser } from 'playwright-core';
import {
  admittedMotion,
  newOfficialWithPassword,
  newPage,
  setQuorumMinimum,
  signInOfficial,
  tokenOf,
  waitForText,
} from './browser-support';

/**
 * The hall the chair's browser specs share: a conference (October 2027) with its deadlines open and its
 * quorum lowered to `quorum`, the SOC, a chair who signs in through the form ("Conference Chair"), members
 * (in the hall, the first `checkedIn` checked in, each with a voting-card number read at the door if
 * `cards` gives one; or, with `mode: 'remote'`, registered remote and present only once they confirm
 * attendance on a phone), and motions from one branch moved by the first member and seconded by the
 * second, admitted, on a published order of business (none is published without motions: the api refuses
 * an empty one). Optionally amendments from a second branch, and reports to conference. `chairAuth` acts
 * through the api as the chair, for set-up steps a spec does not test.
 */
export async function chairHall(
  api: TestApi,
  ctx: TestContext,
  options: {
    name: string;
    quorum: number;
    members?: number;
    mode?: 'hall' | 'remote';
    checkedIn?: number;
    cards?: Array<string | undefined>;
    branch?: string;
    section?: string;
    motions?: Array<{ title: string; text?: string }>;
    /**
     * Amendments from a second branch (`branch`), moved by the third member and seconded by the fourth,
     * each to the motion at `motion` in `motions`: submitted before the order of business is published,
     * ruled admissible by the SOC after.
     */
    amendments?: { branch: string; to: Array<{ motion: number; instructions: AmendmentInstruction[] }> };
    /** Reports to conference the SOC adds to the order of business, with the sections one may refer back. */
    reports?: Array<{ title: string; sections: Array<{ key: string; title: string }> }>;
  },
) {
  const http = () => api.http();
  const headOffice = await ctx.asHeadOffice();
  const conference = await ctx.newConference({
    name: `${options.name} ${Date.now() % 10000}`,
    startsOn: '2027-10-07',
    endsOn: '2027-10-08',
  });
  const base = `/api/conferences/${conference.id}`;
  await ctx.setMotionDeadlines(conference.id, {
    motions: new Date(Date.now() + 30 * 86400000),
    amendments: new Date(Date.now() + 40 * 86400000),
  });
  await setQuorumMinimum(api, conference.id, headOffice, options.quorum);
  const branch = await ctx.newBody({ kind: 'branch', name: options.branch ?? 'Kent Branch' });
  const section = await ctx.newSection(conference.id, options.section ?? 'NEGOTIATING');
  const soc = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });
  const chair = await newOfficialWithPassword(api, {
    roles: [{ conferenceId: conference.id, role: 'chair' }],
    name: 'Conference Chair',
  });
  const mode = options.mode ?? 'hall';
  const members = Math.max(options.amendments ? 4 : 2, options.members ?? 3);
  const attendees: TestAttendee[] = await Promise.all(
    Array.from({ length: members }, () => ctx.newAttendee(conference.id, { mode, category: 'full' })),
  );
  /** Checks a hall member in (with their card number, if any) or out again, as head office. */
  const checkIn = async (who: TestAttendee, into = true) => {
    const cardNumber = into ? options.cards?.[attendees.indexOf(who)] : undefined;
    await http()
      .post(`${base}/registrations/${who.registrationId}/${into ? 'check-in' : 'check-out'}`)
      .set(headOffice.auth)
      .send(cardNumber ? { cardNumber } : {})
      .expect(200);
  };
  // Checking a remote registrant in would move them to the hall: remote members are not checked in.
  for (const a of attendees.slice(0, mode === 'hall' ? (options.checkedIn ?? members) : 0)) await checkIn(a);
  /** Makes members a body's, as a body's motion's mover and seconder must be. */
  const joinBody = (bodyId: string, who: TestAttendee[]) =>
    api.database.dataSource.manager.query('UPDATE member SET branch_id = $1 WHERE id = ANY($2::uuid[])', [
      bodyId,
      who.map((a) => a.member.id),
    ]);
  const [mover, seconder, amender, amendSeconder] = attendees;
  await joinBody(branch.id, [mover, seconder]);
  const secretary = await ctx.newOfficer(branch.id);
  const motionIds: string[] = [];
  for (const motion of options.motions ?? [])
    motionIds.push(
      await admittedMotion(
        api,
        conference.id,
        { secretary, soc },
        {
          bodyId: branch.id,
          sectionId: section.id,
          ...motion,
          proposerMemberId: mover.member.id,
          seconderMemberId: seconder.member.id,
        },
      ),
    );
  let amendingBranch;
  const amendmentIds: string[] = [];
  if (options.amendments) {
    amendingBranch = await ctx.newBody({ kind: 'branch', name: options.amendments.branch });
    await joinBody(amendingBranch.id, [amender, amendSeconder]);
    const amendingSecretary = await ctx.newOfficer(amendingBranch.id);
    for (const { motion, instructions } of options.amendments.to) {
      const { body } = await http()
        .post(`${base}/motions/${motionIds[motion]}/amendments`)
        .set(amendingSecretary.auth)
        .send({
          bodyId: amendingBranch.id,
          instructions,
          proposerMemberId: amender.member.id,
          seconderMemberId: amendSeconder.member.id,
        })
        .expect(201);
      amendmentIds.push(body.id);
    }
  }
  let agenda: { entries: Array<{ motionId: string; label: string }> } | undefined;
  if (motionIds.length > 0) {
    await http().post(`${base}/agenda/publish`).set(soc.auth).expect(200);
    agenda = (await http().get(`${base}/agenda`).set(soc.auth).expect(200)).body;
  }
  for (const id of amendmentIds)
    await http().post(`${base}/amendments/${id}/ruling`).set(soc.auth).send({ admissible: true }).expect(200);
  for (const report of options.reports ?? [])
    await http().post(`${base}/reports`).set(soc.auth).send(report).expect(201);
  /** A motion's number on the published order of business ("Motion 1"). */
  const labelOf = (id: string): string => agenda!.entries.find((e) => e.motionId === id)!.label;
  let token: string | undefined;
  const chairAuth = async () => {
    token ??= (
      await http()
        .post('/api/auth/official')
        .send({ email: chair.email, password: chair.password })
        .expect(200)
    ).body.token;
    return { Authorization: `Bearer ${token}` };
  };
  return {
    headOffice,
    conference,
    base,
    branch,
    amendingBranch,
    section,
    soc,
    secretary,
    chair,
    chairAuth,
    attendees,
    mover,
    seconder,
    motionIds,
    amendmentIds,
    agenda,
    labelOf,
    checkIn,
  };
}

/**
 * The chair's first commands on a motion through the api (take the item, the mover's speech, formally
 * seconded, the floor opened), for a spec whose own screen begins with the debate open.
 */
export async function openDebateOn(
  api: TestApi,
  base: string,
  chairAuth: Record<string, string>,
  motionId: string,
): Promise<void> {
  const says = async (body: Record<string, unknown>) => {
    const version = (await api.http().get(`${base}/debate`).set(chairAuth).expect(200)).body
      .version as number;
    await api
      .http()
      .post(`${base}/debate/commands`)
      .set(chairAuth)
      .send({ itemId: motionId, expectedSeq: version, ...body })
      .expect(200);
  };
  await says({ type: 'takeItem', motionId, itemId: undefined });
  for (const type of ['callMover', 'startSpeech', 'endSpeech', 'formallySeconded', 'openFloor'])
    await says({ type });
}

/** The names in the speakers' queue, in order, as the chair's console has them. */
export async function queueNames(
  api: TestApi,
  base: string,
  chairAuth: Record<string, string>,
): Promise<string[]> {
  const queue = (await api.http().get(`${base}/debate`).set(chairAuth).expect(200)).body.queue
    .queue as Array<{ name: string }>;
  return queue.map((q) => q.name);
}

/**
 * The chair's console as the chair opens it: signed in through the form, on `/c/:id/chair`. `button` finds
 * a button by its exact name; `step` is one chair action: the button, then its own confirmation, and any
 * refusal on the screen fails the test. `auth` is the page's own session, for reading the api as the chair.
 */
export async function openChairConsole(
  browser: Browser,
  api: TestApi,
  chair: { email: string; password: string },
  conferenceId: string,
) {
  const { page } = await newPage(browser, api);
  await signInOfficial(page, chair);
  await page.goto(`/c/${conferenceId}/chair`);
  const auth = { Authorization: `Bearer ${await tokenOf(page)}` };
  const alerts = () => page.locator('[role=alert]').allTextContents();
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const step = async (name: string, done: string | RegExp) => {
    await button(name).click();
    await waitForText(page, 'p.alert.ok[role=status]', done);
    expect(await alerts()).toEqual([]);
  };
  return { page, auth, alerts, button, step };
}
