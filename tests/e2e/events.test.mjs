// Browser tests of events on the demo data:
//   - journey 3: the Almaty City Bar's coordinator (in Russian) sees the invitation from the
//     President of the Paris Bar to the Rentrée du Barreau de Paris 2014, accepts it for a
//     delegation of two, and downloads the invitation letter as PDF in Russian;
//   - journey 4: the organizer (Paris Bar coordinator) sets meeting slots and a table; the
//     delegation asks to meet the President of the Paris Bar, the International Committee and
//     the Training School; the organizer runs the scheduler; the delegation's agenda shows Paris
//     time with Almaty time beside it, and its .ics link gives a calendar;
//   - the Rentrée's page says what the story does not give (no day or hour for the sessions);
//   - the organizer adds a participant on the event page, withdraws their public listing, and
//     records an award (a bad date shown beside its field);
//   - axe-core on the event list, the event page (also with the organizer's forms), the
//     invitations and the agenda.
//
// Run from this folder:  npm ci && node --test events.test.mjs
// Environment: see support.mjs (ENTENTE_BIN, ENTENTE_E2E_OUT).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import {
  DEMO, OUT, TEST_TIMEOUT_MS, assertNoAxeViolations, newPage, squash, submitAndWait, useServerAndBrowser,
} from './support.mjs';

const RENTREE = '/events/rentree-du-barreau-de-paris-2014';

const app = useServerAndBrowser('server-events.log');

// A signed-in context in `lang` (the language switch's cookie) that accepts the letter's download.
const signedIn = (email, lang) => app.signedInContext(email, lang, { acceptDownloads: true });

test('the Rentrée 2014 as the story tells it, without invented days or hours', { timeout: TEST_TIMEOUT_MS }, async () => {
  const context = await app.browser.newContext({ locale: 'en-US' });
  try {
    const page = await newPage(context);
    const list = await page.goto(`${app.baseURL}/events`);
    assert.equal(list.status(), 200);
    const text = squash(await page.locator('main').innerText());
    for (const expected of ['10–13 December 2014', '14–15 October 2014', '27 June 2014', '26 June 2014',
      'place not given in the sources', 'Round-tables of the Rule of Law Platform with the Training Center of the Almaty City Bar']) {
      assert.ok(text.includes(expected), `the event list shows "${expected}"`);
    }
    await assertNoAxeViolations(page, 'event list');
    await page.locator(`main a[href="${RENTREE}"]`).click();
    await page.waitForURL(`${app.baseURL}${RENTREE}`);
    const rentree = squash(await page.locator('main').innerText());
    assert.ok(rentree.includes('Day not given in the sources'));
    assert.ok(rentree.includes('hour not given'));
    assert.ok(rentree.includes('Moot court competition'));
    assert.ok(rentree.includes('Punctuating the Platform Phase I Training Programme'));
    await assertNoAxeViolations(page, 'event page');
  } finally {
    await context.close();
  }
});

