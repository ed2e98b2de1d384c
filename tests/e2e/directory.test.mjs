// Browser tests of the directory on the demo data: Find a lawyer, person pages, organizations.
//   - journey 2: in French, a Paris lawyer types `kanafin` in Find a lawyer; Daniyar Kanafin is
//     the first result while typing (htmx, no page load), with his Cyrillic name beside it; his
//     profile shows his names, his bar, his positions as attested and his languages;
//   - the search without JavaScript (GET /lawyers?q=…) finds other spellings: Cyrillic,
//     another transliteration, a typo, a missing accent;
//   - the Almaty City Bar's page in Kazakh marks the fallback name with its language, lists the
//     office holders; /organizations lists the bars;
//   - the Paris Bar's page lists its agreement and its event (French), which lead to their pages.
//   - axe-core on /lawyers, a person page and the organization pages, in English and in Russian.
//
// Run from this folder:  npm ci && node --test directory.test.mjs
// Environment: see support.mjs (ENTENTE_BIN, ENTENTE_E2E_OUT).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import {
  OUT, PAGE_TIMEOUT_MS, STOP_TIMEOUT_MS, TEST_TIMEOUT_MS, assertExitsCleanly, assertNoAxeViolations, htmlLang, newPage,
  pathOf, section, sectionText, squash, useServerAndBrowser,
} from './support.mjs';

const KANAFIN = {
  name: 'Daniyar Kanafin',
  cyrillic: 'Данияр Канафин',
  href: '/people/daniyar-kanafin',
};
const ALIMBAEV = { name: 'Iskander Alimbaev', href: '/people/iskander-alimbaev' };
const SUR = { name: 'Pierre-Olivier Sûr', href: '/people/pierre-olivier-sur' };
const KARCHEGENOV = { name: 'Kenzhegali Karchegenov', href: '/people/kenzhegali-karchegenov' };
const ALMATY_BAR = {
  href: '/organizations/almaty-city-bar',
  en: 'Almaty City Bar',
  fr: "Barreau de la ville d'Almaty",
  ru: 'Алматинская городская коллегия адвокатов',
};
const PARIS_BAR = { href: '/organizations/paris-bar', en: 'Paris Bar', fr: 'Barreau de Paris' };

const app = useServerAndBrowser('server-directory.log');

// ---------------------------------------------------------------------------------------------
// Helpers

async function open(page, pathAndQuery, lang) {
  const res = await page.goto(`${app.baseURL}${pathAndQuery}`);
  assert.ok(res, `no response for ${pathAndQuery}`);
  assert.equal(res.status(), 200, `GET ${pathAndQuery}`);
  if (lang) assert.equal(await htmlLang(page), lang, `html lang of ${pathAndQuery}`);
  return res;
}

// The results of #lawyer-results as {name, href, other, otherLang}, in order.
function results(page) {
  return page.locator('#lawyer-results ol.results > li.result').evaluateAll((items) => items.map((li) => {
    const a = li.querySelector('a.result-name');
    const other = li.querySelector('.other-name');
    return {
      name: a?.textContent.trim() ?? null,
      href: a?.getAttribute('href') ?? null,
      other: other?.textContent.trim() ?? null,
      otherLang: other?.getAttribute('lang') ?? null,
    };
  }));
}

function assertFirstResult(list, person, what) {
  assert.ok(list.length > 0, `${what}: no result`);
  assert.equal(list[0].name, person.name, `${what}: first result (all: ${JSON.stringify(list.map((r) => r.name))})`);
  assert.equal(list[0].href, person.href, `${what}: link of the first result`);
}

// Types `text` into #q key by key (so that htmx sees input events) and waits until htmx has
// swapped in the results of the whole text (the results of earlier keystrokes may come first).
async function typeSearch(page, text) {
  await page.waitForFunction(() => typeof window.htmx === 'object' && window.htmx !== null);
  await page.evaluate(() => {
    if (window.__e2eSwaps) return;
    window.__e2eSwaps = [];
    document.body.addEventListener('htmx:afterSwap', (evt) => {
      window.__e2eSwaps.push(evt.detail?.xhr?.responseURL ?? '');
    });
  });
  await page.locator('#q').click();
  await page.keyboard.type(text, { delay: 40 });
  await page.waitForFunction(
    (q) => window.__e2eSwaps.some((u) => { try { return new URL(u).searchParams.get('q') === q; } catch { return false; } }),
    text, { timeout: PAGE_TIMEOUT_MS });
}

// ---------------------------------------------------------------------------------------------
// Tests: one server for the file; top-level tests run one after another, in this order.

