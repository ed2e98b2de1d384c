// Browser tests of access across organizations (docs/SECURITY.md "Across organizations"):
//   - the Almaty City Bar's admin opens the Paris Bar president's edit page and the Paris Bar's
//     roll page: both are public records of another bar, so the answer is 403 — an error page in
//     the admin's language (Russian, the account's preference), without the form, axe clean;
//   - an organization with `organization` visibility below a third bar, made here through the
//     JSON API by the platform admin: the Almaty admin gets 404, a page that does not name it,
//     axe clean; the platform admin sees it.
//
// Run from this folder:  npm ci && node --test access.test.mjs
// Environment: see support.mjs (ENTENTE_BIN, ENTENTE_E2E_OUT).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  DEMO, TEST_TIMEOUT_MS, assertNoAxeViolations, htmlLang, pathOf, useServerAndBrowser,
} from './support.mjs';

const ALMATY_ADMIN = DEMO('almaty.admin');
const PLATFORM_ADMIN = DEMO('platform.admin');

const PRESIDENT_EDIT = '/people/pierre-olivier-sur/edit';
const PARIS_ROLL = '/organizations/paris-bar/roll';
const THIRD_BAR = { slug: 'e2e-third-bar', name: 'E2E Third Bar' };
const HIDDEN = { slug: 'e2e-hidden-committee', name: 'E2E Hidden Committee' };

const app = useServerAndBrowser('server-access.log');

// A fresh context (no lang cookie, an English browser) signed in as `email` through the form.
async function withSignedIn(email, fn) {
  const { context, page } = await app.signedInContext(email, null);
  try {
    await fn(page);
  } finally {
    await context.close();
  }
}

// A JSON POST from the page's session, with the CSRF token of one of its forms.
async function postJson(page, target, data) {
  const csrf = await page.locator('input[name="csrf_token"]').first().getAttribute('value');
  assert.ok(csrf, `no CSRF token on ${page.url()}`);
  const res = await page.request.post(`${app.baseURL}${target}`, {
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
    data,
  });
  assert.equal(res.status(), 201, `POST ${target}: ${await res.text()}`);
  return res.json();
}

// The error page as the Almaty admin sees it: the status, the language of the account (ru), a
// heading in Cyrillic, no form of the refused page, and axe clean.
async function assertErrorPage(page, target, status) {
  const res = await page.goto(`${app.baseURL}${target}`);
  assert.ok(res, `no response for ${target}`);
  assert.equal(res.status(), status, `GET ${target} as ${ALMATY_ADMIN} (ended on ${page.url()})`);
  assert.equal(pathOf(page.url()), pathOf(`${app.baseURL}${target}`), `GET ${target} was redirected to ${page.url()}`);
  assert.equal(await htmlLang(page), 'ru', `the ${status} page should be in the account's language`);
  const h1 = (await page.locator('h1').first().innerText()).trim();
  assert.match(h1, /[А-Яа-яЁё]/, `the ${status} page's heading should be in Russian: ${h1}`);
  assert.equal(await page.locator('main form[method="post"]').count(), 0, `the ${status} page shows a form`);
  await assertNoAxeViolations(page, `${target} as the Almaty admin (${status})`);
  return page;
}

test("the Almaty admin is refused the Paris Bar's public records (403), in Russian, axe clean",
  { timeout: TEST_TIMEOUT_MS }, async (t) => {
    await withSignedIn(ALMATY_ADMIN, async (page) => {
      await t.test(`${PRESIDENT_EDIT} → 403`, async () => {
        await assertErrorPage(page, PRESIDENT_EDIT, 403);
        assert.equal(await page.locator('#name_full_0').count(), 0, 'the person form is shown');
      });
      await t.test(`${PARIS_ROLL} → 403`, async () => {
        await assertErrorPage(page, PARIS_ROLL, 403);
        assert.equal(await page.locator('input[type="file"]').count(), 0, 'the roll upload is shown');
      });
      await t.test('the records themselves stay public', async () => {
        for (const target of ['/people/pierre-olivier-sur', '/organizations/paris-bar']) {
          const res = await page.goto(`${app.baseURL}${target}`);
          assert.equal(res.status(), 200, `GET ${target}`);
        }
      });
    });
  });

test("an organization with `organization` visibility is not found for another bar's admin (404), axe clean",
  { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const target = `/organizations/${HIDDEN.slug}`;

    await t.test('the platform admin makes it below a third bar through the API', async () => {
      await withSignedIn(PLATFORM_ADMIN, async (page) => {
        await page.goto(`${app.baseURL}/account`);
        await postJson(page, '/api/v1/organizations', {
          slug: THIRD_BAR.slug, kind: 'bar', name: { en: THIRD_BAR.name }, original_language: 'en', visibility: 'public',
        });
        const hidden = await postJson(page, '/api/v1/organizations', {
          slug: HIDDEN.slug, kind: 'committee', parent: THIRD_BAR.slug, visibility: 'organization',
          name: { en: HIDDEN.name }, original_language: 'en',
        });
        assert.equal(hidden.visibility, 'organization', `the API answered ${JSON.stringify(hidden)}`);
        const res = await page.goto(`${app.baseURL}${target}`);
        assert.equal(res.status(), 200, `the platform admin should see ${target}`);
        assert.ok((await page.locator('h1').first().innerText()).includes(HIDDEN.name));
      });
    });

    await t.test(`${target} as the Almaty admin → 404`, async () => {
      await withSignedIn(ALMATY_ADMIN, async (page) => {
        await assertErrorPage(page, target, 404);
        const text = await page.locator('body').innerText();
        assert.ok(!text.includes(HIDDEN.name), `the 404 page names the hidden organization: ${text.slice(0, 400)}`);
      });
    });
  });