test('journey 3: the Almaty coordinator accepts the invitation for two and downloads the letter in Russian',
  { timeout: TEST_TIMEOUT_MS }, async () => {
    const { context, page } = await signedIn(DEMO('almaty.coordinator'), 'ru');
    try {
      await page.goto(`${app.baseURL}/events`);
      await page.locator('main a[href="/events/invitations"]').click();
      await page.waitForURL(`${app.baseURL}/events/invitations`);
      const card = page.locator('main li.invitation').filter({ hasText: 'Rentrée du Barreau de Paris 2014' });
      await assert.doesNotReject(card.waitFor(), 'the invitation to the Rentrée is listed');
      const cardText = squash(await card.innerText());
      assert.ok(cardText.includes('Pierre-Olivier Sûr'), `from the President of the Paris Bar: ${cardText}`);
      assert.ok(cardText.includes('Ожидает ответа'), `pending, in Russian: ${cardText}`);
      await assertNoAxeViolations(page, 'invitations');

      await card.locator('input[name="delegation_size"]').fill('2');
      const post = await submitAndWait(page, card.locator('button[value="accept"]'));
      assert.equal(post.status(), 303);
      const notice = squash(await page.locator('main [role="status"]').first().innerText());
      assert.ok(notice.includes('Приглашение принято'), `accepted notice: ${notice}`);
      const accepted = page.locator('main li.invitation').filter({ hasText: 'Rentrée du Barreau de Paris 2014' });
      assert.ok(squash(await accepted.locator('.invitation-status').innerText()).includes('Принято'));

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        accepted.locator('a[href$="/letter.pdf"]').click(),
      ]);
      const file = path.join(OUT, 'invitation-letter-ru.pdf');
      await download.saveAs(file);
      const bytes = fs.readFileSync(file);
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
      let letter = '';
      try {
        letter = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      } catch {
        letter = '';  // poppler-utils absent: the bytes were checked
      }
      if (letter) {
        assert.ok(letter.includes('Приглашение'), `the letter is in Russian: ${letter.slice(0, 200)}`);
        assert.ok(squash(letter).includes('Алматинская городская коллегия адвокатов'), 'addressed to the Almaty City Bar');
      }

      // The event page now shows the delegation of two, its names unknown.
      await page.goto(`${app.baseURL}${RENTREE}`);
      const delegations = squash(await page.locator('#delegations-heading + ul').innerText());
      assert.ok(/2 члена/.test(delegations), `a delegation of two: ${delegations}`);
    } finally {
      await context.close();
    }
  });

test('journey 4: private meetings scheduled, the agenda in Paris time with Almaty time beside it',
  { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
    const organizer = await signedIn(DEMO('paris.coordinator'), 'en');
    const almaty = await signedIn(DEMO('almaty.coordinator'), 'en');
    try {
      // The organizer sets three half-hour slots on 11 December and one table.
      const page = organizer.page;
      await page.goto(`${app.baseURL}${RENTREE}/meetings`);
      for (const [from, to] of [['2014-12-11T10:00', '2014-12-11T10:30'], ['2014-12-11T10:30', '2014-12-11T11:00'],
        ['2014-12-11T11:00', '2014-12-11T11:30']]) {
        await page.locator('#slot_starts').fill(from);
        await page.locator('#slot_ends').fill(to);
        const post = await submitAndWait(page, page.locator(`main form[action="${RENTREE}/meetings/slots"] button`));
        assert.equal(post.status(), 303, `slot ${from}`);
      }
      await page.locator('#room_name').fill('Table 1');
      assert.equal((await submitAndWait(page, page.locator(`main form[action="${RENTREE}/meetings/rooms"] button`))).status(), 303);

      // The delegation asks for its three meetings from its agenda.
      const delegate = almaty.page;
      await delegate.goto(`${app.baseURL}/events/invitations`);
      await delegate.locator('main a[href*="/agenda"]').first().click();
      await delegate.waitForURL(/\/agenda/);
      const agendaURL = delegate.url().split('?')[0];
      for (const [field, value, priority] of [['#request_host_person', 'pierre-olivier-sur', '5'],
        ['#request_host_organization', 'paris-bar-international-committee', '4'],
        ['#request_host_organization', 'paris-bar-training-school', '3']]) {
        await delegate.locator(field).fill(value);
        await delegate.locator('#request_priority').fill(priority);
        const post = await submitAndWait(delegate, delegate.locator('main form[action$="/meetings/requests"] button'));
        assert.equal(post.status(), 303, `request to meet ${value}`);
        await delegate.goto(agendaURL);
      }

      // The organizer runs the scheduler: every request is met.
      await page.goto(`${app.baseURL}${RENTREE}/meetings`);
      const run = await submitAndWait(page, page.locator(`main form[action="${RENTREE}/meetings/schedule"] button`));
      assert.equal(run.status(), 200);
      const outcome = squash(await page.locator('main [role="status"]').first().innerText());
      assert.ok(outcome.includes('3 / 3'), `all three met: ${outcome}`);
      const grid = squash(await page.locator('main table.meeting-grid').innerText());
      assert.ok(grid.includes('Pierre-Olivier Sûr'), `the grid shows the meeting with the President: ${grid}`);

      // The delegate's agenda: Paris time, Almaty time beside it (UTC+1 and UTC+6 in 2014).
      await delegate.goto(agendaURL);
      const agenda = squash(await delegate.locator('main table.agenda').innerText());
      assert.ok(agenda.includes('10:00–10:30'), `Paris time: ${agenda}`);
      assert.ok(agenda.includes('15:00–15:30 Asia/Almaty'), `Almaty time beside it: ${agenda}`);
      assert.ok(agenda.includes('Meeting with Pierre-Olivier Sûr'));
      await assertNoAxeViolations(delegate, 'agenda');
      const ics = await delegate.request.get(`${agendaURL}.ics`);
      assert.equal(ics.status(), 200);
      assert.match(ics.headers()['content-type'], /^text\/calendar/);
      const body = await ics.text();
      assert.equal((body.match(/BEGIN:VEVENT/g) || []).length, 3);
      assert.ok(body.includes('DTSTART;TZID=Europe/Paris:20141211T'), body.slice(0, 600));
    } finally {
      await organizer.context.close();
      await almaty.context.close();
    }
  });

