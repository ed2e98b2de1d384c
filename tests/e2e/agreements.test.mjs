// Browser tests of the agreements module on the demo data:
//   - journey 1: a public visitor, in French, opens the Paris–Almaty agreement from the home
//     page (one click: the home page lists the public agreements): parties, signatories with their titles at the time, the signing as a range
//     (14–15 octobre 2014) in Astana, the four objectives, the timeline from the first contacts
//     to December 2015; switching to Kazakh changes the interface, and the record's text falls
//     back to a language it has, marked with its own lang attribute;
//   - journey 5: the Paris Bar's coordinator adds a follow-up entry and an activity linked to an
//     objective, then asks which objectives had no activity in the twelve months before
//     31 December 2016;
//   - stored XSS payloads in every text of an agreement stay text on its pages;
//   - axe-core on the list, the agreement (fr, kk, en with its forms) and the edit form.
//
// Run from this folder:  npm ci && node --test agreements.test.mjs
// Environment: see support.mjs (ENTENTE_BIN, ENTENTE_E2E_OUT).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import {
  DEMO, DEMO_PASSWORD, OUT, TEST_TIMEOUT_MS,
  assertNoAxeViolations, htmlLang, newPage, pathOf, sectionText, signIn, squash, submitAndWait, useServerAndBrowser,
} from './support.mjs';

const AGREEMENT = '/agreements/paris-almaty-2014';
const COORDINATOR = DEMO('paris.coordinator');

const app = useServerAndBrowser('server-agreements.log');

