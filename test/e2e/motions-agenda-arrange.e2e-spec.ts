import { randomUUID } from 'node:crypto';
import type { ConferenceEventMessage } from '@agm/contracts';
import { agendaConference } from '../support/agenda-fixture';
import { apiSuite } from '../support/api-suite';
import { connect, EventStream } from '../support/socket-client';

const reason = 'The mover of the pay motion arrives on the second day.';

/**
 * The SOC sets the order of business by hand (POST /agenda/move): before publication only a motion's
 * section; after it, places too, with a reason that is recorded and pushed live, refused when stale, for an
 * item already taken, or for anyone but the SOC. And the priority ballot's count (GET /priority-ballot/tally).
 */
describe('motions: the SOC setting the order of business by hand', () => {
  const suite = apiSuite();
  const http = () => suite.api.http();

  const setUp = () => agendaConference(suite, { branchName: 'Cymru Branch', attendees: 2 });

  const order = async (base: string, who: { auth: Record<string, string> }) =>
    (await http().get(`${base}/agenda`).set(who.auth).expect(200)).body.entries.map((e: { motionId: string }) => e.motionId) as string[];

  it('before publication moves a motion to another section freely, and leaves the order to the priority ballot', async () => {
    const { soc, sections, attendees, base, motions, conference } = await setUp();
    const moved = await http().post(`${base}/agenda/move`).set(soc.auth).send({ motionId: motions.ventilation, toSectionId: sections.neg.id }).expect(200);
    expect(moved.body.entries).toEqual([]);
    const motion = (await http().get(`${base}/motions/${motions.ventilation}`).set(attendees[0].auth).expect(200)).body;
    expect(motion.sectionId).toBe(sections.neg.id);

    const reorder = await http().post(`${base}/agenda/move`).set(soc.auth).send({ motionId: motions.hours, toPosition: 0 }).expect(422);
    expect(reorder.body).toMatchObject({ rule: 'agenda', message: expect.stringMatching(/not published yet.*priority ballot/) });

    // The priority ballot's count, for the SOC: members' picks per motion, the most picked first.
    await http().post(`${base}/priority-ballot`).set(attendees[0].auth).send({ picks: [motions.hours, motions.stress] }).expect(200);
    await http().post(`${base}/priority-ballot`).set(attendees[1].auth).send({ picks: [motions.hours] }).expect(200);
    const tally = (await http().get(`${base}/priority-ballot/tally`).set(soc.auth).expect(200)).body;
    expect(tally).toEqual({
      open: true,
      ballots: 2,
      sections: [
        {
          section: 'NEGOTIATING',
          automatic: false,
          motions: [
            { motionId: motions.hours, title: 'Working hours', picks: 2 },
            { motionId: motions.pay, title: 'Pay claim', picks: 0 },
            { motionId: motions.ventilation, title: 'Office ventilation', picks: 0 },
          ],
        },
        { section: 'HEALTH AND SAFETY', automatic: true, motions: [{ motionId: motions.stress, title: 'Workload stress', picks: 1 }] },
      ],
    });
    const refused = await http().get(`${base}/priority-ballot/tally`).set(attendees[0].auth).expect(403);
    expect(refused.body.message).toMatch(/Standing Orders Committee/);

    // Each member reads back their own ballot, in order, and only their own; a member who cast none gets none.
    const mine = (await http().get(`${base}/priority-ballot/mine`).set(attendees[0].auth).expect(200)).body;
    expect(mine).toEqual({ picks: [motions.hours, motions.stress], castAt: expect.any(String) });
    expect((await http().get(`${base}/priority-ballot/mine`).set(attendees[1].auth).expect(200)).body.picks).toEqual([motions.hours]);
    await http().post(`${base}/priority-ballot`).set(attendees[1].auth).send({ picks: [motions.stress, motions.hours] }).expect(200);
    expect((await http().get(`${base}/priority-ballot/mine`).set(attendees[1].auth).expect(200)).body.picks).toEqual([motions.stress, motions.hours]);
    await http().post(`${base}/priority-ballot`).set(attendees[1].auth).send({ picks: [motions.hours] }).expect(200);
    const none = await suite.ctx.newAttendee(conference.id);
    expect((await http().get(`${base}/priority-ballot/mine`).set(none.auth).expect(200)).body).toEqual({ picks: [], castAt: null });
    const official = await http().get(`${base}/priority-ballot/mine`).set(soc.auth).expect(403);
    expect(official.body.message).toMatch(/access code/);

    // Publishing follows the ballot and the new section.
    await http().post(`${base}/agenda/publish`).set(soc.auth).expect(200);
    expect(await order(base, attendees[0])).toEqual([motions.hours, motions.pay, motions.ventilation, motions.stress]);
    expect((await http().get(`${base}/priority-ballot/tally`).set(soc.auth).expect(200)).body).toMatchObject({ open: false, ballots: 2 });
  });

  it('publishes when a motion members picked in the priority ballot was withdrawn since: that pick is dropped, the rest of the ballot counts', async () => {
    const { secretary, soc, attendees, base, motions } = await setUp();
    await http().post(`${base}/priority-ballot`).set(attendees[0].auth).send({ picks: [motions.pay, motions.ventilation] }).expect(200);
    await http().post(`${base}/priority-ballot`).set(attendees[1].auth).send({ picks: [motions.pay, motions.hours] }).expect(200);
    await http().post(`${base}/motions/${motions.pay}/withdraw`).set(secretary.auth).send({ reason: 'Settled before conference' }).expect(200);

    await http().post(`${base}/agenda/publish`).set(soc.auth).expect(200);
    // Without the withdrawn pay motion: hours (1 pick) alone in NEGOTIATING, ventilation (1 pick) before stress (0).
    expect(await order(base, attendees[0])).toEqual([motions.hours, motions.ventilation, motions.stress]);
  });

  it('after publication reorders and moves between sections with a reason, recorded and pushed live to the conference only', async () => {
    const { conference, soc, sections, attendees, base, motions } = await setUp();
    await http().post(`${base}/agenda/publish`).set(soc.auth).expect(200);
    const published = await order(base, soc);
    expect(published).toEqual([motions.pay, motions.hours, motions.stress, motions.ventilation]);

    const socket = suite.track(await connect(suite.api.url, attendees[0].token));
    const stream = new EventStream(socket, conference.id);
    await stream.join(socket);
    // An attendee of another conference, listening to everything its socket gets.
    const other = await suite.ctx.newConference();
    const outsider = await suite.ctx.newAttendee(other.id, { mode: 'hall' });
    const outsiderSocket = suite.track(await connect(suite.api.url, outsider.token));
    const everythingElsewhere: ConferenceEventMessage[] = [];
    outsiderSocket.on('conference.event', (event: ConferenceEventMessage) => everythingElsewhere.push(event));
    const outsiderStream = new EventStream(outsiderSocket, other.id);
    await outsiderStream.join(outsiderSocket);

    // Move "Working hours" up, before "Pay claim".
    const up = await http().post(`${base}/agenda/move`).set(soc.auth).send({ motionId: motions.hours, toPosition: 0, reason, expectedOrder: published }).expect(200);
    const afterUp = [motions.hours, motions.pay, motions.stress, motions.ventilation];
    expect(up.body.entries.map((e: { motionId: string }) => e.motionId)).toEqual(afterUp);
    // Published numbers stay with their motions.
    expect(up.body.entries.map((e: { label: string }) => e.label)).toEqual(['Motion 2', 'Motion 1', 'Motion 3', 'Motion 4']);
    const [event] = await stream.waitFor('agenda.rearranged');
    expect(event.payload).toMatchObject({ motionId: motions.hours, reason, label: 'Motion 2', fromPosition: 1, toPosition: 0, fromSection: 'NEGOTIATING', toSection: 'NEGOTIATING', order: afterUp });
    expect(await order(base, attendees[0])).toEqual(afterUp);

    // Move "Pay claim" to HEALTH AND SAFETY: it goes after that section's last item.
    const moved = await http().post(`${base}/agenda/move`).set(soc.auth).send({ motionId: motions.pay, toSectionId: sections.hs.id, reason, expectedOrder: afterUp }).expect(200);
    const afterMove = [motions.hours, motions.stress, motions.ventilation, motions.pay];
    expect(moved.body.entries.map((e: { motionId: string; section: string }) => [e.motionId, e.section])).toEqual([
      [motions.hours, 'NEGOTIATING'],
      [motions.stress, 'HEALTH AND SAFETY'],
      [motions.ventilation, 'HEALTH AND SAFETY'],
      [motions.pay, 'HEALTH AND SAFETY'],
    ]);
    const [, second] = await stream.waitFor('agenda.rearranged', 2);
    expect(second.payload).toMatchObject({ motionId: motions.pay, fromSection: 'NEGOTIATING', toSection: 'HEALTH AND SAFETY', order: afterMove });

    // The reason is in the moved motion's audit.
    const audit = (await http().get(`${base}/motions/${motions.pay}/audit`).set(soc.auth).expect(200)).body;
    expect(audit.at(-1)).toMatchObject({ action: 'arrange_agenda', why: `Order of business: place 2 → 4; section NEGOTIATING → HEALTH AND SAFETY. ${reason}`, fromStatus: 'placed', toStatus: 'placed' });

    // The other conference's attendee heard nothing of it: its own next event is the first it gets.
    const admin = await suite.ctx.asHeadOffice();
    await http().post(`/api/conferences/${other.id}/registrations/${outsider.registrationId}/check-in`).set(admin.auth).expect(200);
    await outsiderStream.waitFor('quorum.changed');
    expect(everythingElsewhere.filter((e) => e.conferenceId === conference.id)).toEqual([]);
  });

  it('refuses the wrong role, an unknown item or section, no reason, a stale order and an item already taken, changing nothing', async () => {
    const { soc, chair, secretary, attendees, base, motions } = await setUp();
    await http().post(`${base}/agenda/publish`).set(soc.auth).expect(200);
    const published = await order(base, soc);
    const move = (who: { auth: Record<string, string> }, body: Record<string, unknown>, status: number) =>
      http().post(`${base}/agenda/move`).set(who.auth).send({ motionId: motions.ventilation, toPosition: 0, reason, expectedOrder: published, ...body }).expect(status);

    for (const who of [chair, secretary, attendees[0]]) {
      const refused = await move(who, {}, 403);
      expect(refused.body.message).toMatch(/Standing Orders Committee/);
    }
    expect((await move(soc, { motionId: randomUUID() }, 404)).body.message).toMatch(/not on the order of business/);
    expect((await move(soc, { toSectionId: randomUUID(), toPosition: undefined }, 400)).body.errors).toEqual({ toSectionId: 'pick a section of this conference' });
    expect((await move(soc, { reason: undefined }, 400)).body).toMatchObject({ message: expect.stringMatching(/give the reason/), errors: { reason: 'required after publication' } });
    expect((await move(soc, { toPosition: 4 }, 400)).body.errors).toEqual({ toPosition: '0 to 3' });
    expect((await move(soc, { toPosition: -1 }, 400)).body.errors).toHaveProperty('toPosition');
    expect((await move(soc, { expectedOrder: undefined }, 409)).body.message).toMatch(/changed since you loaded it/);
    expect((await move(soc, { expectedOrder: [...published].reverse() }, 409)).body.message).toMatch(/Reload it/);

    // The chair takes "Pay claim": it keeps its place, and nothing moves past it.
    await http().post(`${base}/motions/${motions.pay}/outcome`).set(chair.auth).send({ action: 'open_debate' }).expect(200);
    expect((await move(soc, { motionId: motions.pay, toPosition: 2 }, 422)).body).toMatchObject({ rule: 'agenda', message: '“Pay claim” has already been taken (debated); it keeps its place on the order of business.' });
    expect((await move(soc, {}, 422)).body.message).toMatch(/“Pay claim” has already been taken .*nothing moves past it/);

    expect(await order(base, soc)).toEqual(published);
    const audit = (await http().get(`${base}/motions/${motions.ventilation}/audit`).set(soc.auth).expect(200)).body;
    expect(audit.some((entry: { action: string }) => entry.action === 'arrange_agenda')).toBe(false);
    // A move past no item already taken still works.
    await move(soc, { toPosition: 1 }, 200);
    expect(await order(base, soc)).toEqual([motions.pay, motions.ventilation, motions.hours, motions.stress]);
  });
});
