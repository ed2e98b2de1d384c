// Browser tests of accounts, sessions, roles and API tokens on the demo data:
//   - a member signs in and out; the old session cookie no longer works (docs/SECURITY.md items 3, 4);
//   - journey 7: a platform admin grants a role, the audit log shows it, the user sees it;
//   - journey 8: an API token from the account page reads the JSON API; a bar's system lists its
//     members with curl, page by page, as the README shows;
//   - a wrong password and an unknown email get the same answer (docs/SECURITY.md item 2), and the
//     sign-in form refuses a missing CSRF token and a foreign Origin (docs/SECURITY.md item 8);
//   - axe-core on the sign-in, account and administration pages.
//
// Run from this folder:  npm ci && node --test accounts.test.mjs
// Environment: see support.mjs (ENTENTE_BIN, ENTENTE_E2E_OUT).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFile } from 'node:child_process';

import {
  DEMO, DEMO_PASSWORD, OUT, TEST_TIMEOUT_MS,
  assertNoAxeViolations, newPage, openSignIn, pathOf, submitAndWait, submitSignInForm, useServerAndBrowser,
} from './support.mjs';

const PLATFORM_ADMIN = DEMO('platform.admin');
const PARIS_MEMBER = DEMO('paris.member');
const ALMATY_MEMBER = DEMO('almaty.member');
const ALMATY_ADMIN = DEMO('almaty.admin');
const SESSION_COOKIE = 'entente_session';
const FETCH_TIMEOUT_MS = 10_000;

// After the tests, the server is stopped with SIGTERM and must exit with code 0.
const app = useServerAndBrowser('server-accounts.log', { exitCleanly: true });

// ---------------------------------------------------------------------------------------------
// Helpers

// A context whose pages are in English: the `lang` cookie wins over the user's preferred
// language, so that texts can be compared whoever is signed in.
const englishContext = () => app.newContext('en');
const withContext = (fn) => app.withContext('en', fn);

// Opens the sign-in form (`next` when given), checks its CSRF token, fills and submits it;
// returns the response to the POST.
async function submitSignIn(page, email, password, next) {
  const form = await openSignIn(page, app.baseURL, next);
  const csrf = await form.locator('input[type="hidden"][name="csrf_token"]').getAttribute('value');
  assert.ok(csrf && csrf.length >= 32, `the sign-in form has no CSRF token (${JSON.stringify(csrf)})`);
  return submitSignInForm(page, email, password);
}

// Signs in and checks that the sign-in succeeded: a redirect, then `next` (or the home page).
async function signIn(page, email, next) {
  const post = await submitSignIn(page, email, DEMO_PASSWORD, next);
  assert.equal(post.status(), 303, `sign-in of ${email}: status of POST /sign-in`);
  const landed = pathOf(page.url());
  assert.equal(landed, next ?? '/', `sign-in of ${email} should lead to ${next ?? '/'}, not ${page.url()}`);
  return post;
}

async function sessionCookie(context) {
  const cookies = await context.cookies(app.baseURL);
  return cookies.find((c) => c.name === SESSION_COOKIE);
}

// GET /api/v1/me with the cookies of the page's context.
async function meInContext(page) {
  const res = await page.request.get(`${app.baseURL}/api/v1/me`, { timeout: FETCH_TIMEOUT_MS });
  assert.equal(res.status(), 200, `GET /api/v1/me in the browser context: ${await res.text()}`);
  return res.json();
}