test('journey 2: in French, "kanafin" typed in Find a lawyer finds Daniyar Kanafin while typing, and his profile',
  { timeout: 2 * TEST_TIMEOUT_MS }, async (t) => {
    await app.withContext('fr', async (context) => {
      const page = await newPage(context);

      await t.test('the home page leads to Find a lawyer', async () => {
        await open(page, '/', 'fr');
        const link = page.locator('header nav a[href="/lawyers"]');
        assert.equal(await link.count(), 1, 'links to /lawyers in the header navigation');
        await Promise.all([
          page.waitForURL((u) => u.pathname === '/lawyers'),
          link.click(),
        ]);
        await page.waitForLoadState('load');
        assert.equal(await htmlLang(page), 'fr');
        assert.equal(await page.locator('input#q[type="search"]').count(), 1, 'no search field #q');
        // htmx is loaded with `defer`: it must be there before typing.
        await page.waitForFunction(() => typeof window.htmx === 'object' && window.htmx !== null);
      });

      await t.test('typing "kanafin" shows Daniyar Kanafin first, without loading a page', async () => {
        const before = page.url();
        assert.equal(new URL(before).search, '', `the page already has a query: ${before}`);

        // Navigations of the main frame, and a marker that a new document would lose.
        let navigations = 0;
        const onNavigated = (frame) => { if (frame === page.mainFrame()) navigations += 1; };
        page.on('framenavigated', onNavigated);
        await page.evaluate(() => { window.__e2eMarker = 'typed-search'; });
        try {
          await typeSearch(page, 'kanafin');
        } finally {
          page.off('framenavigated', onNavigated);
        }

        const list = await results(page);
        await page.screenshot({ path: path.join(OUT, 'lawyers-kanafin.png'), fullPage: true });
        assertFirstResult(list, KANAFIN, 'typed "kanafin"');
        assert.equal(list[0].other, KANAFIN.cyrillic, 'the name in the other script beside the result');
        assert.ok(list[0].otherLang, 'the Cyrillic name has no lang attribute');

        assert.equal(navigations, 0, 'the results came with a page navigation');
        assert.equal(await page.evaluate(() => window.__e2eMarker), 'typed-search', 'the document was replaced');
        assert.equal(page.url(), before, 'the URL changed while typing');
        assert.equal(await page.locator('#q').inputValue(), 'kanafin');
      });

      await t.test('the result opens the profile: names, bar, positions as attested, languages', async () => {
        const link = page.locator('#lawyer-results li.result').first().locator('a.result-name');
        await Promise.all([
          page.waitForURL((u) => u.pathname === KANAFIN.href),
          link.click(),
        ]);
        await page.waitForLoadState('load');
        await page.screenshot({ path: path.join(OUT, 'person-kanafin.png'), fullPage: true });
        assert.equal(await htmlLang(page), 'fr');

        assert.equal(squash(await page.locator('main h1').innerText()), KANAFIN.name);

        const names = await section(page, 'names-heading').locator('table tbody td').allInnerTexts();
        assert.ok(names.map(squash).includes(KANAFIN.cyrillic), `names table: ${JSON.stringify(names)}`);
        assert.ok(names.map(squash).includes(KANAFIN.name), `names table: ${JSON.stringify(names)}`);

        const positions = await sectionText(page, 'positions-heading');
        assert.ok(positions.includes(ALMATY_BAR.fr), `positions: ${positions}`);
        assert.equal(await section(page, 'positions-heading').locator(`a[href="${ALMATY_BAR.href}"]`).count() > 0, true,
          'the position does not link to the Almaty City Bar');

        const rolls = section(page, 'rolls-heading');
        assert.ok(await rolls.locator(`a[href="${ALMATY_BAR.href}"]`).count() > 0,
          `rolls do not name the Almaty City Bar: ${await sectionText(page, 'rolls-heading')}`);

        const about = await sectionText(page, 'about-heading');
        assert.ok(about.includes('Русский'), `languages: ${about}`);
        assert.ok(about.includes('Қазақша'), `languages: ${about}`);
      });
    });
  });

test('the search without JavaScript finds other spellings', { timeout: 2 * TEST_TIMEOUT_MS }, async (t) => {
  await app.withContext('en', async (context) => {
    const page = await newPage(context);

    await t.test('the form submits GET /lawyers?q=Данияр', async () => {
      await open(page, '/lawyers', 'en');
      await page.locator('#q').fill('Данияр');
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/lawyers' && u.searchParams.get('q') === 'Данияр'),
        page.locator('main form[action="/lawyers"] button[type="submit"]').click(),
      ]);
      await page.waitForLoadState('load');
      const list = await results(page);
      assertFirstResult(list, KANAFIN, 'form with q=Данияр');
      assert.equal(await page.locator('#q').inputValue(), 'Данияр', 'the field keeps the query');
    });

    const cases = [
      ['Данияр', KANAFIN, 'Cyrillic'],
      ['Daniiar', KANAFIN, 'another transliteration'],
      ['Kanafim', KANAFIN, 'one typo'],
      ['Alimbayev', ALIMBAEV, 'another transliteration'],
      ['sur', SUR, 'no accent, lower case'],
    ];
    for (const [q, person, why] of cases) {
      await t.test(`/lawyers?q=${q} (${why}) gives ${person.name} first`, async () => {
        await open(page, `/lawyers?q=${encodeURIComponent(q)}`, 'en');
        assertFirstResult(await results(page), person, `q=${q}`);
      });
    }
  }, { javaScriptEnabled: false });
});

