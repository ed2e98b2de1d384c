// docs/SECURITY.md 10: XSS payloads stored in every text field of the directory never execute when
// their pages are opened in Chromium. A bar admin stores them through the JSON API (names in
// every language, alternate names, city, person names and notes, languages, practice areas,
// contact details); the organization and person pages, their edit forms, Find a lawyer (page and
// htmx results) and the merge page are then opened in English and Russian. A payload that ran
// would set window.__xss or open a dialog; the page must also show the payload as text.
//
// Run from this folder:  npm ci && node --test xss.test.mjs
// Environment: see support.mjs (ENTENTE_BIN, ENTENTE_E2E_OUT).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  DEMO, TEST_TIMEOUT_MS, newPage, pathOf, signIn, useServerAndBrowser,
} from './support.mjs';

const ADMIN = DEMO('almaty.admin');

// Each payload, if it ran, would set window.__xss (or open a dialog).
const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '"><img src=x onerror="window.__xss=2">',
  "'><svg onload=window.__xss=3>",
  '</textarea><script>window.__xss=4</script>',
  '{{#X}}<b onmouseover=window.__xss=5>x</b>',
];
const NAME_MARK = 'Xsstest';

const app = useServerAndBrowser('server-xss.log');

// A JSON request with the session cookie and the CSRF token of the current page.
async function api(page, method, path, body) {
  const token = await page.locator('input[name="csrf_token"]').first().getAttribute('value');
  const res = await page.request.fetch(`${app.baseURL}${path}`, {
    method, data: body, headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
  });
  const text = await res.text();
  return { status: res.status(), body: text ? JSON.parse(text) : null };
}

test('stored XSS payloads in every directory text field never run', { timeout: TEST_TIMEOUT_MS * 3 }, async () => {
  const context = await app.browser.newContext({ locale: 'en-US' });
  try {
    const page = await newPage(context);
    const dialogs = [];
    context.on('page', (p) => p.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); }));
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await signIn(page, app.baseURL, ADMIN);

    const text = (i) => PAYLOADS[i % PAYLOADS.length];
    const organization = await api(page, 'POST', '/api/v1/organizations', {
      slug: 'almaty-xss-committee', kind: 'committee', parent: 'almaty-city-bar', city: text(0),
      name: { en: `${NAME_MARK} ${text(1)}`, fr: text(2), ru: text(3), kk: text(4) },
      alternate_name: { en: text(0) },
    });
    assert.equal(organization.status, 201, JSON.stringify(organization.body));
    await page.goto(`${app.baseURL}/organizations/almaty-city-bar`);  // a page with a fresh token
    const person = await api(page, 'POST', '/api/v1/people', {
      person: {
        names: [
          { name: `${NAME_MARK} ${text(0)}` },
          { name: text(1), kind: 'transliterated', language: 'ru', note: text(2) },
        ],
        city: text(3),
        languages: ['kk'],
        practice_areas: [text(4), text(0)],
        contacts: [
          { kind: 'email', value: 'x"><svg/onload=window.__xss=6>@example.kz', visibility: 'public' },
          { kind: 'address', value: text(2), visibility: 'public' },
          { kind: 'phone', value: text(3), visibility: 'members' },
        ],
      },
      membership: { bar: 'almaty-city-bar', roll_number: 'XSS-1' },
    });
    assert.equal(person.status, 201, JSON.stringify(person.body));
    const slug = person.body.slug;

    const pages = [
      '/organizations/almaty-xss-committee',
      '/organizations/almaty-xss-committee/edit',
      '/organizations',
      '/organizations/almaty-city-bar',
      `/people/${slug}`,
      `/people/${slug}/edit`,
      `/people/${slug}/merge`,
      `/lawyers?q=${NAME_MARK}`,
    ];
    for (const lang of ['en', 'ru']) {
      await context.addCookies([{ name: 'lang', value: lang, url: app.baseURL }]);
      for (const path of pages) {
        const res = await page.goto(`${app.baseURL}${path}`);
        assert.equal(res.status(), 200, `GET ${path} (${lang})`);
        await page.mouse.move(10, 10);
        await page.mouse.move(300, 300);
        assert.equal(await page.evaluate(() => window.__xss), undefined, `a payload ran on ${path} (${lang})`);
      }
      // Find a lawyer as you type: the htmx results swapped into the page.
      await page.goto(`${app.baseURL}/lawyers`);
      await page.locator('#q').fill(NAME_MARK.toLowerCase());
      await page.locator('#lawyer-results li.result').first().waitFor({ timeout: 10_000 });
      assert.equal(await page.evaluate(() => window.__xss), undefined, `a payload ran in the htmx results (${lang})`);
    }
    // The payloads are shown as text, not dropped.
    await page.goto(`${app.baseURL}/people/${slug}`);
    const shown = await page.locator('main').innerText();
    assert.ok(shown.includes('<script>window.__xss=1</script>'), 'the payload is not shown as text');
    assert.deepEqual(dialogs, [], 'a dialog was opened');
  } finally {
    await context.close();
  }
});
