import type { ApiSuite } from './api-suite';

const MINUTE = 60_000;

/**
 * A conference for the order-of-business tests: two sections rotated for 2027 by head office
 * (NEGOTIATING, then HEALTH AND SAFETY; publication follows that one order), a branch with its
 * secretary, the SOC, the chair, `attendees` registered members, and four admitted motions, two a
 * section. `submit` drafts, submits and admits another.
 */
export async function agendaConference(suite: ApiSuite, options: { branchName: string; attendees: number }) {
  const { ctx } = suite;
  const http = () => suite.api.http();
  const conference = await ctx.newConference({ startsOn: '2027-10-01', endsOn: '2027-10-02' });
  await ctx.setMotionDeadlines(conference.id, { motions: new Date(Date.now() + 60 * MINUTE), amendments: new Date(Date.now() + 60 * MINUTE) });
  const branch = await ctx.newBody({ kind: 'branch', name: `${options.branchName} ${conference.id.slice(0, 6)}` });
  const secretary = await ctx.newOfficer(branch.id);
  const soc = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });
  const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
  const sections = { hs: await ctx.newSection(conference.id, 'HEALTH AND SAFETY'), neg: await ctx.newSection(conference.id, 'NEGOTIATING') };
  const headOffice = await ctx.asHeadOffice();
  await http().post(`/api/conferences/${conference.id}/sections/rotate`).set(headOffice.auth).send({}).expect(200);
  const attendees = [];
  for (let i = 0; i < options.attendees; i++) attendees.push(await ctx.newAttendee(conference.id));
  const base = `/api/conferences/${conference.id}`;
  const submit = async (title: string, sectionId: string) => {
    const { body } = await http().post(`${base}/motions`).set(secretary.auth).send({ kind: 'motion', bodyId: branch.id, sectionId, title, text: `This AGM resolves: ${title}.` }).expect(201);
    await http().post(`${base}/motions/${body.id}/submit`).set(secretary.auth).expect(200);
    await http().post(`${base}/motions/${body.id}/review`).set(soc.auth).send({ action: 'admit' }).expect(200);
    return body.id as string;
  };
  const motions = {
    pay: await submit('Pay claim', sections.neg.id),
    hours: await submit('Working hours', sections.neg.id),
    stress: await submit('Workload stress', sections.hs.id),
    ventilation: await submit('Office ventilation', sections.hs.id),
  };
  return { conference, branch, secretary, soc, chair, sections, headOffice, attendees, base, submit, motions };
}