test('organizations: the Almaty City Bar in Kazakh, and the list of organizations', { timeout: 2 * TEST_TIMEOUT_MS }, async (t) => {
  await t.test('/organizations/almaty-city-bar in Kazakh marks the fallback name and lists office holders', async () => {
    await app.withContext('kk', async (context) => {
      const page = await newPage(context);
      await open(page, ALMATY_BAR.href, 'kk');

      const h1 = page.locator('main h1');
      assert.equal(squash(await h1.innerText()), ALMATY_BAR.en, 'h1 (no Kazakh name: the English one)');
      assert.equal(await h1.getAttribute('lang'), 'en', 'the fallback name in the h1 should carry lang="en"');

      const names = await section(page, 'names-heading').locator('[lang]').evaluateAll(
        (els) => els.map((e) => ({ lang: e.getAttribute('lang'), text: e.textContent.replace(/\s+/g, ' ').trim() })));
      for (const lang of ['en', 'fr', 'ru']) {
        assert.ok(names.some((n) => n.lang === lang && n.text.includes(ALMATY_BAR[lang])),
          `the name in ${lang} with lang="${lang}": ${JSON.stringify(names)}`);
      }

      const holders = section(page, 'holders-heading');
      const holder = holders.locator(`a[href="${KARCHEGENOV.href}"]`);
      assert.equal(await holder.count(), 1, `office holders: ${await sectionText(page, 'holders-heading')}`);
      assert.equal(squash(await holder.innerText()), KARCHEGENOV.name);
      const holderItem = squash(await holders.locator('li').filter({ has: page.locator(`a[href="${KARCHEGENOV.href}"]`) }).innerText());
      assert.match(holderItem, /2014/, `the chairman's attestation date: ${holderItem}`);
      assert.match(holderItem, /14[–-]15/, `the chairman's attestation date (a range): ${holderItem}`);

      const structure = section(page, 'structure-heading');
      assert.ok(await structure.locator('a[href="/organizations/almaty-city-bar-training-center"]').count() > 0,
        `structure: ${await sectionText(page, 'structure-heading')}`);
    });
  });

  await t.test('/organizations/paris-bar in French lists its agreement and its event, which lead to their pages', async () => {
    await app.withContext('fr', async (context) => {
      const page = await newPage(context);
      await open(page, PARIS_BAR.href, 'fr');
      const agreements = section(page, 'related-agreements-heading');
      const agreement = agreements.locator('a[href="/agreements/paris-almaty-2014"]');
      assert.equal(await agreement.count(), 1, `agreements: ${await sectionText(page, 'related-agreements-heading')}`);
      assert.match(await sectionText(page, 'related-agreements-heading'), /Signé, 14[–-]15 octobre 2014/);
      const events = section(page, 'related-events-heading');
      assert.equal(await events.locator('a[href="/events/rentree-du-barreau-de-paris-2014"]').count(), 1,
        `events: ${await sectionText(page, 'related-events-heading')}`);
      await page.screenshot({ path: path.join(OUT, 'organization-paris-fr.png'), fullPage: true });
      await agreement.click();
      await page.waitForURL('**/agreements/paris-almaty-2014');
      assert.match(await page.locator('main h1').innerText(), /Paris/);
    });
  });

  for (const lang of ['en', 'fr']) {
    await t.test(`/organizations in ${lang} lists the Almaty City Bar and the Paris Bar`, async () => {
      await app.withContext(lang, async (context) => {
        const page = await newPage(context);
        await open(page, '/organizations', lang);
        for (const bar of [ALMATY_BAR, PARIS_BAR]) {
          const link = page.locator(`main a[href="${bar.href}"]`);
          assert.equal(await link.count(), 1, `links to ${bar.href}`);
          assert.equal(squash(await link.innerText()), bar[lang], `name of ${bar.href} in ${lang}`);
        }
      });
    });
  }
});

test('axe-core finds no WCAG 2.1 A/AA violation on the directory pages', { timeout: 4 * TEST_TIMEOUT_MS }, async (t) => {
  const pages = [
    // Find a lawyer with the results of "kanafin" swapped in by htmx while typing.
    ['/lawyers', async (page) => {
      await typeSearch(page, 'kanafin');
      assert.ok((await results(page)).length > 0, 'no results for kanafin');
    }],
    // The same results rendered with the page (the form without JavaScript).
    ['/lawyers?q=kanafin', async (page) => {
      assert.ok((await results(page)).length > 0, 'no results for kanafin');
    }],
    [KANAFIN.href],
    ['/organizations'],
    [ALMATY_BAR.href],
    [PARIS_BAR.href],
  ];
  for (const lang of ['en', 'ru']) {
    for (const [url, check] of pages) {
      await t.test(`${url} in ${lang}`, { timeout: TEST_TIMEOUT_MS }, async () => {
        await app.withContext(lang, async (context) => {
          const page = await newPage(context);
          await open(page, url, lang);
          if (check) await check(page);
          await assertNoAxeViolations(page, `${url} in ${lang}`);
        });
      });
    }
  }
});

test('SIGTERM stops the server with exit code 0', { timeout: STOP_TIMEOUT_MS + 10_000 },
  () => assertExitsCleanly(app.server));