test('the organizer adds a participant, withdraws their listing and records an award on the event page',
  { timeout: TEST_TIMEOUT_MS }, async () => {
    const organizer = await signedIn(DEMO('paris.coordinator'), 'en');
    const visitor = await app.browser.newContext({ locale: 'en-US' });
    try {
      const publicParticipants = async () => {
        const page = await newPage(visitor);
        await page.goto(`${app.baseURL}${RENTREE}`);
        const text = squash(await page.locator('section[aria-labelledby="participants-heading"]').innerText());
        await page.close();
        return text;
      };
      assert.ok(!(await publicParticipants()).includes('Daniyar Kanafin'), 'not listed before');

      const page = organizer.page;
      await page.goto(`${app.baseURL}${RENTREE}`);
      await assertNoAxeViolations(page, 'event page with the organizer\'s forms');
      await page.locator('#participant_person').fill('daniyar-kanafin');
      await page.locator('#participant_role').selectOption('guest');
      await page.locator('#participant_consent').check();
      const added = await submitAndWait(page, page.locator(`main form[action="${RENTREE}/participants"] button`));
      assert.equal(added.status(), 303);
      assert.ok((await publicParticipants()).includes('Daniyar Kanafin'), 'listed once he consented');

      // His consent withdrawn: no longer listed to visitors, still shown to the organizer.
      const item = page.locator('section[aria-labelledby="participants-heading"] li').filter({ hasText: 'Daniyar Kanafin' });
      const withdrawn = await submitAndWait(page, item.locator('button[name="consent_to_list"][value="0"]'));
      assert.equal(withdrawn.status(), 303);
      assert.ok(!(await publicParticipants()).includes('Daniyar Kanafin'), 'not listed once consent is withdrawn');
      assert.ok(squash(await item.innerText()).includes('not listed publicly'));

      // An award with its recipient named by role; a bad date is shown beside the form's date field.
      await page.locator('#award_title').fill('Test medal');
      await page.locator('#award_recipient_role').fill('Delegation head');
      await page.locator('#award_awarded_on').fill('12 December');
      const refused = await submitAndWait(page, page.locator(`main form[action="${RENTREE}/awards"] button`));
      assert.equal(refused.status(), 422);
      const dateField = squash(await page.locator('#award_awarded_on').locator('xpath=..').innerText());
      assert.ok(dateField.includes('Enter a date as YYYY-MM-DD'), dateField);
      await page.locator('#award_title').fill('Test medal');
      await page.locator('#award_recipient_role').fill('Delegation head');
      await page.locator('#award_awarded_on').fill('2014-12');
      const recorded = await submitAndWait(page, page.locator(`main form[action="${RENTREE}/awards"] button`));
      assert.equal(recorded.status(), 303);
      const awards = squash(await page.locator('main section.award').last().innerText());
      assert.ok(awards.includes('Test medal') && awards.includes('Delegation head'), awards);
    } finally {
      await organizer.context.close();
      await visitor.close();
    }
  });