// Clicks a link or button that navigates, and waits for the new page.
async function follow(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

test('journey 1: a visitor reads the agreement in French, then in Kazakh with marked fallback text',
  { timeout: TEST_TIMEOUT_MS }, async () => {
    await app.withContext('fr', async (context) => {
      const page = await newPage(context);
      const res = await page.goto(`${app.baseURL}/`);
      assert.equal(res.status(), 200);
      assert.equal(await htmlLang(page), 'fr');

      // The home page lists the public agreements: one click.
      await follow(page, page.locator(`main a[href="${AGREEMENT}"]`));
      assert.equal(pathOf(page.url()), AGREEMENT);
      assert.equal(await htmlLang(page), 'fr');

      const h1 = squash(await page.locator('h1').innerText());
      assert.equal(h1, "Accord de coopération entre les barreaux de Paris et d'Almaty");
      assert.equal(await page.locator('h1').getAttribute('lang'), null, 'French text needs no lang of its own');

      const facts = await sectionText(page, 'facts-heading');
      assert.match(facts, /Signé 14–15 octobre 2014/, `the signing as a range: ${facts}`);
      assert.match(facts, /Lieu de signature Astana/);
      assert.match(facts, /En marge de la quatrième Conférence ministérielle sur l'État de droit/);
      assert.match(facts, /À l'initiative de Plateforme pour l'État de droit/);
      for (const unknown of ['Durée information inconnue', 'Reconduction information inconnue', 'Préavis information inconnue', 'Langues faisant foi information inconnue']) {
        assert.ok(facts.includes(unknown), `"${unknown}" in: ${facts}`);
      }

      const parties = await sectionText(page, 'parties-heading');
      assert.match(parties, /Barreau de Paris Signé par Pierre-Olivier Sûr, Bâtonnier \(fonction au moment de la signature\)/);
      assert.match(parties, /Barreau de la ville d'Almaty Signé par Kenzhegali Karchegenov, Président \(fonction au moment de la signature\)/);

      const objectives = page.locator('ol.objectives > li.objective');
      assert.equal(await objectives.count(), 4, 'the four objectives');
      assert.equal(squash(await objectives.nth(0).locator('.objective-text').innerText()),
        'Promouvoir les échanges entre les deux barreaux.');

      // The timeline: the Platform's first contacts, the signature, the Rentrée, December 2015.
      const entries = page.locator('ol.timeline > li');
      const dates = (await entries.locator('.timeline-date').allInnerTexts()).map(squash);
      assert.equal(dates[0], 'avant la signature', `timeline dates: ${dates}`);
      assert.ok(dates.includes('14–15 octobre 2014'), `timeline dates: ${dates}`);
      assert.ok(dates.includes('10–13 décembre 2014'), `timeline dates: ${dates}`);
      assert.equal(dates.at(-1), 'décembre 2015', `timeline dates: ${dates}`);
      assert.ok(dates.indexOf('14–15 octobre 2014') < dates.indexOf('10–13 décembre 2014'));
      await assertNoAxeViolations(page, 'the agreement (fr)');
      await page.screenshot({ path: path.join(OUT, 'agreement-fr.png'), fullPage: true });

      // Switch to Kazakh with the language switch: the interface changes, the record's text
      // falls back to English (it has no Kazakh), marked with lang="en".
      await follow(page, page.locator('nav.languages a[hreflang="kk"]'));
      assert.equal(pathOf(page.url()), AGREEMENT, 'the switch comes back to the same page');
      assert.equal(await htmlLang(page), 'kk');
      assert.equal(squash(await page.locator('nav.main-nav a[href="/agreements"]').innerText()), 'Келісімдер');
      assert.equal(await page.locator('h1').getAttribute('lang'), 'en');
      assert.match(squash(await page.locator('h1').innerText()), /^Cooperation Agreement between the Paris and Almaty Bars$/);
      const first = objectives.nth(0).locator('.objective-text');
      assert.equal(await first.getAttribute('lang'), 'en');
      const kkFacts = await sectionText(page, 'facts-heading');
      assert.match(kkFacts, /2014 ж\. 14–15 қазан/, `the signing in Kazakh: ${kkFacts}`);
      assert.match(kkFacts, /белгісіз/, 'unknowns are unknown in Kazakh too');
      await assertNoAxeViolations(page, 'the agreement (kk)');

      // The list, through the navigation.
      await follow(page, page.locator('nav.main-nav a[href="/agreements"]'));
      assert.equal(pathOf(page.url()), '/agreements');
      assert.equal(await page.locator(`main a[href="${AGREEMENT}"]`).getAttribute('lang'), 'en');
      await assertNoAxeViolations(page, 'the list of agreements (kk)');
      await page.screenshot({ path: path.join(OUT, 'agreement-kk.png'), fullPage: true });
    });
  });

test('journey 5: the coordinator follows up and asks which objectives had no activity in 2016',
  { timeout: TEST_TIMEOUT_MS }, async () => {
    await app.withContext('en', async (context) => {
      const page = await newPage(context);
      await signIn(page, app.baseURL, COORDINATOR, DEMO_PASSWORD, { next: AGREEMENT });

      // A follow-up entry.
      await page.locator('#follow_up_entry_on').fill('2016-03');
      await page.locator('#follow_up_text').fill('The International Committee reviewed the cooperation with the Almaty City Bar.');
      let post = await submitAndWait(page, page.locator('form[action$="/follow-ups"] button[type="submit"]'));
      assert.equal(post.status(), 303);
      assert.match(await page.locator('[role="status"]').first().innerText(), /saved/);
      assert.match(await sectionText(page, 'log-heading'), /March 2016 — The International Committee reviewed/);

      // A bad entry is refused with a clear message, and nothing is added.
      await page.locator('#follow_up_entry_on').fill('2016-13');
      await page.locator('#follow_up_text').fill('Wrong date');
      post = await submitAndWait(page, page.locator('form[action$="/follow-ups"] button[type="submit"]'));
      assert.equal(post.status(), 422);
      assert.ok(await page.locator('.field-error').first().isVisible());
      assert.doesNotMatch(await sectionText(page, 'log-heading'), /Wrong date/);

      // An activity linked to objective 2 (legal and judicial cooperation).
      await page.locator('#activity_kind').selectOption('round_table');
      await page.locator('#activity_happened_on').fill('2016-05-20');
      await page.locator('#activity_place').fill('Almaty');
      await page.locator('#activity_text').fill('Round-table on cross-border legal assistance between members of the two bars.');
      await page.locator('form[action$="/activities"] input[type="checkbox"]').nth(1).check();
      post = await submitAndWait(page, page.locator('form[action$="/activities"] button[type="submit"]'));
      assert.equal(post.status(), 303);

      // As of 31 December 2016: every objective but the second is flagged.
      await page.locator('#as_of').fill('2016-12-31');
      await follow(page, page.locator('form.as-of button[type="submit"]'));
      assert.equal(new URL(page.url()).searchParams.get('as_of'), '2016-12-31');
      const objectives = page.locator('ol.objectives > li.objective');
      const quiet = await objectives.evaluateAll((items) => items.map((li) => li.classList.contains('objective-quiet')));
      assert.deepEqual(quiet, [true, false, true, true]);
      assert.match(await objectives.nth(0).locator('.flag').innerText(), /No activity in the 12 months before 31 December 2016/);
      assert.match(await page.locator('.quiet-count').innerText(), /3 objectives flagged/);
      await assertNoAxeViolations(page, 'the agreement with its forms (en)');

      // The edit form opens for the coordinator, and is accessible.
      await page.goto(`${app.baseURL}${AGREEMENT}/edit`);
      assert.equal(await page.locator('#slug').inputValue(), 'paris-almaty-2014');
      assert.equal(await page.locator('#signed_on').inputValue(), '2014-10-14/2014-10-15');
      await assertNoAxeViolations(page, 'the edit form (en)');
    });
  });

test('stored XSS payloads in an agreement\'s texts stay text (docs/SECURITY.md item 10)',
  { timeout: TEST_TIMEOUT_MS }, async () => {
    await app.withContext('en', async (context) => {
      const page = await newPage(context);
      await signIn(page, app.baseURL, COORDINATOR, DEMO_PASSWORD, { next: AGREEMENT });
      const csrf = await page.locator('input[name="csrf_token"]').first().getAttribute('value');
      const payload = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 1">"\'>';
      const created = await page.request.post(`${app.baseURL}/api/v1/agreements`, {
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        data: {
          slug: 'xss-check', status: 'signed', signed_on: '2016-05',
          title: { en: `Title ${payload}` }, signing_place: { en: payload }, occasion: { en: payload },
          parties: [{ organization: 'paris-bar' }, { organization: 'almaty-city-bar' }],
          objectives: [{ text: { en: `Objective ${payload}` }, categories: ['exchange'] }],
        },
      });
      assert.equal(created.status(), 201, await created.text());
      const { id, objectives } = await created.json();
      const activity = await page.request.post(`${app.baseURL}/api/v1/agreements/${id}/activities`, {
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        data: { kind: 'visit', happened_on: '2016-06', text: { en: `Activity ${payload}` }, objectives: [objectives[0].id] },
      });
      assert.equal(activity.status(), 201, await activity.text());

      let dialogs = 0;
      page.on('dialog', async (dialog) => { dialogs += 1; await dialog.dismiss(); });
      for (const target of ['/agreements/xss-check', '/agreements/xss-check/edit', '/agreements?year=2016']) {
        const res = await page.goto(`${app.baseURL}${target}`);
        assert.equal(res.status(), 200, target);
        assert.equal(await page.evaluate(() => window.__xss), undefined, `script ran on ${target}`);
        assert.equal(await page.locator('main img[src="x"]').count(), 0, `markup injected on ${target}`);
      }
      await page.goto(`${app.baseURL}/agreements/xss-check`);
      assert.ok((await page.locator('h1').innerText()).includes('<script>'), 'the payload is shown as text');
      assert.equal(dialogs, 0);
    });
  });
