// Browser tests of the home page: languages, the language switch, accessibility (axe-core),
// the 404 page, and a clean exit on SIGTERM.
//
// Run from this folder:  npm ci && node --test
// Environment:
//   ENTENTE_BIN      server binary (default ../../build/entente relative to this file)
//   ENTENTE_E2E_OUT  where screenshots and the server log go (default ../../build/e2e)
//
// The browser is Debian's chromium driven by playwright-core (never `playwright install`:
// browser downloads are not available on our machines), launched with the flags of STACK.md.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(process.env.ENTENTE_BIN || path.join(HERE, '../../build/entente'));
const OUT = path.resolve(process.env.ENTENTE_E2E_OUT || path.join(HERE, '../../build/e2e'));

const HEALTH_TIMEOUT_MS = 20_000;
// SECURITY.md item 23: in-flight requests may take up to ~25 s to drain after SIGTERM.
const STOP_TIMEOUT_MS = 30_000;
const PAGE_TIMEOUT_MS = 15_000;
const TEST_TIMEOUT_MS = 60_000;

const LANGUAGES = ['en', 'fr', 'ru', 'kk'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Letters of the Kazakh Cyrillic alphabet that Russian does not have (і is U+0456, not Latin i).
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;

const CHROMIUM_OPTIONS = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
  timeout: 30_000,
};

let tmpDir;
let server;          // ChildProcess
let serverExit;      // Promise<{code, signal}>
let serverLog = '';  // stdout + stderr of the server, for failure messages
let baseURL;
let browser;

// A free loopback port: bind port 0, read what the kernel chose, release it.
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function logTail(chars = 4000) {
  return serverLog.length > chars ? '…' + serverLog.slice(-chars) : serverLog;
}

// Resolves with the exit status, or null when the server is still running after `ms`.
// The timer is unref'd so that a pending race does not keep node alive after the tests.
function waitExit(ms) {
  const timeout = new Promise((r) => setTimeout(r, ms, null).unref());
  return Promise.race([serverExit, timeout]);
}

async function waitHealthy() {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastError = 'no attempt';
  while (Date.now() < deadline) {
    const exited = await waitExit(0);
    if (exited) {
      throw new Error(`entente exited early (code ${exited.code}, signal ${exited.signal}):\n${logTail()}`);
    }
    try {
      const res = await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(2_000) });
      const body = await res.text();
      if (res.status === 200 && body.trim() === 'ok') return;
      lastError = `status ${res.status}, body ${JSON.stringify(body.slice(0, 200))}`;
    } catch (err) {
      lastError = String(err.cause?.code || err.message || err);
    }
    await sleep(200);
  }
  throw new Error(`/healthz not ready after ${HEALTH_TIMEOUT_MS} ms (${lastError}):\n${logTail()}`);
}

async function newPage(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(PAGE_TIMEOUT_MS);
  return page;
}

const htmlLang = (page) => page.locator('html').getAttribute('lang');

// Chooses a language the way a visitor does: through the switch's link target, which sets the
// `lang` cookie and redirects back to `next`.
async function openHomeIn(context, lang) {
  const page = await newPage(context);
  const res = await page.goto(`${baseURL}/lang/${lang}?next=/`);
  assert.ok(res, `no response for /lang/${lang}`);
  assert.equal(res.status(), 200, `/lang/${lang}?next=/ should end on the home page with 200`);
  assert.equal(new URL(page.url()).pathname, '/', `/lang/${lang}?next=/ should redirect to /`);
  assert.equal(await htmlLang(page), lang, `html lang after choosing ${lang}`);
  return page;
}

