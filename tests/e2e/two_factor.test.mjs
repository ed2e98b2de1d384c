// Browser test of two-factor sign-in (TOTP, RFC 6238) on the demo data: a demo member enrols on
// the account page (QR code and the key in groups), confirms with a code and sees ten recovery
// codes once; signs out; signs in with the password and then a code computed here (node's
// crypto: HMAC-SHA-1 per RFC 6238, independent of the server's liboath); a wrong code is refused
// on the page; then a recovery code signs in once. axe-core on every page of the flow.
//
// Run from this folder:  npm ci && node --test two_factor.test.mjs
// Environment: see support.mjs (ENTENTE_BIN, ENTENTE_E2E_OUT).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';

import {
  DEMO, TEST_TIMEOUT_MS, assertExitsCleanly, assertNoAxeViolations, newPage, openSignIn, pathOf, submitAndWait,
  submitSignInForm, useServerAndBrowser,
} from './support.mjs';

const MEMBER = DEMO('paris.member');

const app = useServerAndBrowser('server-two-factor.log');

// --- RFC 6238 (TOTP over RFC 4226's HOTP), written from the RFCs ---

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const bytes = [];
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    const index = alphabet.indexOf(c);
    assert.ok(index >= 0, `not base32: ${c}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

function totp(secret, unixSeconds, { step = 30, digits = 6 } = {}) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / step)));
  const mac = crypto.createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 10 ** digits).padStart(digits, '0');
}

const now = () => Date.now() / 1000;

// --- Helpers ---

// The first step of signing in, the password; returns the response to its POST.
async function passwordStep(page) {
  await openSignIn(page, app.baseURL);
  return submitSignInForm(page, MEMBER);
}

async function submitCode(page, code) {
  await page.locator('#code').fill(code);
  return submitAndWait(page, page.locator('main form[action="/sign-in/two-factor"] button[type="submit"]'));
}

async function signOut(page) {
  await submitAndWait(page, page.locator('header form[action="/sign-out"] button[type="submit"]'));
}

// --- The test ---

test('a demo member enrols, then signs in with a code and with a recovery code', { timeout: 3 * TEST_TIMEOUT_MS },
  async (t) => {
    const context = await app.newContext('en');
    const page = await newPage(context);
    try {
      const first = await passwordStep(page);
      assert.equal(first.status(), 303, 'no second step before enrolment');
      assert.equal(pathOf(page.url()), '/');

      let secret;
      let recoveryCodes;
      await t.test('the account page leads to the enrolment: QR code, key in groups, confirmation', async () => {
        await page.goto(`${app.baseURL}/account`);
        const section = page.locator('section[aria-labelledby="two-factor-heading"]');
        assert.match(await section.innerText(), /Two-factor sign-in is not set up for your account\./);
        await assertNoAxeViolations(page, '/account');
        await section.locator('a[href="/account/two-factor"]').click();
        await page.waitForURL(`${app.baseURL}/account/two-factor`);
        await assertNoAxeViolations(page, '/account/two-factor (not set up)');
        await submitAndWait(page, page.locator('main form[action="/account/two-factor/enrol"] button[type="submit"]'));
        assert.equal(await page.locator('svg.qr-code path').count(), 1, 'the QR code');
        const grouped = (await page.locator('#two-factor-secret').innerText()).trim();
        assert.match(grouped, /^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/, `the key in groups of four: ${grouped}`);
        secret = base32Decode(grouped);
        assert.equal(secret.length, 20, '160-bit secret');
        await assertNoAxeViolations(page, '/account/two-factor (scan)');

        // A wrong code first: the field says so.
        const wrongCode = totp(secret, now() - 3600);
        await page.locator('#confirm-code').fill(wrongCode);
        const refused = await submitAndWait(page, page.locator('main form[action="/account/two-factor/confirm"] button'));
        assert.equal(refused.status(), 422);
        assert.match(await page.locator('main .field-error').innerText(), /not correct/);
        await assertNoAxeViolations(page, '/account/two-factor (wrong code)');

        await page.locator('#confirm-code').fill(totp(secret, now()));
        const confirmed = await submitAndWait(page, page.locator('main form[action="/account/two-factor/confirm"] button'));
        assert.equal(confirmed.status(), 200);
        recoveryCodes = await page.locator('code.recovery-code').allInnerTexts();
        assert.equal(recoveryCodes.length, 10, 'ten recovery codes');
        assert.equal(new Set(recoveryCodes).size, 10);
        assert.match(await page.locator('main').innerText(), /They will not be shown again\./);
        await assertNoAxeViolations(page, '/account/two-factor (recovery codes)');
        // Shown once: the page afterwards shows the status, not the codes.
        await page.goto(`${app.baseURL}/account/two-factor`);
        assert.equal(await page.locator('code.recovery-code').count(), 0);
        assert.equal((await page.locator('#recovery-codes-left').innerText()).trim(), '10');
        await assertNoAxeViolations(page, '/account/two-factor (on)');
      });

      await t.test('signing in takes a code after the password', async () => {
        await signOut(page);
        const post = await passwordStep(page);
        assert.equal(post.status(), 303);
        assert.equal(pathOf(page.url()), '/sign-in/two-factor');
        const cookies = await context.cookies(app.baseURL);
        assert.equal(cookies.find((c) => c.name === 'entente_session'), undefined, 'no session before the code');
        const pending = cookies.find((c) => c.name === 'entente_two_factor');
        assert.ok(pending, 'the pending step has its cookie');
        assert.equal(pending.httpOnly, true);
        assert.equal(pending.sameSite, 'Strict');
        await assertNoAxeViolations(page, '/sign-in/two-factor');

        const wrong = await submitCode(page, totp(secret, now() - 3600));
        assert.equal(wrong.status(), 422);
        assert.match(await page.locator('#code-error').innerText(), /not correct/);
        assert.equal(await page.locator('#code').getAttribute('aria-invalid'), 'true');
        await assertNoAxeViolations(page, '/sign-in/two-factor (wrong code)');

        // The confirmation used this step's code: the next step's code (within the window).
        const right = await submitCode(page, totp(secret, now() + 30));
        assert.equal(right.status(), 303);
        assert.equal(pathOf(page.url()), '/');
        assert.ok((await context.cookies(app.baseURL)).find((c) => c.name === 'entente_session'), 'signed in');
        assert.equal((await page.locator('header a.account-name').innerText()).trim().length > 0, true);
      });

      await t.test('a recovery code signs in once', async () => {
        await signOut(page);
        await passwordStep(page);
        const used = await submitCode(page, recoveryCodes[0]);
        assert.equal(used.status(), 303);
        assert.equal(pathOf(page.url()), '/');
        await page.goto(`${app.baseURL}/account`);
        assert.match(await page.locator('section[aria-labelledby="two-factor-heading"]').innerText(),
          /Recovery codes left: 9/);

        await signOut(page);
        await passwordStep(page);
        const again = await submitCode(page, recoveryCodes[0]);
        assert.equal(again.status(), 422, 'a recovery code works once');
        assert.equal(pathOf(page.url()), '/sign-in/two-factor');
      });

      await t.test('the server stops cleanly', () => assertExitsCleanly(app.server));
    } finally {
      await context.close();
    }
  });