// A plain fetch from node: no browser, no cookies unless given in `headers`.
async function api(pathAndQuery, headers = {}, init = {}) {
  const res = await fetch(`${app.baseURL}${pathAndQuery}`, {
    ...init,
    headers: { Accept: 'application/json', ...headers },
    redirect: 'manual',
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, text, json };
}

function assertUnauthenticatedJSON(res, what) {
  assert.equal(res.status, 401, `${what}: status (body ${res.text.slice(0, 300)})`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/, `${what}: content type`);
  assert.ok(res.json, `${what}: the body is not JSON: ${res.text.slice(0, 300)}`);
  assert.equal(res.json.code, 'unauthenticated', `${what}: error code`);
  assert.equal(typeof res.json.message, 'string', `${what}: message`);
  assert.ok(res.json.request_id, `${what}: no request_id`);
}

// The texts of the cells of each body row of the tables matched by `selector`.
function tableRows(page, selector) {
  return page.locator(`${selector} tbody tr`).evaluateAll(
    (rows) => rows.map((tr) => Array.from(tr.cells, (td) => td.innerText.trim())));
}

// The roles listed on /account, as "Role — Organization" strings.
function accountRoles(page) {
  return page.locator('section[aria-labelledby="roles-heading"] li').evaluateAll(
    (items) => items.map((li) => li.innerText.replace(/\s+/g, ' ').trim()));
}

const headerAccountName = (page) => page.locator('header a.account-name[href="/account"]');
const headerAdminLink = (page) => page.locator('header a.account-link[href="/admin/users"]');
const signOutButton = (page) =>
  page.locator('header form.inline-form[method="post"][action="/sign-out"] button[type="submit"]');

// ---------------------------------------------------------------------------------------------
// Tests: one server for the file; top-level tests run one after another, in this order.

test('a member signs in, sees no administration, signs out, and the old session is dead',
  { timeout: 2 * TEST_TIMEOUT_MS }, async (t) => {
    const context = await englishContext();
    try {
      const page = await newPage(context);
      assert.equal(await sessionCookie(context), undefined, 'a session cookie before signing in');
      await signIn(page, PARIS_MEMBER);

      const cookie = await sessionCookie(context);
      assert.ok(cookie, `no ${SESSION_COOKIE} cookie after signing in`);
      // docs/SECURITY.md item 3: HttpOnly, SameSite=Lax; a 256-bit token is at least 43 base64 chars.
      assert.equal(cookie.httpOnly, true, 'the session cookie should be HttpOnly');
      assert.equal(cookie.sameSite, 'Lax', 'the session cookie should be SameSite=Lax');
      assert.ok(cookie.value.length >= 43, `the session token looks short: ${cookie.value.length} chars`);
      const me = await meInContext(page);
      assert.equal(me.email, PARIS_MEMBER);

      await t.test('the header shows the name and no Administration link', async () => {
        await page.goto(`${app.baseURL}/`);
        const name = (await headerAccountName(page).innerText()).trim();
        assert.equal(name, me.display_name, 'the name in the header');
        assert.equal(await headerAdminLink(page).count(), 0, 'a member sees the Administration link');
        assert.equal(await page.locator('header a[href^="/admin"]').count(), 0, 'a member sees a link to /admin');
      });

      await t.test('/admin/users is forbidden to a member', async () => {
        const res = await page.goto(`${app.baseURL}/admin/users`);
        assert.equal(res.status(), 403, `GET /admin/users as a member ended on ${page.url()}`);
        assert.equal(await page.locator('main a[href^="/admin/users/"]').count(), 0,
          'the 403 page lists users');
      });

      await t.test('/account lists the role Member on the Paris Bar', async () => {
        const res = await page.goto(`${app.baseURL}/account`);
        assert.equal(res.status(), 200);
        assert.equal(pathOf(page.url()), '/account');
        const roles = await accountRoles(page);
        assert.ok(roles.includes('Member — Paris Bar'), `roles on /account: ${JSON.stringify(roles)}`);
        assert.deepEqual(me.roles.map((r) => r.role), ['member'], `roles in /api/v1/me: ${JSON.stringify(me.roles)}`);
      });

      await t.test('a session cookie works from node before sign-out (control)', async () => {
        const res = await api('/api/v1/me', { Cookie: `${SESSION_COOKIE}=${cookie.value}` });
        assert.equal(res.status, 200, res.text.slice(0, 300));
        assert.equal(res.json.email, PARIS_MEMBER);
      });

      await t.test('sign out through the header button', async () => {
        const csrf = await page.locator('header form.inline-form[action="/sign-out"] input[name="csrf_token"]')
          .getAttribute('value');
        assert.ok(csrf && csrf.length >= 32, 'the sign-out form has no CSRF token');
        const post = await submitAndWait(page, signOutButton(page));
        assert.ok([200, 302, 303].includes(post.status()), `POST /sign-out status ${post.status()}`);
        assert.equal(await headerAccountName(page).count(), 0, `still signed in after sign-out on ${page.url()}`);
        const after = await sessionCookie(context);
        assert.ok(!after || after.value === '' || after.value !== cookie.value,
          'the browser still holds the old session cookie');
        // The same browser is sent to sign in when it asks for /account.
        await page.goto(`${app.baseURL}/account`);
        assert.equal(pathOf(page.url()), '/sign-in', `/account after sign-out ended on ${page.url()}`);
      });

      await t.test('replaying the old session cookie in a fresh browser gives the sign-in page', async () => {
        await withContext(async (fresh) => {
          await fresh.addCookies([{ name: SESSION_COOKIE, value: cookie.value, url: app.baseURL }]);
          const p = await newPage(fresh);
          await p.goto(`${app.baseURL}/account`);
          assert.equal(pathOf(p.url()), '/sign-in', `/account with the old cookie ended on ${p.url()}`);
          assert.equal(await headerAccountName(p).count(), 0, 'the old cookie still signs in');
          assert.equal(await p.locator('section[aria-labelledby="roles-heading"]').count(), 0,
            'the account page is shown with the old cookie');
        });
      });

      await t.test('replaying the old session cookie on the API gives 401', async () => {
        const res = await api('/api/v1/me', { Cookie: `${SESSION_COOKIE}=${cookie.value}` });
        assertUnauthenticatedJSON(res, 'GET /api/v1/me with the old cookie');
        const account = await api('/account', { Cookie: `${SESSION_COOKIE}=${cookie.value}`, Accept: 'text/html' });
        assert.ok(account.status === 401 || [302, 303].includes(account.status),
          `GET /account with the old cookie: status ${account.status}`);
        if (account.status !== 401) {
          assert.match(account.headers.get('location') ?? '', /^\/sign-in\b/, 'redirect of /account');
        }
      });

      await t.test('signing in again gives a new session token', async () => {
        await signIn(page, PARIS_MEMBER, '/account');
        const again = await sessionCookie(context);
        assert.ok(again, 'no session cookie after signing in again');
        assert.notEqual(again.value, cookie.value, 'the session token was reused');
      });
    } finally {
      await context.close();
    }
  });

test('journey 7: a platform admin grants a role, the audit log shows it, the user sees it',
  { timeout: 4 * TEST_TIMEOUT_MS }, async (t) => {
    const admin = await englishContext();
    const member = await englishContext();
    let userId;      // almaty.member's id
    let orgId;       // Almaty City Bar's id
    let adminId;
    try {
      const page = await newPage(admin);

      await t.test('the admin signs in and opens Administration from the header', async () => {
        await signIn(page, PLATFORM_ADMIN);
        adminId = (await meInContext(page)).id;
        assert.equal(await headerAdminLink(page).count(), 1, 'no Administration link for the platform admin');
        await Promise.all([
          page.waitForURL((u) => u.pathname === '/admin/users'),
          headerAdminLink(page).click(),
        ]);
        await page.waitForLoadState('load');
        const rows = await tableRows(page, 'main table');
        assert.ok(rows.length >= 7, `users listed: ${rows.length}`);
      });

      await t.test("the admin opens almaty.member's page", async () => {
        const row = page.locator('main table tbody tr').filter({ hasText: ALMATY_MEMBER });
        assert.equal(await row.count(), 1, `rows with ${ALMATY_MEMBER}`);
        await Promise.all([
          page.waitForURL((u) => /^\/admin\/users\/\d+$/.test(u.pathname)),
          row.locator('a[href^="/admin/users/"]').click(),
        ]);
        await page.waitForLoadState('load');
        userId = Number(pathOf(page.url()).split('/').pop());
        assert.ok(await page.locator('main').getByText(ALMATY_MEMBER).count() > 0, 'the page does not show the email');
        const grants = await tableRows(page, 'section[aria-labelledby="grants-heading"] table');
        assert.ok(!grants.some((c) => c[0] === 'Coordinator'), `already coordinator: ${JSON.stringify(grants)}`);
      });

      await t.test('the admin grants coordinator on Almaty City Bar through the form', async () => {
        const form = page.locator('main form[method="post"][action$="/roles"]');
        assert.equal(await form.getAttribute('action'), `/admin/users/${userId}/roles`);
        await form.locator('select#role').selectOption('coordinator');
        [orgId] = await form.locator('select#organization_id').selectOption({ label: 'Almaty City Bar' });
        assert.match(orgId, /^\d+$/, 'the organization option value should be its id');
        const post = await submitAndWait(page, form.locator('button[type="submit"]'));
        assert.ok([200, 303].includes(post.status()), `POST /admin/users/${userId}/roles: status ${post.status()}`);
        assert.equal(pathOf(page.url()), `/admin/users/${userId}`, 'after the grant');
        await page.screenshot({ path: path.join(OUT, 'admin-user-after-grant.png'), fullPage: true });
        const grants = await tableRows(page, 'section[aria-labelledby="grants-heading"] table');
        assert.ok(grants.some((c) => c[0] === 'Coordinator' && c[1] === 'Almaty City Bar'),
          `the new grant is not listed: ${JSON.stringify(grants)}`);
      });

      await t.test('the audit log shows who granted what, when', async () => {
        const res = await page.goto(`${app.baseURL}/admin/audit`);
        assert.equal(res.status(), 200);
        const rows = await tableRows(page, 'main table');
        const grant = rows.find((cells) => cells.includes('role.grant')
          && cells.some((c) => c.includes('"coordinator"') && c.includes(`"user_id":${userId}`)));
        assert.ok(grant, `no role.grant entry for coordinator of user ${userId}:\n${rows.map((r) => r.join(' | ')).join('\n')}`);
        assert.ok(grant.includes(String(adminId)), `the entry does not name the admin (user ${adminId}): ${grant.join(' | ')}`);
        assert.ok(grant.some((c) => /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?Z$/.test(c)),
          `the entry has no UTC time: ${grant.join(' | ')}`);
      });

      await t.test('almaty.member signs in and sees the new role', async () => {
        const mp = await newPage(member);
        await signIn(mp, ALMATY_MEMBER, '/account');
        const me = await meInContext(mp);
        assert.equal(me.email, ALMATY_MEMBER);
        assert.equal(me.id, userId);
        assert.ok(me.roles.some((r) => r.role === 'coordinator' && String(r.organization_id) === orgId),
          `roles in /api/v1/me: ${JSON.stringify(me.roles)}`);
        await mp.screenshot({ path: path.join(OUT, 'account-after-grant.png'), fullPage: true });
        const roles = await accountRoles(mp);
        assert.ok(roles.includes('Coordinator — Almaty City Bar'), `roles on /account: ${JSON.stringify(roles)}`);
        assert.ok(roles.includes('Member — Almaty City Bar'), `roles on /account: ${JSON.stringify(roles)}`);
      });

      await t.test('axe-core: /sign-in', async () => {
        await withContext(async (anonymous) => {
          const p = await newPage(anonymous);
          const res = await p.goto(`${app.baseURL}/sign-in`);
          assert.equal(res.status(), 200);
          await assertNoAxeViolations(p, '/sign-in');
        });
      });

      await t.test('axe-core: /sign-in after a failed attempt', async () => {
        await withContext(async (anonymous) => {
          const p = await newPage(anonymous);
          await submitSignIn(p, DEMO('nobody'), 'not-the-password-2014');
          await p.locator('main .alert').waitFor();
          await assertNoAxeViolations(p, '/sign-in with an error');
        });
      });

      await t.test('axe-core: /account', async () => {
        const mp = member.pages()[0] ?? await newPage(member);
        const res = await mp.goto(`${app.baseURL}/account`);
        assert.equal(res.status(), 200);
        await assertNoAxeViolations(mp, '/account');
      });

      for (const target of ['/admin/users', () => `/admin/users/${userId}`, '/admin/audit']) {
        const name = typeof target === 'function' ? '/admin/users/{id}' : target;
        await t.test(`axe-core: ${name}`, async () => {
          const url = typeof target === 'function' ? target() : target;
          const res = await page.goto(`${app.baseURL}${url}`);
          assert.equal(res.status(), 200);
          await assertNoAxeViolations(page, url);
        });
      }
    } finally {
      await admin.close();
      await member.close();
    }
  });

test('journey 8 (part): an API token from the account page reads the JSON API',
  { timeout: 2 * TEST_TIMEOUT_MS }, async (t) => {
    const context = await englishContext();
    let token;
    try {
      const page = await newPage(context);

      await t.test('the admin creates a token named "bar system" on /account', async () => {
        await signIn(page, PLATFORM_ADMIN, '/account');
        const form = page.locator('main form[method="post"][action="/account/tokens"]');
        await form.locator('input[name="name"]').fill('bar system');
        const post = await submitAndWait(page, form.locator('button[type="submit"]'));
        // The token is shown once, on the page that answers the POST (200 or 201), or after a redirect.
        assert.ok([200, 201, 303].includes(post.status()), `POST /account/tokens: status ${post.status()}`);
        assert.equal(await page.locator('code.token').count(), 1, `no code.token on ${page.url()}`);
        token = (await page.locator('code.token').innerText()).trim();
        assert.ok(token.length >= 32 && !/\s/.test(token), `the token looks wrong: ${JSON.stringify(token)}`);
        const rows = await tableRows(page, 'section[aria-labelledby="tokens-heading"] table');
        const row = rows.find((c) => c[0] === 'bar system');
        assert.ok(row, `tokens listed: ${JSON.stringify(rows)}`);
        // Name, what it may do (read, the default), created, expires (90 days on), last used.
        assert.equal(row[1], 'Read', `scope: ${JSON.stringify(row)}`);
        const days = (Date.parse(row[3]) - Date.now()) / 86400e3;
        assert.ok(days > 89 && days <= 90, `expires in ${days} days: ${JSON.stringify(row)}`);
      });

      await t.test('the token is shown only once', async () => {
        assert.ok(token, 'no token (the previous step failed)');
        await page.goto(`${app.baseURL}/account`);
        assert.equal(await page.locator('code.token').count(), 0, 'the token is shown again');
        assert.ok(!(await page.content()).includes(token), 'the token appears in the page again');
      });

      await t.test('GET /api/v1/me with the bearer token', async () => {
        assert.ok(token, 'no token (the previous step failed)');
        const res = await api('/api/v1/me', { Authorization: `Bearer ${token}` });
        assert.equal(res.status, 200, res.text.slice(0, 300));
        assert.equal(res.json.email, PLATFORM_ADMIN);
      });

      await t.test('the read token changes nothing: POST answers 403', async () => {
        assert.ok(token, 'no token (the previous step failed)');
        const res = await api('/api/v1/tokens', { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          { method: 'POST', body: JSON.stringify({ name: 'more', scope: 'admin' }) });
        assert.equal(res.status, 403, res.text.slice(0, 300));
        assert.equal(res.json.code, 'permission_denied');
      });

      await t.test('GET /api/v1/users page by page with the bearer token', async () => {
        assert.ok(token, 'no token (the previous step failed)');
        const auth = { Authorization: `Bearer ${token}` };
        const first = await api('/api/v1/users?page=1&per_page=2', auth);
        assert.equal(first.status, 200, first.text.slice(0, 300));
        assert.ok(Array.isArray(first.json.items), `items: ${first.text.slice(0, 300)}`);
        assert.ok(first.json.items.length <= 2 && first.json.items.length > 0, `items on page 1: ${first.json.items.length}`);
        assert.equal(first.json.page, 1);
        assert.equal(first.json.per_page, 2);
        assert.ok(Number.isInteger(first.json.total) && first.json.total >= 7, `total: ${first.json.total}`);

        // Walk all pages: every user once, none twice.
        const pages = Math.ceil(first.json.total / 2);
        const ids = first.json.items.map((u) => u.id);
        for (let n = 2; n <= pages; n++) {
          const res = await api(`/api/v1/users?page=${n}&per_page=2`, auth);
          assert.equal(res.status, 200, `page ${n}: ${res.text.slice(0, 300)}`);
          assert.equal(res.json.page, n);
          assert.ok(res.json.items.length > 0 && res.json.items.length <= 2, `items on page ${n}: ${res.json.items.length}`);
          ids.push(...res.json.items.map((u) => u.id));
        }
        assert.equal(new Set(ids).size, ids.length, `a user on two pages: ${JSON.stringify(ids)}`);
        assert.equal(ids.length, first.json.total, `users over all pages: ${JSON.stringify(ids)}`);
        assert.ok(first.json.items.every((u) => !('password_hash' in u) && !('password' in u)),
          'the user list exposes password fields');
      });

      await t.test('a wrong token gives 401 unauthenticated', async () => {
        const wrong = token ? `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}` : 'not-a-token';
        assertUnauthenticatedJSON(await api('/api/v1/me', { Authorization: `Bearer ${wrong}` }),
          'GET /api/v1/me with a wrong token');
        assertUnauthenticatedJSON(await api('/api/v1/users?page=1&per_page=2', { Authorization: `Bearer ${wrong}` }),
          'GET /api/v1/users with a wrong token');
        assertUnauthenticatedJSON(await api('/api/v1/me'), 'GET /api/v1/me without credentials');
      });
    } finally {
      await context.close();
    }
  });

// The README's command, run as a bar's own system would: curl with the bearer token.
function curlJSON(url, token) {
  return new Promise((resolve, reject) => {
    execFile('curl', ['-s', '--max-time', '10', '-H', `Authorization: Bearer ${token}`, url], (error, stdout) => {
      if (error) return reject(error);
      try { resolve(JSON.parse(stdout)); } catch (parseError) { reject(new Error(`not JSON: ${stdout.slice(0, 300)}`)); }
    });
  });
}

test("journey 8: the Almaty City Bar's system lists the bar's members with curl, page by page",
  { timeout: 2 * TEST_TIMEOUT_MS }, async () => {
    const context = await englishContext();
    try {
      const page = await newPage(context);
      await signIn(page, ALMATY_ADMIN, '/account');
      const form = page.locator('main form[method="post"][action="/account/tokens"]');
      await form.locator('input[name="name"]').fill('roll sync');
      await submitAndWait(page, form.locator('button[type="submit"]'));
      const token = (await page.locator('code.token').innerText()).trim();
      assert.ok(token.length >= 32, 'no token shown');
      // As the README shows: follow pages until page * per_page >= total.
      const slugs = [];
      let total = 0;
      for (let n = 1; n <= 10; n++) {
        const body = await curlJSON(`${app.baseURL}/api/v1/lawyers?bar=almaty-city-bar&status=any&per_page=2&page=${n}`, token);
        assert.equal(body.page, n);
        assert.equal(body.total_is_lower_bound, false, 'a small roll is counted exactly');
        total = body.total;
        slugs.push(...body.items.map((item) => item.slug));
        if (n * body.per_page >= total) break;
      }
      assert.ok(total >= 3, `members counted: ${total}`);
      assert.equal(slugs.length, total, `members over all pages: ${JSON.stringify(slugs)}`);
      assert.equal(new Set(slugs).size, slugs.length, `a member on two pages: ${JSON.stringify(slugs)}`);
      for (const slug of ['daniyar-kanafin', 'iskander-alimbaev', 'kenzhegali-karchegenov']) {
        assert.ok(slugs.includes(slug), `${slug} is not listed: ${JSON.stringify(slugs)}`);
      }
    } finally {
      await context.close();
    }
  });

test('a wrong password and an unknown email get the same answer', { timeout: TEST_TIMEOUT_MS }, async () => {
  const attempt = (email, password) => withContext(async (context) => {
    const page = await newPage(context);
    const post = await submitSignIn(page, email, password);
    const alert = page.locator('main .alert');
    await alert.first().waitFor();
    return {
      status: post.status(),
      alert: (await alert.allInnerTexts()).map((s) => s.trim()),
      path: pathOf(page.url()),
      session: await sessionCookie(context),
      emailValue: await page.locator('#email').inputValue().catch(() => null),
    };
  });

  const wrongPassword = await attempt(PARIS_MEMBER, 'not-the-password-2014');
  const unknownEmail = await attempt(DEMO('nobody.here'), 'not-the-password-2014');

  assert.equal(wrongPassword.path, '/sign-in', 'a wrong password should stay on the sign-in page');
  assert.ok(wrongPassword.status >= 400 && wrongPassword.status < 500, `status ${wrongPassword.status}`);
  assert.ok(wrongPassword.alert.length > 0 && wrongPassword.alert[0].length > 0, 'no message');
  assert.equal(wrongPassword.session, undefined, 'a session cookie after a wrong password');
  assert.equal(unknownEmail.session, undefined, 'a session cookie after an unknown email');
  assert.equal(unknownEmail.path, wrongPassword.path);
  assert.equal(unknownEmail.status, wrongPassword.status, 'the statuses differ');
  assert.deepEqual(unknownEmail.alert, wrongPassword.alert, 'the messages differ');
});

test('the sign-in form refuses a missing CSRF token and a foreign Origin', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  // A genuine form: the CSRF cookie and token of a GET /sign-in.
  const getRes = await fetch(`${app.baseURL}/sign-in`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  const html = await getRes.text();
  const token = html.match(/name="csrf_token" value="([^"]+)"/)?.[1];
  assert.ok(token, 'no csrf_token in GET /sign-in');
  const cookies = getRes.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

  const post = (fields, headers = {}) => fetch(`${app.baseURL}/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies, ...headers },
    body: new URLSearchParams({ next: '/', email: PARIS_MEMBER, password: DEMO_PASSWORD, ...fields }),
    redirect: 'manual',
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  const setsSession = (res) => res.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`) && !c.startsWith(`${SESSION_COOKIE}=;`));

  await t.test('without the CSRF token: 403, no session', async () => {
    const res = await post({});
    assert.equal(res.status, 403);
    assert.equal(setsSession(res), false);
  });

  await t.test('with a foreign Origin: 403, no session', async () => {
    const res = await post({ csrf_token: token }, { Origin: 'https://evil.example' });
    assert.equal(res.status, 403);
    assert.equal(setsSession(res), false);
  });

  await t.test('the same request from our own origin signs in (control)', async () => {
    const res = await post({ csrf_token: token }, { Origin: app.baseURL });
    assert.equal(res.status, 303);
    assert.equal(setsSession(res), true);
  });
});
