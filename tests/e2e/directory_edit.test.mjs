// Browser tests of the directory's forms on the demo data:
//   - the Almaty City Bar's admin, in Russian, opens the bar's page, follows "Add a person",
//     submits a bad admission date: the form comes back with the error in Russian and the
//     values kept; corrected, the new lawyer's page shows the Cyrillic variant and the contact
//     detail; Find a lawyer finds her at once by her Cyrillic name;
//   - a duplicate record of her is merged through the merge page: the duplicate's address then
//     leads to the record kept;
//   - the Paris Bar's admin sees no "Edit" on her page and is refused the form (403);
//   - axe-core on the person form and the organization form.
//
// Run from this folder:  npm ci && node --test directory_edit.test.mjs
// Environment: see support.mjs (ENTENTE_BIN, ENTENTE_E2E_OUT).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  DEMO, TEST_TIMEOUT_MS, assertNoAxeViolations, newPage, pathOf, useServerAndBrowser,
} from './support.mjs';

const ALMATY_ADMIN = DEMO('almaty.admin');
const PARIS_ADMIN = DEMO('paris.admin');
const NEW_LAWYER = { name: 'Asel Zhumabekova', cyrillic: 'Асель Жумабекова', slug: 'asel-zhumabekova' };

const app = useServerAndBrowser('server-directory-edit.log');

// Submits the main form of the page with its button and waits for the page it leads to.
async function submit(page, action) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && pathOf(r.url()) === action),
    page.locator(`main form[method="post"][action="${action}"] button[type="submit"]`).click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

test('a bar admin adds a lawyer in Russian, fixes an error, finds her, merges a duplicate', { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
  const { context, page } = await app.signedInContext(ALMATY_ADMIN, 'ru');
  try {
    await page.goto(`${app.baseURL}/organizations/almaty-city-bar`);
    await Promise.all([page.waitForNavigation(), page.locator('main a[href="/people/new?bar=almaty-city-bar"]').click()]);
    assert.equal(pathOf(page.url()), '/people/new');
    assert.equal(await page.locator('#bar').inputValue(), 'almaty-city-bar');
    await assertNoAxeViolations(page, 'person form (ru)');

    await page.locator('#roll_number').fill('E2E-0001');
    await page.locator('#admitted_on').fill('2012-14');
    await page.locator('#name_full_0').fill(NEW_LAWYER.name);
    await page.locator('#name_full_1').fill(NEW_LAWYER.cyrillic);
    await page.locator('#languages').fill('kk, ru');
    await page.locator('input[name="contact_value_0"]').fill('asel@example.kz');
    const refused = await submit(page, '/people/new');
    assert.equal(refused.status(), 422);
    const error = await page.locator('main .field-error').first().innerText();
    assert.match(error, /[А-Яа-я]/, `the field error should be in Russian: ${error}`);
    assert.equal(await page.locator('#name_full_0').inputValue(), NEW_LAWYER.name, 'the name is kept');

    await page.locator('#admitted_on').fill('2012-04');
    const created = await submit(page, '/people/new');
    assert.equal(created.status(), 303);
    assert.equal(pathOf(page.url()), `/people/${NEW_LAWYER.slug}`);
    const main = await page.locator('main').innerText();
    assert.ok(main.includes(NEW_LAWYER.cyrillic), 'the Cyrillic variant is on the page');
    assert.ok(main.includes('asel@example.kz'), 'the contact detail is shown to the bar admin');

    const found = await page.request.get(`${app.baseURL}/api/v1/lawyers?q=${encodeURIComponent('Жумабекова')}`);
    const hits = (await found.json()).items.map((hit) => hit.slug);
    assert.ok(hits.includes(NEW_LAWYER.slug), `Find a lawyer finds her by her Cyrillic name: ${hits}`);

    // A duplicate record, then the merge page: compare, confirm.
    await page.goto(`${app.baseURL}/people/new?bar=almaty-city-bar`);
    await page.locator('#roll_number').fill('E2E-0002');
    await page.locator('#name_full_0').fill(NEW_LAWYER.cyrillic);
    assert.equal((await submit(page, '/people/new')).status(), 303);
    const duplicate = pathOf(page.url()).split('/').pop();
    await page.goto(`${app.baseURL}/people/${NEW_LAWYER.slug}/merge?duplicate=${duplicate}`);
    await assertNoAxeViolations(page, 'merge page (ru)');
    const merged = await submit(page, `/people/${NEW_LAWYER.slug}/merge`);
    assert.equal(merged.status(), 303);
    const old = await page.request.get(`${app.baseURL}/people/${duplicate}`, { maxRedirects: 0 });
    assert.equal(old.status(), 301);
    assert.equal(old.headers().location, `/people/${NEW_LAWYER.slug}`);
  } finally {
    await context.close();
  }
});

test("another bar's admin cannot edit her, and the organization form is accessible", { timeout: TEST_TIMEOUT_MS }, async () => {
  const { context, page } = await app.signedInContext(PARIS_ADMIN, 'en');
  try {
    await page.goto(`${app.baseURL}/people/daniyar-kanafin`);
    assert.equal(await page.locator('main a[href$="/edit"]').count(), 0, 'no Edit link for another bar');
    const refused = await page.goto(`${app.baseURL}/people/daniyar-kanafin/edit`);
    assert.equal(refused.status(), 403);
    const form = await page.goto(`${app.baseURL}/organizations/paris-bar/edit`);
    assert.equal(form.status(), 200);
    assert.equal(await page.locator('#name_fr').inputValue(), 'Barreau de Paris');
    await assertNoAxeViolations(page, 'organization form (en)');
  } finally {
    await context.close();
  }
});
