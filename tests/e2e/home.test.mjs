// Browser tests of the home page: languages, the language switch, accessibility (axe-core),
// the 404 page, and a clean exit on SIGTERM.
//
// Run from this folder:  npm ci && node --test home.test.mjs
// Environment: see support.mjs (ENTENTE_BIN, ENTENTE_E2E_OUT).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import {
  OUT, PAGE_TIMEOUT_MS, STOP_TIMEOUT_MS, TEST_TIMEOUT_MS,
  assertExitsCleanly, assertNoAxeViolations, htmlLang, newPage, pathOf, useServerAndBrowser,
} from './support.mjs';

const LANGUAGES = ['en', 'fr', 'ru', 'kk'];
// Letters of the Kazakh Cyrillic alphabet that Russian does not have (і is U+0456, not Latin i).
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;

const app = useServerAndBrowser('server.log');

// Chooses a language the way a visitor does: through the switch's link target, which sets the
// `lang` cookie and redirects back to `next`.
async function openHomeIn(context, lang) {
  const page = await newPage(context);
  const res = await page.goto(`${app.baseURL}/lang/${lang}?next=/`);
  assert.ok(res, `no response for /lang/${lang}`);
  assert.equal(res.status(), 200, `/lang/${lang}?next=/ should end on the home page with 200`);
  assert.equal(pathOf(page.url()), '/', `/lang/${lang}?next=/ should redirect to /`);
  assert.equal(await htmlLang(page), lang, `html lang after choosing ${lang}`);
  return page;
}

// Top-level tests of one file run one after another, in this order.

test('home page in English has html lang=en and an h1', { timeout: TEST_TIMEOUT_MS }, async () => {
  await app.withContext(null, async (context) => {
    const page = await newPage(context);
    const res = await page.goto(`${app.baseURL}/`);
    assert.equal(res.status(), 200);
    assert.equal(await htmlLang(page), 'en');
    await page.locator('main#main').waitFor({ state: 'attached' });
    const h1 = (await page.locator('h1').first().innerText()).trim();
    assert.ok(h1.length > 0, 'the h1 is empty');
  });
});

test('the Kazakh link of the language switch gives a Kazakh page', { timeout: TEST_TIMEOUT_MS }, async () => {
  await app.withContext(null, async (context) => {
    const page = await newPage(context);
    await page.goto(`${app.baseURL}/`);
    assert.equal(await htmlLang(page), 'en');
    const englishH1 = (await page.locator('h1').first().innerText()).trim();

    const link = page.locator('a[hreflang="kk"]').first();
    const href = await link.getAttribute('href');
    assert.match(href ?? '', /^\/lang\/kk\b/, 'the Kazakh link should point to /lang/kk');
    await link.click();
    // The link goes through /lang/kk (sets the cookie) and is redirected back to the page.
    await page.waitForFunction(() => document.documentElement.lang === 'kk', null, { timeout: PAGE_TIMEOUT_MS });
    await page.waitForLoadState('load');
    assert.equal(pathOf(page.url()), '/', 'the switch should bring the visitor back to /');
    assert.equal(await htmlLang(page), 'kk');

    const cookies = await context.cookies(app.baseURL);
    assert.ok(cookies.some((c) => c.name === 'lang' && c.value === 'kk'),
      `expected a lang=kk cookie, got ${JSON.stringify(cookies.map((c) => `${c.name}=${c.value}`))}`);

    // Screenshot before the h1 checks, so that a failing run leaves it to look at.
    await page.screenshot({ path: path.join(OUT, 'home-kk.png'), fullPage: true });

    const kazakhH1 = (await page.locator('h1').first().innerText()).trim();
    assert.ok(kazakhH1.length > 0, 'the Kazakh h1 is empty');
    assert.notEqual(kazakhH1, englishH1, 'the h1 is not translated');
    assert.match(kazakhH1, KAZAKH_LETTERS, `the h1 "${kazakhH1}" has no Kazakh-specific letter`);
  });
});

test('axe-core finds no WCAG 2.1 A/AA violation on the home page', { timeout: 4 * TEST_TIMEOUT_MS }, async (t) => {
  for (const lang of LANGUAGES) {
    await t.test(`home page in ${lang}`, { timeout: TEST_TIMEOUT_MS }, async () => {
      // @axe-core/playwright needs pages of a context made with browser.newContext(); this one
      // keeps the browser's own locale.
      const context = await app.browser.newContext();
      try {
        const page = await openHomeIn(context, lang);
        await assertNoAxeViolations(page, `/ in ${lang}`);
      } finally {
        await context.close();
      }
    });
  }
});

test('an unknown path gives 404 in the language of the lang cookie', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const missing = `/no-such-page-${Date.now()}`;

  await t.test('without a cookie: English', async () => {
    await app.withContext(null, async (context) => {
      const page = await newPage(context);
      const res = await page.goto(`${app.baseURL}${missing}`);
      assert.equal(res.status(), 404);
      assert.equal(await htmlLang(page), 'en');
    });
  });

  for (const lang of ['fr', 'ru', 'kk']) {
    await t.test(`cookie lang=${lang}`, async () => {
      await app.withContext(lang, async (context) => {
        const page = await newPage(context);
        const res = await page.goto(`${app.baseURL}${missing}`);
        assert.equal(res.status(), 404);
        assert.equal(await htmlLang(page), lang);
      });
    });
  }

  await t.test('cookie set by the language switch', async () => {
    await app.withContext(null, async (context) => {
      const page = await openHomeIn(context, 'ru');
      const res = await page.goto(`${app.baseURL}${missing}`);
      assert.equal(res.status(), 404);
      assert.equal(await htmlLang(page), 'ru');
      assert.ok((await page.locator('h1').count()) > 0, 'the 404 page has no h1');
    });
  });
});

test('SIGTERM stops the server with exit code 0', { timeout: STOP_TIMEOUT_MS + 10_000 },
  () => assertExitsCleanly(app.server));
