import type { Page } from 'playwright-core';
import {
  browserSuite,
  describeInBrowser,
  expectAccessible,
  newOfficialWithPassword,
  newPage,
  PHONE,
  screenshot,
  signInOfficial,
  tokenOf,
  waitForText,
} from './browser-support';

const DAY = 86400000;

/**
 * A branch secretary's screen: the deadlines counting down in the conference's time zone, a motion with
 * its proposer and seconder picked from the branch's own members, an amendment to another branch's
 * motion (a refused one first, then one the SOC rules on), and after the motions deadline a refused
 * motion and an emergency motion under SO 7 that the SOC accepts.
 */
describeInBrowser('web client: the branch secretary', () => {
  const suite = browserSuite();

  const sql = (text: string, params: unknown[]) => suite.api.database.dataSource.manager.query(text, params);
  const alerts = (page: Page) => page.locator('[role=alert]').allTextContents();

  it('picks proposer and seconder, amends, is refused after the deadline and submits an emergency motion', async () => {
    const conference = await suite.ctx.newConference({
      name: `Napo AGM ${Date.now() % 10000}`,
      startsOn: '2027-10-07',
      endsOn: '2027-10-08',
    });
    const base = `/api/conferences/${conference.id}`;
    const open = { motions: new Date(Date.now() + 30 * DAY), amendments: new Date(Date.now() + 40 * DAY) };
    await suite.ctx.setMotionDeadlines(conference.id, {
      ...open,
      emergency: new Date(Date.now() + 50 * DAY),
    });
    const branch = await suite.ctx.newBody({ kind: 'branch', name: 'London Branch' });
    const secretaryMember = await suite.ctx.newMember();
    await sql("INSERT INTO body_officer (body_id, member_id, office) VALUES ($1, $2, 'secretary')", [
      branch.id,
      secretaryMember.id,
    ]);
    const secretary = await newOfficialWithPassword(suite.api, {
      memberId: secretaryMember.id,
      name: 'Branch Secretary',
    });
    const [mover, seconder] = [await suite.ctx.newMember(), await suite.ctx.newMember()];
    await sql('UPDATE member SET branch_id = $2, name = $3 WHERE id = $1', [
      mover.id,
      branch.id,
      'Ada Okafor',
    ]);
    await sql('UPDATE member SET branch_id = $2, name = $3 WHERE id = $1', [
      seconder.id,
      branch.id,
      'Bo Lindqvist',
    ]);
    // Another branch's member, who must not be offered.
    const other = await suite.ctx.newBody({ kind: 'branch', name: 'Bristol Branch' });
    const stranger = await suite.ctx.newMember();
    await sql('UPDATE member SET branch_id = $2 WHERE id = $1', [stranger.id, other.id]);
    const soc = await suite.ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });

    // Bristol's motion, admitted by the SOC: London may amend it.
    const bristol = await suite.ctx.newOfficer(other.id);
    const theirs = (
      await suite.api
        .http()
        .post(`${base}/motions`)
        .set(bristol.auth)
        .send({
          kind: 'motion',
          bodyId: other.id,
          title: 'Caseloads',
          text: 'This AGM instructs the NEC to campaign for a national caseload cap.',
        })
        .expect(201)
    ).body;
    await suite.api.http().post(`${base}/motions/${theirs.id}/submit`).set(bristol.auth).expect(200);
    await suite.api
      .http()
      .post(`${base}/motions/${theirs.id}/review`)
      .set(soc.auth)
      .send({ action: 'admit' })
      .expect(200);

    const { page: sec } = await newPage(suite.browser, suite.api);
    await signInOfficial(sec, secretary);
    await sec.goto(`/c/${conference.id}/secretary`);

    // The countdown, as an officer reads GET /deadlines: each deadline in Europe/London, with the time left.
    const motionsLine = await waitForText(sec, '[data-testid=deadline]', /left/);
    expect(motionsLine).toMatch(/^Motions: \d\d:\d\d on .*\(Europe\/London\): (29|30) days \d+ hours? left$/);
    await waitForText(
      sec,
      '[data-testid=deadline-amendments]',
      /Amendments: .*\(Europe\/London\): (39|40) days/,
    );
    await waitForText(sec, '[data-testid=deadline-emergency]', /Emergency motions \(SO 7\): .* left/);
    expect(await sec.getByRole('heading', { name: 'Deadlines (Europe/London)' }).count()).toBe(1);

    // Proposer and seconder come from London's own members, by name and membership number.
    const proposer = sec.getByLabel('Proposer', { exact: true });
    await sec.getByText(`Ada Okafor (${mover.membershipNumber})`).first().waitFor({ state: 'attached' });
    const offered = await proposer.locator('option').allTextContents();
    expect(offered).toEqual([
      'Not named yet',
      ...[
        `Ada Okafor (${mover.membershipNumber})`,
        `Bo Lindqvist (${seconder.membershipNumber})`,
        `${secretaryMember.name} (${secretaryMember.membershipNumber})`,
      ].sort(),
    ]);
    expect(offered.join(' ')).not.toContain(stranger.membershipNumber);
    await expect(sec.getByText('Submitting for London Branch.').first().isVisible()).resolves.toBe(true);

    // The word limit flags, it does not refuse.
    await sec.getByLabel('Text', { exact: true }).fill(Array.from({ length: 201 }, () => 'word').join(' '));
    await waitForText(sec, '[data-testid=word-count]', '201 of 200 words: over the limit');

    await sec.getByLabel('Title').fill('Workload Stress');
    await sec
      .getByLabel('Text', { exact: true })
      .fill('This AGM instructs the NEC to campaign for workload measurement in every probation region.');
    await proposer.selectOption({ label: `Ada Okafor (${mover.membershipNumber})` });
    await sec
      .getByLabel('Seconder', { exact: true })
      .selectOption({ label: `Bo Lindqvist (${seconder.membershipNumber})` });
    await sec.getByRole('button', { name: 'Save draft' }).click();
    await waitForText(sec, '[data-testid=motion-status]', 'Draft');
    await sec.getByRole('button', { name: 'Submit Workload Stress' }).click();
    await waitForText(sec, '[data-testid=motion-status]', 'Submitted');
    expect(await alerts(sec)).toEqual([]);
    const ours = (await suite.api.http().get(`${base}/motions`).set(soc.auth).expect(200)).body.find(
      (m: { title: string }) => m.title === 'Workload Stress',
    );
    expect(ours).toMatchObject({
      status: 'submitted',
      proposerMemberId: mover.id,
      seconderMemberId: seconder.id,
    });
    await expectAccessible(sec, 'secretary: motion submitted');
    await screenshot(sec, 'secretary-motion');

    // An amendment whose words are not in the motion is refused, and says why.
    const amend = sec.getByRole('region', { name: 'Amend a motion' });
    await waitForText(sec, '[data-testid=amend-target-text]', 'national caseload cap');
    await amend.getByLabel('Action (instruction 1)').selectOption('replace');
    await amend.getByLabel('Words to replace (instruction 1)').fill('a regional cap');
    await amend.getByLabel('Replace them with (instruction 1)').fill('a cap');
    await amend.getByRole('button', { name: 'Submit the amendment' }).click();
    await waitForText(sec, '[role=alert]', /a regional cap/);
    expect(await sec.locator('[data-testid=amendment-card]').count()).toBe(0);

    // A good one: the api answers with the motion as amended; the SOC's ruling and reason follow live.
    await amend.getByLabel('Words to replace (instruction 1)').fill('campaign for');
    await amend.getByLabel('Replace them with (instruction 1)').fill('negotiate');
    await amend.getByRole('button', { name: 'Add an instruction' }).click();
    await amend.getByLabel('Action (instruction 2)').selectOption('insert');
    await amend.getByLabel('Words to insert (instruction 2)').fill('within a year');
    await amend.getByLabel('After the words (empty: at the end) (instruction 2)').fill('caseload cap');
    await amend.getByRole('button', { name: 'Submit the amendment' }).click();
    await waitForText(
      sec,
      '[data-testid=amendment-result]',
      'This AGM instructs the NEC to negotiate a national caseload cap within a year.',
    );
    await waitForText(sec, '[data-testid=amendment-status]', 'Submitted');
    await waitForText(sec, '[data-testid=as-amended]', 'negotiate a national caseload cap');
    await expectAccessible(sec, 'secretary: amendment');
    const amendment = (await suite.api.http().get(`${base}/motions`).set(soc.auth).expect(200)).body.find(
      (m: { kind: string }) => m.kind === 'amendment',
    );
    await suite.api
      .http()
      .post(`${base}/amendments/${amendment.id}/ruling`)
      .set(soc.auth)
      .send({ admissible: false, reason: 'It changes the instruction to the NEC: a direct negative.' })
      .expect(200);
    await waitForText(sec, '[data-testid=amendment-ruling]', 'Ruled inadmissible');
    await waitForText(sec, '[data-testid=amendment-reason]', 'SOC: It changes the instruction to the NEC');
    await screenshot(sec, 'secretary-amendment');

    // The motions deadline passes: an ordinary motion is refused with the deadline and the SO 7 route...
    await suite.ctx.setMotionDeadlines(conference.id, {
      motions: new Date(Date.now() - DAY),
      amendments: open.amendments,
      emergency: new Date(Date.now() + 50 * DAY),
    });
    await sec.reload();
    await waitForText(sec, '[data-testid=deadline]', /Motions: .*\(Europe\/London\): closed/);
    await sec.getByLabel('Title').fill('Late pay motion');
    await sec.getByLabel('Text', { exact: true }).fill('This AGM calls for a pay claim of ten per cent.');
    await sec.getByRole('button', { name: 'Save draft' }).click();
    await sec.getByRole('button', { name: 'Submit Late pay motion' }).click();
    const refusal = await waitForText(sec, '[role=alert]', /closed/);
    expect(refusal).toMatch(/Europe\/London/);
    expect(refusal).toMatch(/emergency/i);

    // ...and an emergency motion answering the three SO 7 tests goes to the SOC, which accepts it.
    await sec.getByLabel('Kind').selectOption('emergency_motion');
    await sec.getByLabel('Title').fill('Office closures');
    await sec
      .getByLabel('Text', { exact: true })
      .fill('This AGM instructs the NEC to oppose the closure of the Leeds office announced last week.');
    await sec.getByLabel('How the issue arose after the motions deadline').fill('Announced last week.');
    await sec
      .getByLabel('Why it cannot be dealt with any other way')
      .fill('The closure takes effect before the NEC meets.');
    await sec
      .getByLabel('Why it is grave enough to rearrange the business')
      .fill('Two hundred members lose their office.');
    await sec.getByRole('button', { name: 'Save draft' }).click();
    await sec.getByRole('button', { name: 'Submit Office closures' }).click();
    await waitForText(sec, '[data-testid=emergency-stage]', 'Waiting for the SOC');
    const emergency = (await suite.api.http().get(`${base}/motions`).set(soc.auth).expect(200)).body.find(
      (m: { title: string }) => m.title === 'Office closures',
    );
    expect(emergency).toMatchObject({ kind: 'emergency_motion', status: 'submitted' });
    await suite.api
      .http()
      .post(`${base}/motions/${emergency.id}/emergency-decision`)
      .set(soc.auth)
      .send({ accept: true })
      .expect(200);
    await waitForText(
      sec,
      '[data-testid=emergency-stage]',
      'Accepted by the SOC: the meeting votes on admitting it',
    );
    await expectAccessible(sec, 'secretary: after the deadline');
    await screenshot(sec, 'secretary-emergency');
  });

  it('edits and submits again a returned motion, withdraws one, sees a composite, submits jointly and edits the joint motion', async () => {
    const conference = await suite.ctx.newConference({ startsOn: '2027-10-07', endsOn: '2027-10-08' });
    const base = `/api/conferences/${conference.id}`;
    await suite.ctx.setMotionDeadlines(conference.id, {
      motions: new Date(Date.now() + 20 * DAY),
      amendments: new Date(Date.now() + 30 * DAY),
    });
    const branch = await suite.ctx.newBody({ kind: 'branch', name: 'Cymru Branch' });
    const secretaryMember = await suite.ctx.newMember({ category: 'full' });
    await sql("INSERT INTO body_officer (body_id, member_id, office) VALUES ($1, $2, 'secretary')", [
      branch.id,
      secretaryMember.id,
    ]);
    const secretary = await newOfficialWithPassword(suite.api, { memberId: secretaryMember.id });
    // Two members (of no body of the secretary's): one may submit jointly (full), one may not (retired).
    const partner = await suite.ctx.newMember({ category: 'full' });
    const retired = await suite.ctx.newMember({ category: 'retired' });
    await sql('UPDATE member SET name = $2 WHERE id = $1', [partner.id, 'Cai Jones']);
    await sql('UPDATE member SET name = $2 WHERE id = $1', [retired.id, 'Dilys Rees']);
    const newPartner = await suite.ctx.newMember({ category: 'professional_associate' });
    await sql('UPDATE member SET name = $2 WHERE id = $1', [newPartner.id, 'Eve Price']);
    const soc = await suite.ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });
    const motionNamed = async (title: string) =>
      (await suite.api.http().get(`${base}/motions`).set(soc.auth).expect(200)).body.find(
        (m: { title: string }) => m.title === title,
      );

    const { page: sec } = await newPage(suite.browser, suite.api);
    await signInOfficial(sec, secretary);
    await sec.goto(`/c/${conference.id}/secretary`);
    await waitForText(sec, '[data-testid=deadline]', /left/);
    const card = (title: string) => sec.locator('[data-testid=motion-card]', { hasText: title });
    const draftAndSubmit = async (title: string, text: string) => {
      const form = sec.getByRole('region', { name: 'New motion' });
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('Text', { exact: true }).fill(text);
      await form.getByRole('button', { name: 'Save draft' }).click();
      await sec.getByRole('button', { name: `Submit ${title}` }).click();
      await waitForText(
        sec,
        `[data-testid=motion-card]:has-text("${title}") [data-testid=motion-status]`,
        'Submitted',
      );
    };

    // The SOC returns a motion with its reason; the secretary edits it, seeing the reason, the deadline and
    // the word count, and submits it again.
    await draftAndSubmit('Caseload weighting', 'This AGM calls for caseloads to be weighted.');
    const returned = await motionNamed('Caseload weighting');
    await suite.api
      .http()
      .post(`${base}/motions/${returned.id}/review`)
      .set(soc.auth)
      .send({ action: 'return_for_editing', reason: 'Say which workload measurement tool you mean.' })
      .expect(200);
    const returnedStatus = `[data-testid=motion-card]:has-text("Caseload weighting") [data-testid=motion-status]`;
    await waitForText(sec, returnedStatus, 'Returned for editing');
    await sec.getByRole('button', { name: 'Edit Caseload weighting' }).click();
    const edit = sec.getByRole('region', { name: 'Edit “Caseload weighting”' });
    await waitForText(sec, '[data-testid=return-reasons]', 'Say which workload measurement tool you mean.');
    expect(await edit.locator('[data-testid=edit-deadline]').textContent()).toMatch(
      /^Motions deadline: .*\(Europe\/London\): (19|20) days \d+ hours? left to submit it again$/,
    );
    await edit
      .getByLabel('Text', { exact: true })
      .fill('This AGM calls for caseloads to be weighted by the Workload Measurement Tool.');
    expect(await edit.locator('[data-testid=word-count]').textContent()).toBe('13 of 200 words');
    await expectAccessible(sec, 'secretary: editing a returned motion');
    await screenshot(sec, 'secretary-edit');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await card('Caseload weighting')
      .locator('.motion-text', { hasText: 'to be weighted by the Workload Measurement Tool.' })
      .waitFor();
    await waitForText(sec, returnedStatus, 'Returned for editing');
    await card('Caseload weighting')
      .getByRole('status')
      .filter({ hasText: 'Changes saved. Submit it again when it is ready.' })
      .waitFor();
    await sec.getByRole('button', { name: 'Submit again Caseload weighting' }).click();
    await waitForText(sec, returnedStatus, 'Submitted');
    expect(await motionNamed('Caseload weighting')).toMatchObject({
      status: 'submitted',
      text: 'This AGM calls for caseloads to be weighted by the Workload Measurement Tool.',
      statusReason: null,
    });
    expect(await sec.getByRole('button', { name: 'Edit Caseload weighting' }).count()).toBe(0);

    // Withdrawing asks first and says what it means; "Keep it" changes nothing; then it is withdrawn.
    await sec.getByRole('button', { name: 'Withdraw Caseload weighting' }).click();
    const confirm = sec.getByRole('region', { name: 'Withdraw “Caseload weighting”?' });
    expect(await confirm.textContent()).toMatch(/cannot be submitted again/);
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect(await sec.locator('[data-testid=withdraw-confirm]').count()).toBe(0);
    expect((await motionNamed('Caseload weighting')).status).toBe('submitted');
    await sec.getByRole('button', { name: 'Withdraw Caseload weighting' }).click();
    await confirm.getByLabel('Reason (optional)').fill('The NEC has agreed to it already.');
    await expectAccessible(sec, 'secretary: withdrawal confirmation');
    await confirm.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await waitForText(sec, returnedStatus, 'Withdrawn');
    await card('Caseload weighting')
      .getByRole('status')
      .filter({ hasText: 'Withdrawn: it is off the conference’s business.' })
      .waitFor();
    expect(await sec.getByRole('button', { name: 'Withdraw Caseload weighting' }).count()).toBe(0);
    const withdrawn = await suite.api
      .http()
      .get(`${base}/motions/${returned.id}/audit`)
      .set(soc.auth)
      .expect(200);
    expect(withdrawn.body.at(-1)).toMatchObject({
      toStatus: 'withdrawn',
      why: 'The NEC has agreed to it already.',
    });

    // The SOC composites another of ours with a Bristol motion: the card names the composite, linked.
    await draftAndSubmit('Pay parity', 'This AGM calls for pay parity with the prison service.');
    const other = await suite.ctx.newBody({ kind: 'branch', name: 'Bristol Branch' });
    const bristol = await suite.ctx.newOfficer(other.id);
    const theirs = (
      await suite.api
        .http()
        .post(`${base}/motions`)
        .set(bristol.auth)
        .send({ kind: 'motion', bodyId: other.id, title: 'Pay', text: 'This AGM wants better pay.' })
        .expect(201)
    ).body;
    await suite.api.http().post(`${base}/motions/${theirs.id}/submit`).set(bristol.auth).expect(200);
    const ours = await motionNamed('Pay parity');
    await suite.api
      .http()
      .post(`${base}/composites`)
      .set(soc.auth)
      .send({
        motionIds: [ours.id, theirs.id],
        title: 'Composite A: pay',
        text: 'This AGM calls for fair pay.',
      })
      .expect(201);
    const into = await waitForText(
      sec,
      '[data-testid=motion-card]:has-text("Pay parity") [data-testid=composited-into]',
      'Composite A: pay',
    );
    expect(into).toMatch(/^Merged by the SOC into the composite Composite A: pay/);
    const link = card('Pay parity').getByRole('link', { name: 'Composite A: pay' });
    const composite = await motionNamed('Composite A: pay');
    expect(await link.getAttribute('href')).toBe(`#m-${composite.id}`);

    // A joint submission: the other member is found by number and surname; a retired member is refused
    // at the number's field, and nothing is saved...
    const form = sec.getByRole('region', { name: 'New motion' });
    await form.getByLabel('Two members jointly: me and another member').check();
    expect(await form.getByLabel('Proposer', { exact: true }).count()).toBe(0);
    const number = form.getByLabel('Their membership number');
    await number.fill(retired.membershipNumber);
    await form.getByLabel('Their surname').fill('Rees');
    await form.getByRole('button', { name: 'Find the member' }).click();
    const fieldError = await waitForText(sec, '.field-error', /not a full or professional associate member/);
    expect(fieldError).toMatch(/Dilys Rees/);
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    expect(await number.getAttribute('aria-describedby')).toMatch(/-error/);
    await form.getByLabel('Title').fill('Probation estate');
    await form.getByLabel('Text', { exact: true }).fill('This AGM calls for safe probation offices.');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await sec.getByRole('alert').filter({ hasText: 'Find the other member first' }).waitFor();
    expect(await card('Probation estate').count()).toBe(0);
    await expectAccessible(sec, 'secretary: joint submission refused');

    // ...then with a full member: a joint draft, submitted by the two members for no body.
    await number.fill(partner.membershipNumber);
    await form.getByLabel('Their surname').fill('jones');
    await form.getByRole('button', { name: 'Find the member' }).click();
    await waitForText(
      sec,
      '[data-testid=joint-partner]',
      `Submitting jointly with Cai Jones (${partner.membershipNumber}).`,
    );
    expect(await number.getAttribute('aria-invalid')).toBeNull();
    await form.getByRole('button', { name: 'Save draft' }).click();
    await waitForText(
      sec,
      '[data-testid=motion-card]:has-text("Probation estate") [data-testid=joint-submission]',
      'joint',
    );
    await sec.getByRole('button', { name: 'Submit Probation estate' }).click();
    await waitForText(
      sec,
      '[data-testid=motion-card]:has-text("Probation estate") [data-testid=motion-status]',
      'Submitted',
    );
    expect(await motionNamed('Probation estate')).toMatchObject({
      status: 'submitted',
      submittingBodyId: null,
      proposerMemberId: secretaryMember.id,
      seconderMemberId: partner.id,
    });

    // The SOC returns the joint motion; the secretary ticks its topics and names another member in place
    // of Cai Jones: a retired member is refused at the number's field, then Eve Price is found and saved.
    const jointMotion = await motionNamed('Probation estate');
    await suite.api
      .http()
      .post(`${base}/motions/${jointMotion.id}/review`)
      .set(soc.auth)
      .send({ action: 'return_for_editing', reason: 'Say it is about pay and conditions.' })
      .expect(200);
    const jointStatus = '[data-testid=motion-card]:has-text("Probation estate") [data-testid=motion-status]';
    await waitForText(sec, jointStatus, 'Returned for editing');
    await sec.getByRole('button', { name: 'Edit Probation estate' }).click();
    const editJoint = sec.getByRole('region', { name: 'Edit “Probation estate”' });
    expect(await editJoint.locator('[data-testid=edit-kind]').textContent()).toMatch(
      /^Kind: Motion\. The SOC reviewed it as this/,
    );
    expect(await editJoint.getByLabel('Kind', { exact: true }).count()).toBe(0);
    const topics = editJoint.getByRole('group', { name: 'Topics (decide who may vote on it)' });
    // The ruleset's topics, not a fixed list.
    expect(await topics.locator('label').allTextContents()).toEqual([
      ' Pay and conditions',
      ' Industrial action',
      ' Constitutional',
      ' General',
    ]);
    await topics.getByLabel('Pay and conditions').check();
    await topics.getByLabel('General').check();
    const change = editJoint.getByRole('group', { name: 'Change the other member' });
    const newNumber = change.getByLabel('Their membership number');
    await newNumber.fill(retired.membershipNumber);
    await change.getByLabel('Their surname').fill('Rees');
    await change.getByRole('button', { name: 'Find the member' }).click();
    await waitForText(
      sec,
      '[data-testid=edit-motion] .field-error',
      /Dilys Rees is not a full or professional associate member/,
    );
    expect(await newNumber.getAttribute('aria-invalid')).toBe('true');
    expect(await newNumber.getAttribute('aria-describedby')).toMatch(/-error/);
    await expectAccessible(sec, 'secretary: editing a joint motion, the other member refused');
    await screenshot(sec, 'secretary-edit-joint');
    await sec.setViewportSize({ width: 360, height: 760 });
    expect(await sec.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await sec.setViewportSize({ width: 1280, height: 860 });
    await newNumber.fill(newPartner.membershipNumber);
    await change.getByLabel('Their surname').fill('Price');
    await change.getByRole('button', { name: 'Find the member' }).click();
    await waitForText(
      sec,
      '[data-testid=edit-motion] [data-testid=joint-partner]',
      `Saving names Eve Price (${newPartner.membershipNumber}) as the other member.`,
    );
    expect(await newNumber.getAttribute('aria-invalid')).toBeNull();
    await editJoint.getByRole('button', { name: 'Save changes' }).click();
    await waitForText(
      sec,
      '[data-testid=motion-card]:has-text("Probation estate") [data-testid=motion-topics]',
      'Topics: Pay and conditions, General',
    );
    expect(await motionNamed('Probation estate')).toMatchObject({
      status: 'returned_for_editing',
      topics: ['pay_and_conditions', 'general'],
      proposerMemberId: secretaryMember.id,
      seconderMemberId: newPartner.id,
    });

    // A draft may change its kind where the rules allow: an emergency motion while motions are still
    // open is refused at the Kind field, and the draft stays a motion.
    const newForm = sec.getByRole('region', { name: 'New motion' });
    await newForm.getByLabel('Cymru Branch').check();
    await newForm.getByLabel('Title').fill('Court closures');
    await newForm.getByLabel('Text', { exact: true }).fill('This AGM opposes the closure of family courts.');
    await newForm.getByRole('button', { name: 'Save draft' }).click();
    await sec.getByRole('button', { name: 'Edit Court closures' }).click();
    const editDraft = sec.getByRole('region', { name: 'Edit “Court closures”' });
    const kind = editDraft.getByLabel('Kind', { exact: true });
    await kind.selectOption('emergency_motion');
    await editDraft.getByLabel('How the issue arose after the motions deadline').fill('Announced this week.');
    await editDraft.getByLabel('Why it cannot be dealt with any other way').fill('The NEC meets too late.');
    await editDraft
      .getByLabel('Why it is grave enough to rearrange the business')
      .fill('Courts close next month.');
    await editDraft.getByRole('button', { name: 'Save changes' }).click();
    await waitForText(sec, '[data-testid=edit-motion] .field-error', /submit this as an ordinary motion/);
    expect(await kind.getAttribute('aria-invalid')).toBe('true');
    expect(await kind.getAttribute('aria-describedby')).toMatch(/-error/);
    expect(
      await sql('SELECT kind, status FROM motion WHERE conference_id = $1 AND title = $2', [
        conference.id,
        'Court closures',
      ]),
    ).toEqual([{ kind: 'motion', status: 'draft' }]);
    await expectAccessible(sec, 'secretary: a kind change refused at its field');
    await editDraft.getByRole('button', { name: 'Cancel editing' }).click();
    expect(await card('Court closures').locator('.badge').count()).toBe(0);
    expect(await alerts(sec)).toEqual([]);
    await expectAccessible(sec, 'secretary: withdrawn, composited and joint motions');
  });

  it("shows an officer the countdown on a phone, and never another body's members", async () => {
    const conference = await suite.ctx.newConference({ startsOn: '2027-10-07', endsOn: '2027-10-08' });
    await suite.ctx.setMotionDeadlines(conference.id, {
      motions: new Date(Date.now() + 3 * 3600000 + 60000),
      amendments: new Date(Date.now() + 10 * DAY),
    });
    const network = await suite.ctx.newBody({ kind: 'network', name: 'Women in Napo' });
    const convenorMember = await suite.ctx.newMember();
    await sql("INSERT INTO body_officer (body_id, member_id, office) VALUES ($1, $2, 'convenor')", [
      network.id,
      convenorMember.id,
    ]);
    const convenor = await newOfficialWithPassword(suite.api, { memberId: convenorMember.id });
    const { page } = await newPage(suite.browser, suite.api, PHONE);
    await signInOfficial(page, convenor);
    await page.goto(`/c/${conference.id}/secretary`);
    await waitForText(
      page,
      '[data-testid=deadline]',
      /Motions: .*\(Europe\/London\): 3 hours \d+ minutes? left/,
    );
    // No admitted motion of another body yet, so nothing to amend.
    await page.getByText('No admitted motion of another body to amend yet.').waitFor();
    // A network's members are not in the register: its officers are offered.
    const own = `${convenorMember.name} (${convenorMember.membershipNumber})`;
    await page.getByText(own).first().waitFor({ state: 'attached' });
    expect(await page.getByLabel('Proposer', { exact: true }).locator('option').allTextContents()).toEqual([
      'Not named yet',
      own,
    ]);
    // No sideways scrolling at 360 px.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await expectAccessible(page, 'secretary on a phone');
  });

  it("shows a proposer who has left the body as such, and the api's refusal of one member as both at its field", async () => {
    const conference = await suite.ctx.newConference({ startsOn: '2027-10-07', endsOn: '2027-10-08' });
    await suite.ctx.setMotionDeadlines(conference.id, {
      motions: new Date(Date.now() + 30 * DAY),
      amendments: new Date(Date.now() + 40 * DAY),
    });
    const base = `/api/conferences/${conference.id}`;
    const branch = await suite.ctx.newBody({ kind: 'branch', name: 'London Branch' });
    const secretaryMember = await suite.ctx.newMember();
    await sql("INSERT INTO body_officer (body_id, member_id, office) VALUES ($1, $2, 'secretary')", [
      branch.id,
      secretaryMember.id,
    ]);
    const secretary = await newOfficialWithPassword(suite.api, { memberId: secretaryMember.id });
    const [ada, bo] = [await suite.ctx.newMember(), await suite.ctx.newMember()];
    await sql('UPDATE member SET branch_id = $2, name = $3 WHERE id = $1', [ada.id, branch.id, 'Ada Okafor']);
    await sql('UPDATE member SET branch_id = $2, name = $3 WHERE id = $1', [
      bo.id,
      branch.id,
      'Bo Lindqvist',
    ]);
    const { page } = await newPage(suite.browser, suite.api, PHONE);
    await signInOfficial(page, secretary);
    await suite.api
      .http()
      .post(`${base}/motions`)
      .set({ Authorization: `Bearer ${await tokenOf(page)}` })
      .send({
        kind: 'motion',
        bodyId: branch.id,
        title: 'Court closures',
        text: 'This AGM opposes the closure of family courts.',
        proposerMemberId: ada.id,
        seconderMemberId: bo.id,
      })
      .expect(201);
    const stored = () =>
      sql('SELECT proposer_member_id, seconder_member_id FROM motion WHERE conference_id = $1', [
        conference.id,
      ]);
    // Ada has since left the branch (the register was imported again): she is not offered, and the form
    // says she was named before rather than showing "Not named yet".
    await sql('UPDATE member SET branch_id = NULL WHERE id = $1', [ada.id]);
    await page.goto(`/c/${conference.id}/secretary`);
    await page.getByRole('button', { name: 'Edit Court closures' }).click();
    const edit = page.getByRole('region', { name: 'Edit “Court closures”' });
    const proposer = edit.getByLabel('Proposer', { exact: true });
    await edit.getByText(`Bo Lindqvist (${bo.membershipNumber})`).first().waitFor({ state: 'attached' });
    expect(await proposer.inputValue()).toBe(ada.id);
    expect(await proposer.locator('option:checked').textContent()).toBe(
      "Named before, not one of the body's members now",
    );
    expect(await proposer.locator('option').allTextContents()).not.toContain(
      `Ada Okafor (${ada.membershipNumber})`,
    );

    // Bo, the seconder, picked as proposer too: the api refuses it at the Proposer field and saves nothing.
    await proposer.selectOption({ label: `Bo Lindqvist (${bo.membershipNumber})` });
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await waitForText(
      page,
      '[data-testid=edit-motion] .field-error',
      'the same member as the seconder: name someone else',
    );
    expect(await proposer.getAttribute('aria-invalid')).toBe('true');
    expect(await proposer.getAttribute('aria-describedby')).toMatch(/-error/);
    expect(await edit.getByLabel('Seconder', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(await stored()).toEqual([{ proposer_member_id: ada.id, seconder_member_id: bo.id }]);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await expectAccessible(page, 'secretary: a proposer refused at its field');

    // The secretary proposes it instead: saved.
    await proposer.selectOption({ label: `${secretaryMember.name} (${secretaryMember.membershipNumber})` });
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    expect(await stored()).toEqual([{ proposer_member_id: secretaryMember.id, seconder_member_id: bo.id }]);
  });
});