function describeViolations(violations) {
  return violations.map((v) => {
    const nodes = v.nodes.map((n) => `      ${JSON.stringify(n.target)}${n.failureSummary ? ' — ' + n.failureSummary.replace(/\s+/g, ' ') : ''}`);
    return `  ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
  }).join('\n');
}

before(async () => {
  assert.ok(fs.existsSync(BIN), `server binary not found at ${BIN} (build it first, or set ENTENTE_BIN)`);
  fs.mkdirSync(OUT, { recursive: true });
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-e2e-'));
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;

  server = spawn(BIN, ['serve'], {
    env: {
      ...process.env,
      ENTENTE_DATABASE_URL: `sqlite://${path.join(tmpDir, 'e2e.db')}`,
      ENTENTE_LISTEN: `127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serverExit = once(server, 'exit').then(([code, signal]) => ({ code, signal }));
  for (const stream of [server.stdout, server.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => { serverLog += chunk; });
  }
  server.on('error', (err) => { serverLog += `\n[spawn error] ${err.message}\n`; });

  await waitHealthy();
  browser = await chromium.launch(CHROMIUM_OPTIONS);
}, { timeout: HEALTH_TIMEOUT_MS + 40_000 });

after(async () => {
  await browser?.close().catch(() => {});
  // Normally the last test has stopped the server; if a failure left it running, kill it.
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGKILL');
    await waitExit(5_000);
  }
  if (serverLog) fs.writeFileSync(path.join(OUT, 'server.log'), serverLog);
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
});

// Top-level tests of one file run one after another, in this order.

test('home page in English has html lang=en and an h1', { timeout: TEST_TIMEOUT_MS }, async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await newPage(context);
    const res = await page.goto(`${baseURL}/`);
    assert.equal(res.status(), 200);
    assert.equal(await htmlLang(page), 'en');
    await page.locator('main#main').waitFor({ state: 'attached' });
    const h1 = (await page.locator('h1').first().innerText()).trim();
    assert.ok(h1.length > 0, 'the h1 is empty');
  } finally {
    await context.close();
  }
});

test('the Kazakh link of the language switch gives a Kazakh page', { timeout: TEST_TIMEOUT_MS }, async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await newPage(context);
    await page.goto(`${baseURL}/`);
    assert.equal(await htmlLang(page), 'en');
    const englishH1 = (await page.locator('h1').first().innerText()).trim();

    const link = page.locator('a[hreflang="kk"]').first();
    const href = await link.getAttribute('href');
    assert.match(href ?? '', /^\/lang\/kk\b/, 'the Kazakh link should point to /lang/kk');
    await link.click();
    // The link goes through /lang/kk (sets the cookie) and is redirected back to the page.
    await page.waitForFunction(() => document.documentElement.lang === 'kk', null, { timeout: PAGE_TIMEOUT_MS });
    await page.waitForLoadState('load');
    assert.equal(new URL(page.url()).pathname, '/', 'the switch should bring the visitor back to /');
    assert.equal(await htmlLang(page), 'kk');

    const cookies = await context.cookies(baseURL);
    assert.ok(cookies.some((c) => c.name === 'lang' && c.value === 'kk'),
      `expected a lang=kk cookie, got ${JSON.stringify(cookies.map((c) => `${c.name}=${c.value}`))}`);

    // Screenshot before the h1 checks, so that a failing run leaves it to look at.
    await page.screenshot({ path: path.join(OUT, 'home-kk.png'), fullPage: true });

    const kazakhH1 = (await page.locator('h1').first().innerText()).trim();
    assert.ok(kazakhH1.length > 0, 'the Kazakh h1 is empty');
    assert.notEqual(kazakhH1, englishH1, 'the h1 is not translated');
    assert.match(kazakhH1, KAZAKH_LETTERS, `the h1 "${kazakhH1}" has no Kazakh-specific letter`);
  } finally {
    await context.close();
  }
});

test('axe-core finds no WCAG 2.1 A/AA violation on the home page', { timeout: 4 * TEST_TIMEOUT_MS }, async (t) => {
  for (const lang of LANGUAGES) {
    await t.test(`home page in ${lang}`, { timeout: TEST_TIMEOUT_MS }, async () => {
      // @axe-core/playwright needs pages of a context made with browser.newContext().
      const context = await browser.newContext();
      try {
        const page = await openHomeIn(context, lang);
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        if (results.violations.length > 0) {
          const report = describeViolations(results.violations);
          console.log(`axe violations on / in ${lang}:\n${report}`);
          assert.fail(`${results.violations.length} axe violation(s) on / in ${lang}:\n${report}`);
        }
      } finally {
        await context.close();
      }
    });
  }
});

test('an unknown path gives 404 in the language of the lang cookie', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const missing = `/no-such-page-${Date.now()}`;

  await t.test('without a cookie: English', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    try {
      const page = await newPage(context);
      const res = await page.goto(`${baseURL}${missing}`);
      assert.equal(res.status(), 404);
      assert.equal(await htmlLang(page), 'en');
    } finally {
      await context.close();
    }
  });

  for (const lang of ['fr', 'ru', 'kk']) {
    await t.test(`cookie lang=${lang}`, async () => {
      const context = await browser.newContext({ locale: 'en-US' });
      try {
        await context.addCookies([{ name: 'lang', value: lang, url: baseURL }]);
        const page = await newPage(context);
        const res = await page.goto(`${baseURL}${missing}`);
        assert.equal(res.status(), 404);
        assert.equal(await htmlLang(page), lang);
      } finally {
        await context.close();
      }
    });
  }

  await t.test('cookie set by the language switch', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    try {
      const page = await openHomeIn(context, 'ru');
      const res = await page.goto(`${baseURL}${missing}`);
      assert.equal(res.status(), 404);
      assert.equal(await htmlLang(page), 'ru');
      assert.ok((await page.locator('h1').count()) > 0, 'the 404 page has no h1');
    } finally {
      await context.close();
    }
  });
});

test('SIGTERM stops the server with exit code 0', { timeout: STOP_TIMEOUT_MS + 10_000 }, async () => {
  assert.equal(server.exitCode, null, `the server died during the tests:\n${logTail()}`);
  server.kill('SIGTERM');
  const status = await waitExit(STOP_TIMEOUT_MS);
  assert.ok(status, `entente still running ${STOP_TIMEOUT_MS} ms after SIGTERM`);
  assert.deepEqual(status, { code: 0, signal: null }, `exit after SIGTERM:\n${logTail()}`);
});
