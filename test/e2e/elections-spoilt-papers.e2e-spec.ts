import { pdfText } from '../support/pdf-text';
import { parseBlt } from '@agm/domain';
import { apiSuite } from '../support/api-suite';
import { castRemote, enterPaper, openContestedBallot } from '../support/elections';

/**
 * Issue 20, spoilt hall papers: the tellers record a paper as spoilt with its reason, confirmed blind by
 * a second teller like any paper; spoilt papers count against the hall's headcount, are reported as
 * rejected papers by reason (as the Scottish count sheets state them) and in the turnout, and are never
 * counted for a candidate, in the quota, the BLT file or the counted ballots.
 *
 * First past the post, 2 seats, candidates Ann, Ben, Cy. 4 remote ballots (Ann+Ben, Ann+Cy, Ben, Cy) and
 * 6 hall papers: 3 valid (Cy, Cy+Ben, Ann+Cy) and 3 spoilt (unmarked, too many marks, identifies the voter).
 * Valid: Ann 3, Ben 3, Cy 5: Cy is elected, Ann and Ben level for the second seat go to the lot.
 */
describe('elections: spoilt hall papers', () => {
  const suite = apiSuite();
  const http = () => suite.api.http();

  it('records spoilt papers with a second teller, and reports them as rejected papers, never for a candidate', async () => {
    const ballot = await openContestedBallot(suite, { method: 'first-past-the-post', seats: 2, candidates: ['Ann Archer', 'Ben Brook', 'Cy Cole'], remote: 4, hall: 6 });
    const [one, two] = ballot.tellers;
    const papers = `${ballot.postUrl}/ballot/papers`;
    for (const [i, marks] of [['Ann Archer', 'Ben Brook'], ['Ann Archer', 'Cy Cole'], ['Ben Brook'], ['Cy Cole']].entries()) {
      await castRemote(suite, ballot, ballot.remote[i], marks);
    }

    // Refusals say what to do: not both; a reason the sheet knows; three marks for two seats is a spoilt paper.
    const both = await http().post(papers).set(one.auth).send({ preferences: [ballot.id['Ann Archer']], spoilt: 'uncertain' }).expect(400);
    expect(both.body.message).toContain('not both');
    const unknown = await http().post(papers).set(one.auth).send({ spoilt: 'torn' }).expect(400);
    expect(unknown.body.errors.spoilt).toContain('Spoilt must be one of: unmarked, too-many-marks, identifies-voter, uncertain');
    const tooMany = await http()
      .post(papers)
      .set(one.auth)
      .send({ preferences: ['Ann Archer', 'Ben Brook', 'Cy Cole'].map((n) => ballot.id[n]) })
      .expect(400);
    expect(tooMany.body.message).toBe('The paper has 3 marks, more than the 2 allowed: record it as spoilt (more marks than allowed).');
    const blank = await http().post(papers).set(one.auth).send({ preferences: [] }).expect(400);
    expect(blank.body.message).toContain('A paper with no mark is recorded as spoilt: unmarked.');

    // A spoilt paper: the second teller sees neither its content nor that it was found spoilt, and must agree on the reason.
    const spoilt = await http().post(papers).set(one.auth).send({ spoilt: 'unmarked' }).expect(201);
    expect(spoilt.body).toMatchObject({ number: 1, ballotText: 'Spoilt: unmarked', spoilt: 'unmarked', enteredByYou: true, confirmed: false });
    const blind = await http().get(papers).set(two.auth).expect(200);
    expect(blind.body).toEqual([expect.objectContaining({ number: 1, ballotText: null, spoilt: null, enteredByYou: false })]);
    const ownConfirm = await http().post(`${papers}/${spoilt.body.id}/confirm`).set(one.auth).send({ spoilt: 'unmarked' }).expect(422);
    expect(ownConfirm.body.message).toContain('a second teller must confirm it');
    const readsVotes = await http().post(`${papers}/${spoilt.body.id}/confirm`).set(two.auth).send({ preferences: [ballot.id['Cy Cole']] }).expect(409);
    expect(readsVotes.body.message).toBe(
      "Your entry of paper ballot 1 (Cy Cole) differs from the first teller's (Spoilt: unmarked). Look at the paper together: if the first teller misread it, they discard their entry and enter the paper again; if you did, key it again.",
    );
    const otherReason = await http().post(`${papers}/${spoilt.body.id}/confirm`).set(two.auth).send({ spoilt: 'uncertain' }).expect(409);
    expect(otherReason.body.message).toContain('(Spoilt: void for uncertainty) differs');
    // The close waits for the second teller, spoilt papers too.
    const waiting = await http().post(`${ballot.postUrl}/ballot/close`).set(ballot.returningOfficer.auth).send({ lotSeed: '3 6 1' }).expect(422);
    expect(waiting.body.message).toContain('Paper ballot 1 is entered but not confirmed');
    const confirmed = await http().post(`${papers}/${spoilt.body.id}/confirm`).set(two.auth).send({ spoilt: 'unmarked' }).expect(200);
    expect(confirmed.body).toMatchObject({ confirmed: true, ballotText: 'Spoilt: unmarked', spoilt: 'unmarked' });

    await enterPaper(suite, ballot, { spoilt: 'too-many-marks' }, 1);
    await enterPaper(suite, ballot, { preferences: ['Cy Cole'] });
    await enterPaper(suite, ballot, { spoilt: 'identifies-voter' });
    await enterPaper(suite, ballot, { preferences: ['Cy Cole', 'Ben Brook'] }, 1);
    await enterPaper(suite, ballot, { preferences: ['Ann Archer', 'Cy Cole'] });
    // Spoilt papers were handed out in the hall too: six members, six papers, no seventh.
    const seventh = await http().post(papers).set(one.auth).send({ spoilt: 'uncertain' }).expect(422);
    expect(seventh.body.message).toContain('6 members were in the hall');
    const list = await http().get(papers).set(ballot.returningOfficer.auth).expect(200);
    expect(list.body.map((p: { ballotText: string }) => p.ballotText)).toEqual([
      'Spoilt: unmarked',
      'Spoilt: more marks than allowed',
      'Cy Cole',
      'Spoilt: writing or mark by which the voter can be identified',
      'Cy Cole; Ben Brook',
      'Ann Archer; Cy Cole',
    ]);

    const closed = await http().post(`${ballot.postUrl}/ballot/close`).set(ballot.returningOfficer.auth).send({ lotSeed: '3 6 1' }).expect(200);
    const result = closed.body.result;
    expect(closed.body.paperBallotsConfirmed).toBe(6);
    expect(result).toMatchObject({
      validBallots: 7,
      invalidBallots: 0,
      rejectedPapers: {
        total: 3,
        byReason: [
          { reason: 'unmarked', reasonText: 'unmarked', papers: 1 },
          { reason: 'too-many-marks', reasonText: 'more marks than allowed', papers: 1 },
          { reason: 'identifies-voter', reasonText: 'writing or mark by which the voter can be identified', papers: 1 },
          { reason: 'uncertain', reasonText: 'void for uncertainty', papers: 0 },
        ],
      },
      turnout: { ballots: 10, eligible: 10, percent: 100, text: 'Turnout: 10 of 10 members on the register voted (100.0%, of which 3 rejected).' },
    });
    // Only the valid papers reach a candidate: Ann 3, Ben 3, Cy 5.
    expect(result.stages[0].candidates.map((c: { name: string; votes: string }) => [c.name, c.votes])).toEqual([
      ['Ann Archer', '3.00000'],
      ['Ben Brook', '3.00000'],
      ['Cy Cole', '5.00000'],
    ]);
    expect(result.elected[0]).toBe('Cy Cole');

    // Nor are they among the counted ballots, nor in the BLT file a scrutineer recounts.
    expect(await suite.sql(`SELECT count(*)::int AS n, count(*) FILTER (WHERE cardinality(preferences) = 0)::int AS empty FROM counted_election_ballot WHERE ballot_id = $1`, [ballot.ballotId])).toEqual([
      { n: 7, empty: 0 },
    ]);
    const blt = await http().get(`${ballot.postUrl}/ballot/ballots.blt`).set(ballot.returningOfficer.auth).expect(200);
    expect(parseBlt(blt.text).ballots.reduce((sum, b) => sum + (b.count ?? 1), 0)).toBe(7);
    // The log says how many papers were rejected; the count sheet states them by reason.
    const [closedEvent] = await suite.sql(`SELECT payload FROM conference_event WHERE conference_id = $1 AND type = 'election.ballot_closed'`, [ballot.conferenceId]);
    expect(closedEvent.payload).toMatchObject({ remoteBallots: 4, paperBallots: 3, rejectedPapers: 3 });
    const pdf = await http()
      .get(`${ballot.postUrl}/ballot/result.pdf`)
      .set(ballot.returningOfficer.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain(
      'Rejected papers: 3, counted for no candidate (unmarked: 1; more marks than allowed: 1; writing or mark by which the voter can be identified: 1; void for uncertainty: 0).',
    );
    expect(text).toContain('Turnout: 10 of 10 members on the register voted (100.0%, of which 3 rejected).');
  });
});
