import { randomUUID } from 'node:crypto';
import { agendaConference } from '../support/agenda-fixture';
import { apiSuite } from '../support/api-suite';
import { connect, EventStream } from '../support/socket-client';

const MINUTE = 60_000;
const reason = 'Health and safety speakers are only here on the first morning.';

/**
 * Changes to the order of business that move more than one item: a whole section up or down
 * (POST /agenda/move-section: the planned section order before publication, a block of items after it,
 * with a reason and the expected order), and a composite made after publication taking its originals'
 * place (POST /composites with the expected order), and a motion admitted after publication placed by
 * the SOC (POST /agenda/place), and an emergency motion the meeting admitted slotted in by the same rule
 * (POST /agenda/emergency). All pushed live; refusals change nothing.
 */
describe('motions: whole sections, late composites and late motions on the order of business', () => {
  const suite = apiSuite();
  const http = () => suite.api.http();

  async function setUp() {
    const fixture = await agendaConference(suite, { branchName: 'Kent Branch', attendees: 1 });
    return { ...fixture, attendee: fixture.attendees[0] };
  }

  const agendaOf = async (base: string, who: { auth: Record<string, string> }) => (await http().get(`${base}/agenda`).set(who.auth).expect(200)).body;
  const order = async (base: string, who: { auth: Record<string, string> }) => (await agendaOf(base, who)).entries.map((e: { motionId: string }) => e.motionId) as string[];
  const listen = async (conferenceId: string, token: string) => {
    const socket = suite.track(await connect(suite.api.url, token));
    const stream = new EventStream(socket, conferenceId);
    await stream.join(socket);
    return stream;
  };

  it('before publication moves a section in the order publishing will use, live, no reason needed', async () => {
    const { conference, soc, chair, sections, attendee, base, motions, headOffice } = await setUp();
    expect((await agendaOf(base, soc)).sectionOrder).toEqual(['NEGOTIATING', 'HEALTH AND SAFETY']);
    const stream = await listen(conference.id, attendee.token);

    const moved = await http().post(`${base}/agenda/move-section`).set(soc.auth).send({ sectionId: sections.hs.id, direction: 'up' }).expect(200);
    expect(moved.body).toMatchObject({ publishedAt: null, entries: [], sectionOrder: ['HEALTH AND SAFETY', 'NEGOTIATING'] });
    const [event] = await stream.waitFor('agenda.section_moved');
    expect(event.payload).toMatchObject({ section: 'HEALTH AND SAFETY', direction: 'up', passed: 'NEGOTIATING', reason: null, sectionOrder: ['HEALTH AND SAFETY', 'NEGOTIATING'], order: null });
    // One order of sections: the set-up screen's list is the one the SOC moved, and it is told live.
    const sectionNames = async () => (await http().get(`${base}/sections`).set(headOffice.auth).expect(200)).body.map((s: { name: string }) => s.name);
    expect(await sectionNames()).toEqual(['HEALTH AND SAFETY', 'NEGOTIATING']);
    // The second: the first is head office's rotation for the year, replayed on joining.
    const [, listed] = await stream.waitFor('sections.changed', 2);
    expect(listed.payload).toMatchObject({ change: 'reordered', sectionId: sections.hs.id, sections: [{ name: 'HEALTH AND SAFETY', position: 1 }, { name: 'NEGOTIATING', position: 2 }] });
    // And head office's reorder on the set-up screen is the order the SOC plans with.
    await http().put(`${base}/sections/order`).set(headOffice.auth).send({ sectionIds: [sections.neg.id, sections.hs.id] }).expect(200);
    expect((await agendaOf(base, soc)).sectionOrder).toEqual(['NEGOTIATING', 'HEALTH AND SAFETY']);
    await http().put(`${base}/sections/order`).set(headOffice.auth).send({ sectionIds: [sections.hs.id, sections.neg.id] }).expect(200);
    // The priority ballot's count follows the planned order too.
    expect((await http().get(`${base}/priority-ballot/tally`).set(soc.auth).expect(200)).body.sections.map((s: { section: string }) => s.section)).toEqual(['HEALTH AND SAFETY', 'NEGOTIATING']);

    const refuse = (who: { auth: Record<string, string> }, body: Record<string, unknown>, status: number) => http().post(`${base}/agenda/move-section`).set(who.auth).send(body).expect(status);
    expect((await refuse(soc, { sectionId: sections.hs.id, direction: 'up' }, 400)).body).toMatchObject({ message: 'HEALTH AND SAFETY is already first in the order of business.', errors: { direction: 'already first' } });
    expect((await refuse(soc, { sectionId: randomUUID(), direction: 'up' }, 400)).body.errors).toEqual({ sectionId: 'pick a section of this conference' });
    expect((await refuse(soc, { sectionId: sections.hs.id, direction: 'sideways' }, 400)).body.errors).toHaveProperty('direction');
    expect((await refuse(chair, { sectionId: sections.neg.id, direction: 'up' }, 403)).body.message).toMatch(/Standing Orders Committee/);
    expect((await agendaOf(base, soc)).sectionOrder).toEqual(['HEALTH AND SAFETY', 'NEGOTIATING']);

    // Publishing takes the sections in that one order.
    await http().post(`${base}/agenda/publish`).set(soc.auth).expect(200);
    const published = await agendaOf(base, attendee);
    expect(published.sectionOrder).toEqual(['HEALTH AND SAFETY', 'NEGOTIATING']);
    // Once published, only the SOC moves sections (on the order of business, with a reason): set-up's reorder and rotate are refused.
    expect((await http().put(`${base}/sections/order`).set(headOffice.auth).send({ sectionIds: [sections.neg.id, sections.hs.id] }).expect(422)).body).toMatchObject({ rule: 'agenda', message: expect.stringMatching(/^The order of business is published/), errors: { sectionIds: 'fixed by the published order of business' } });
    await http().post(`${base}/sections/rotate`).set(headOffice.auth).send({ year: 2028 }).expect(422);
    expect(await sectionNames()).toEqual(['HEALTH AND SAFETY', 'NEGOTIATING']);
    expect(published.entries.map((e: { motionId: string; label: string }) => [e.motionId, e.label])).toEqual([
      [motions.stress, 'Motion 1'],
      [motions.ventilation, 'Motion 2'],
      [motions.pay, 'Motion 3'],
      [motions.hours, 'Motion 4'],
    ]);
  });

  it('after publication moves a section as a block with a reason, recorded and pushed live; refusals change nothing', async () => {
    const { conference, soc, chair, sections, attendee, base, motions } = await setUp();
    await http().post(`${base}/agenda/publish`).set(soc.auth).expect(200);
    const published = await order(base, soc);
    expect(published).toEqual([motions.pay, motions.hours, motions.stress, motions.ventilation]);
    const stream = await listen(conference.id, attendee.token);
    const move = (who: { auth: Record<string, string> }, body: Record<string, unknown>, status: number) =>
      http().post(`${base}/agenda/move-section`).set(who.auth).send({ sectionId: sections.hs.id, direction: 'up', reason, expectedOrder: published, ...body }).expect(status);

    expect((await move(chair, {}, 403)).body.message).toMatch(/Standing Orders Committee/);
    expect((await move(soc, { reason: ' ' }, 400)).body).toMatchObject({ message: expect.stringMatching(/give the reason/), errors: { reason: 'required after publication' } });
    expect((await move(soc, { expectedOrder: undefined }, 409)).body.message).toMatch(/changed since you loaded it/);
    expect((await move(soc, { expectedOrder: [...published].reverse() }, 409)).body.message).toMatch(/Reload it/);
    expect((await move(soc, { direction: 'down' }, 400)).body.message).toBe('HEALTH AND SAFETY is already last in the order of business.');
    expect(await order(base, soc)).toEqual(published);

    const moved = await move(soc, {}, 200);
    const afterUp = [motions.stress, motions.ventilation, motions.pay, motions.hours];
    expect(moved.body.entries.map((e: { motionId: string }) => e.motionId)).toEqual(afterUp);
    // Published labels stay with their motions; the published section order follows.
    expect(moved.body.entries.map((e: { label: string }) => e.label)).toEqual(['Motion 3', 'Motion 4', 'Motion 1', 'Motion 2']);
    expect(moved.body.sectionOrder).toEqual(['HEALTH AND SAFETY', 'NEGOTIATING']);
    // The conference's order of sections (set-up's list) follows the published one.
    expect((await http().get(`${base}/sections`).set(soc.auth).expect(200)).body.map((s: { id: string }) => s.id)).toEqual([sections.hs.id, sections.neg.id]);
    const [event] = await stream.waitFor('agenda.section_moved');
    expect(event.payload).toMatchObject({ section: 'HEALTH AND SAFETY', direction: 'up', passed: 'NEGOTIATING', reason, firstPosition: 0, lastPosition: 1, order: afterUp });
    expect(await order(base, attendee)).toEqual(afterUp);
    const audit = (await http().get(`${base}/motions/${motions.ventilation}/audit`).set(soc.auth).expect(200)).body;
    expect(audit.at(-1)).toMatchObject({ action: 'arrange_agenda', why: `Order of business: section HEALTH AND SAFETY moved up, before NEGOTIATING. ${reason}`, fromStatus: 'placed', toStatus: 'placed' });

    // The chair takes "Workload stress": its section keeps its place, and no section moves past it.
    await http().post(`${base}/motions/${motions.stress}/outcome`).set(chair.auth).send({ action: 'open_debate' }).expect(200);
    expect((await move(soc, { direction: 'down', expectedOrder: afterUp }, 422)).body).toMatchObject({ rule: 'agenda', message: '“Workload stress” has already been taken (debated); it keeps its place, so HEALTH AND SAFETY cannot move down past it.' });
    expect((await move(soc, { sectionId: sections.neg.id, expectedOrder: afterUp }, 422)).body.message).toMatch(/“Workload stress” has already been taken .*NEGOTIATING cannot move up past it/);
    expect(await order(base, soc)).toEqual(afterUp);

    // A section whose items stand apart is not gathered: refused, saying which item to move first.
    await http().post(`${base}/agenda/move`).set(soc.auth).send({ motionId: motions.hours, toPosition: 1, reason, expectedOrder: afterUp }).expect(200);
    const apart = [motions.stress, motions.hours, motions.ventilation, motions.pay];
    expect((await move(soc, { sectionId: sections.neg.id, direction: 'down', expectedOrder: apart }, 422)).body).toMatchObject({ rule: 'agenda', message: expect.stringMatching(/^The items of NEGOTIATING do not stand together \(“Pay claim” is apart from the rest\)/) });
    // A section added since publication has nothing on the order of business to move.
    const late = await suite.ctx.newSection(conference.id, 'EQUAL RIGHTS');
    expect((await move(soc, { sectionId: late.id, expectedOrder: apart }, 400)).body.message).toBe('EQUAL RIGHTS has no items on the order of business to move.');
    expect(await order(base, soc)).toEqual(apart);
  });

  it('places a composite made after publication where its first original was; the originals leave the order of business', async () => {
    const { conference, soc, chair, sections, attendee, base, motions, submit } = await setUp();
    await http().post(`${base}/agenda/publish`).set(soc.auth).expect(200);
    const published = await order(base, soc);
    const stream = await listen(conference.id, attendee.token);
    const composite = (body: Record<string, unknown>, status: number) =>
      http().post(`${base}/composites`).set(soc.auth).send({ motionIds: [motions.ventilation, motions.hours], title: 'Safe working hours', text: 'This AGM resolves: safe working hours and ventilation.', expectedOrder: published, ...body }).expect(status);

    // Refused: a stale order, no order, an original already taken; nothing is made.
    expect((await composite({ expectedOrder: [...published].reverse() }, 409)).body.message).toMatch(/Reload it/);
    expect((await composite({ expectedOrder: undefined }, 409)).body.message).toMatch(/changed since you loaded it/);
    await http().post(`${base}/motions/${motions.pay}/outcome`).set(chair.auth).send({ action: 'open_debate' }).expect(200);
    expect((await composite({ motionIds: [motions.pay, motions.hours] }, 422)).body).toMatchObject({ rule: 'agenda', message: '“Pay claim” has already been taken (debated); it keeps its place on the order of business and cannot be composited.', errors: { motionIds: 'only motions not yet taken' } });
    expect((await http().get(`${base}/motions`).set(soc.auth).expect(200)).body.some((m: { kind: string }) => m.kind === 'composite')).toBe(false);
    expect(await order(base, soc)).toEqual(published);

    // Working hours (Motion 2) and Office ventilation (Motion 4): the composite takes Motion 2's place.
    const made = (await composite({}, 201)).body;
    expect(made).toMatchObject({ kind: 'composite', status: 'placed', agendaLabel: 'Motion 2' });
    const agenda = await agendaOf(base, attendee);
    expect(agenda.entries.map((e: { motionId: string; label: string; status: string }) => [e.motionId, e.label, e.status])).toEqual([
      [motions.pay, 'Motion 1', 'debated'],
      [made.id, 'Motion 2', 'placed'],
      [motions.stress, 'Motion 3', 'placed'],
    ]);
    const [event] = await stream.waitFor('agenda.composite_placed');
    expect(event.payload).toMatchObject({
      motionId: made.id,
      label: 'Motion 2',
      position: 1,
      replaced: [
        { motionId: motions.hours, label: 'Motion 2', title: 'Working hours' },
        { motionId: motions.ventilation, label: 'Motion 4', title: 'Office ventilation' },
      ],
      order: [motions.pay, made.id, motions.stress],
    });
    for (const id of [motions.hours, motions.ventilation]) {
      expect((await http().get(`${base}/motions/${id}`).set(soc.auth).expect(200)).body).toMatchObject({ status: 'composited', compositeId: made.id, agendaLabel: null });
    }
    // The chair can take it like any placed item.
    await http().post(`${base}/motions/${motions.pay}/outcome`).set(chair.auth).send({ action: 'carry' }).expect(200);
    await http().post(`${base}/motions/${made.id}/outcome`).set(chair.auth).send({ action: 'open_debate' }).expect(200);

    // Two motions admitted after publication, composited: after their section's last item, numbered after the last motion.
    const late = [await submit('Night shifts', sections.hs.id), await submit('Lone working', sections.hs.id)];
    const current = await order(base, soc);
    const lateComposite = (await http().post(`${base}/composites`).set(soc.auth).send({ motionIds: late, title: 'Shifts and lone working', text: 'This AGM resolves: safe shifts.', expectedOrder: current }).expect(201)).body;
    // Motion 4 was Office ventilation's, composited since: not used again.
    expect(lateComposite).toMatchObject({ status: 'placed', agendaLabel: 'Motion 5' });
    expect(await order(base, soc)).toEqual([motions.pay, made.id, motions.stress, lateComposite.id]);
  });

  it('places a motion admitted after publication where the SOC chooses, numbered after the last motion; refusals change nothing', async () => {
    const { conference, secretary, soc, chair, sections, attendee, base, motions, submit, branch } = await setUp();
    const place = (who: { auth: Record<string, string> }, body: Record<string, unknown>, status: number) => http().post(`${base}/agenda/place`).set(who.auth).send(body).expect(status);
    const early = await submit('Early late motion', sections.neg.id);
    expect((await place(soc, { motionId: early, reason, expectedOrder: [] }, 422)).body).toMatchObject({ rule: 'agenda', message: expect.stringMatching(/^The order of business is not published yet/) });
    await http().post(`${base}/agenda/publish`).set(soc.auth).expect(200);
    // Pay claim (Motion 1) is taken; Early late motion was placed by publication (Motion 5 goes to the next).
    await http().post(`${base}/motions/${motions.pay}/outcome`).set(chair.auth).send({ action: 'open_debate' }).expect(200);
    const published = await order(base, soc);
    expect(published).toEqual([motions.pay, motions.hours, early, motions.stress, motions.ventilation]);
    const night = await submit('Night shifts', sections.neg.id);
    expect((await http().get(`${base}/motions/${night}`).set(soc.auth).expect(200)).body).toMatchObject({ status: 'admitted', agendaLabel: null });
    const { body: unruled } = await http().post(`${base}/motions`).set(secretary.auth).send({ kind: 'motion', bodyId: branch.id, sectionId: sections.hs.id, title: 'Not yet ruled on', text: 'This AGM resolves: wait.' }).expect(201);
    await http().post(`${base}/motions/${unruled.id}/submit`).set(secretary.auth).expect(200);
    const stream = await listen(conference.id, attendee.token);
    const placeNight = (who: { auth: Record<string, string> }, body: Record<string, unknown>, status: number) => place(who, { motionId: night, position: 2, reason, expectedOrder: published, ...body }, status);

    expect((await placeNight(chair, {}, 403)).body.message).toMatch(/Standing Orders Committee/);
    expect((await placeNight(soc, { reason: ' ' }, 400)).body).toMatchObject({ message: expect.stringMatching(/give the reason for placing the motion/), errors: { reason: 'required after publication' } });
    expect((await placeNight(soc, { expectedOrder: undefined }, 409)).body.message).toMatch(/changed since you loaded it/);
    expect((await placeNight(soc, { expectedOrder: [...published].reverse() }, 409)).body.message).toMatch(/Reload it/);
    expect((await placeNight(soc, { position: 0 }, 422)).body).toMatchObject({ rule: 'agenda', message: '“Pay claim” has already been taken (debated); nothing goes before it. Choose a place after it.', errors: { position: 'after the items already taken' } });
    expect((await placeNight(soc, { position: 6 }, 400)).body).toMatchObject({ message: 'Place 6 is outside the order of business (0 to 5; 5 puts it last).', errors: { position: '0 to 5' } });
    expect((await placeNight(soc, { position: -1 }, 400)).body.errors).toHaveProperty('position');
    expect((await placeNight(soc, { motionId: 'not-a-uuid' }, 400)).body.errors).toHaveProperty('motionId');
    expect((await placeNight(soc, { motionId: randomUUID() }, 404)).body.message).toMatch(/^No such motion/);
    expect((await placeNight(soc, { motionId: motions.hours }, 409)).body.message).toBe('“Working hours” is already on the order of business.');
    expect((await placeNight(soc, { motionId: unruled.id }, 422)).body).toMatchObject({ rule: 'agenda', message: '“Not yet ruled on” is submitted: only a motion the SOC has admitted goes on the order of business.' });
    expect(await order(base, soc)).toEqual(published);
    expect((await http().get(`${base}/motions/${night}`).set(soc.auth).expect(200)).body).toMatchObject({ status: 'admitted', agendaLabel: null });

    const placed = await placeNight(soc, {}, 200);
    const afterNight = [motions.pay, motions.hours, night, early, motions.stress, motions.ventilation];
    // The other items keep their labels; the new one is numbered after the last motion published.
    expect(placed.body.entries.map((e: { motionId: string; label: string; status: string }) => [e.motionId, e.label, e.status])).toEqual([
      [motions.pay, 'Motion 1', 'debated'],
      [motions.hours, 'Motion 2', 'placed'],
      [night, 'Motion 6', 'placed'],
      [early, 'Motion 3', 'placed'],
      [motions.stress, 'Motion 4', 'placed'],
      [motions.ventilation, 'Motion 5', 'placed'],
    ]);
    const [event] = await stream.waitFor('agenda.motion_placed');
    expect(event.payload).toMatchObject({ motionId: night, label: 'Motion 6', position: 2, reason, order: afterNight });
    expect(await order(base, attendee)).toEqual(afterNight);
    const audit = (await http().get(`${base}/motions/${night}/audit`).set(soc.auth).expect(200)).body;
    expect(audit.at(-1)).toMatchObject({ why: `Motion 6, placed on the order of business at place 3 of 6. ${reason}`, fromStatus: 'admitted', toStatus: 'placed' });
    expect((await placeNight(soc, { expectedOrder: afterNight }, 409)).body.message).toBe('“Night shifts” is already on the order of business.');

    // With no place named: after its section's last item. The chair can take it like any placed item.
    const lone = await submit('Lone working', sections.neg.id);
    const afterLone = (await place(soc, { motionId: lone, reason, expectedOrder: afterNight }, 200)).body.entries.map((e: { motionId: string }) => e.motionId);
    expect(afterLone).toEqual([motions.pay, motions.hours, night, early, lone, motions.stress, motions.ventilation]);
    await http().post(`${base}/motions/${motions.pay}/outcome`).set(chair.auth).send({ action: 'carry' }).expect(200);
    await http().post(`${base}/motions/${night}/outcome`).set(chair.auth).send({ action: 'open_debate' }).expect(200);
  });

  it('slots an emergency motion the meeting admitted by the same rule: a reason, the order as loaded, never before an item taken', async () => {
    const { conference, secretary, soc, chair, attendee, base, motions, branch } = await setUp();
    await http().post(`${base}/agenda/publish`).set(soc.auth).expect(200);
    await http().post(`${base}/motions/${motions.pay}/outcome`).set(chair.auth).send({ action: 'open_debate' }).expect(200);
    const published = await order(base, soc);
    // The motions deadline has passed; the SOC accepts an emergency motion and the meeting admits it (SO 7).
    await suite.ctx.setMotionDeadlines(conference.id, { motions: new Date(Date.now() - MINUTE), amendments: new Date(Date.now() - MINUTE), emergency: new Date(Date.now() + 60 * MINUTE) });
    const emergency = async (title: string) => {
      const answers = { aroseAfterDeadline: 'Announced yesterday.', cannotBeDealtWithOtherwise: 'The NEC meets after the closure.', graveEnoughToRearrangeBusiness: 'Hundreds of jobs.' };
      const { body } = await http().post(`${base}/motions`).set(secretary.auth).send({ kind: 'emergency_motion', bodyId: branch.id, title, text: `This AGM condemns ${title}.`, emergency: answers }).expect(201);
      await http().post(`${base}/motions/${body.id}/submit`).set(secretary.auth).expect(200);
      await http().post(`${base}/motions/${body.id}/emergency-decision`).set(soc.auth).send({ accept: true }).expect(200);
      return body.id as string;
    };
    const closures = await emergency('Office closures');
    const awaitingVote = await emergency('Court moves');
    await http().post(`${base}/motions/${closures}/emergency-admission-vote`).set(chair.auth).send({ carried: true }).expect(200);
    const stream = await listen(conference.id, attendee.token);
    const slot = (who: { auth: Record<string, string> }, body: Record<string, unknown>, status: number) =>
      http().post(`${base}/agenda/emergency`).set(who.auth).send({ motionId: closures, position: 1, reason, expectedOrder: published, ...body }).expect(status);

    expect((await slot(chair, {}, 403)).body.message).toMatch(/Standing Orders Committee/);
    expect((await slot(soc, { reason: undefined }, 400)).body).toMatchObject({ message: expect.stringMatching(/give the reason for slotting the emergency motion/), errors: { reason: 'required after publication' } });
    expect((await slot(soc, { expectedOrder: undefined }, 409)).body.message).toMatch(/changed since you loaded it/);
    expect((await slot(soc, { expectedOrder: [...published].reverse() }, 409)).body.message).toMatch(/Reload it/);
    // Pay claim is being debated: nothing is slotted before it.
    expect((await slot(soc, { position: 0 }, 422)).body).toMatchObject({ rule: 'agenda', message: '“Pay claim” has already been taken (debated); nothing goes before it. Choose a place after it.', errors: { position: 'after the items already taken' } });
    expect((await slot(soc, { position: 5 }, 400)).body).toMatchObject({ message: 'Place 5 is outside the order of business (0 to 4; 4 puts it last).', errors: { position: '0 to 4' } });
    expect((await slot(soc, { position: 4 }, 200)).body.entries.at(-1)).toMatchObject({ motionId: closures, label: 'Emergency motion 1' });
    const afterFirst = [...published, closures];
    // Once on it, not again; one the meeting has not admitted yet, not at all; an ordinary motion goes by /agenda/place.
    expect((await slot(soc, { expectedOrder: afterFirst }, 409)).body.message).toBe('“Office closures” is already on the order of business.');
    expect((await slot(soc, { motionId: awaitingVote, expectedOrder: afterFirst }, 422)).body).toMatchObject({ rule: 'agenda', message: expect.stringMatching(/^“Court moves” is submitted: only a motion the SOC has admitted/) });
    expect((await slot(soc, { motionId: motions.hours, expectedOrder: afterFirst }, 400)).body).toMatchObject({ message: expect.stringMatching(/^“Working hours” is not an emergency motion/), errors: { motionId: 'an emergency motion' } });
    expect(await order(base, soc)).toEqual(afterFirst);

    const [event] = await stream.waitFor('agenda.emergency_slotted');
    expect(event.payload).toMatchObject({ motionId: closures, label: 'Emergency motion 1', position: 4, reason, order: afterFirst });
    const audit = (await http().get(`${base}/motions/${closures}/audit`).set(soc.auth).expect(200)).body;
    expect(audit.at(-1)).toMatchObject({ why: `Emergency motion 1, placed on the order of business at place 5 of 5. ${reason}`, fromStatus: 'admitted', toStatus: 'placed' });

    // The second is numbered in the emergency series, slotted straight after the item taken; no published label changes.
    await http().post(`${base}/motions/${awaitingVote}/emergency-admission-vote`).set(chair.auth).send({ carried: true }).expect(200);
    const second = await slot(soc, { motionId: awaitingVote, expectedOrder: afterFirst }, 200);
    expect(second.body.entries.map((e: { motionId: string; label: string }) => [e.motionId, e.label])).toEqual([
      [motions.pay, 'Motion 1'],
      [awaitingVote, 'Emergency motion 2'],
      [motions.hours, 'Motion 2'],
      [motions.stress, 'Motion 3'],
      [motions.ventilation, 'Motion 4'],
      [closures, 'Emergency motion 1'],
    ]);
    expect(await order(base, attendee)).toEqual([motions.pay, awaitingVote, motions.hours, motions.stress, motions.ventilation, closures]);
  });
});
