// Shared helpers of the browser tests: the server under test (free port, temporary SQLite
// database, `entente serve`, SIGTERM), the chromium launch options, pages with bounded timeouts,
// and axe-core reports.
//
// Environment:
//   ENTENTE_BIN      server binary (default ../../build/entente relative to this file)
//   ENTENTE_E2E_OUT  where screenshots and the server logs go (default ../../build/e2e)

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const BIN = path.resolve(process.env.ENTENTE_BIN || path.join(HERE, '../../build/entente'));
export const OUT = path.resolve(process.env.ENTENTE_E2E_OUT || path.join(HERE, '../../build/e2e'));

// The binary may be replaced by a rebuild while the tests start: wait for it this long.
export const BIN_WAIT_MS = 60_000;
export const HEALTH_TIMEOUT_MS = 20_000;
// docs/SECURITY.md item 23: in-flight requests may take up to ~25 s to drain after SIGTERM.
export const STOP_TIMEOUT_MS = 30_000;
export const PAGE_TIMEOUT_MS = 15_000;
export const TEST_TIMEOUT_MS = 60_000;

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Debian's chromium, launched with the flags in docs/ARCHITECTURE.md ("Libraries"); never
// `playwright install`.
export const CHROMIUM_OPTIONS = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
  timeout: 30_000,
};

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A free loopback port: bind port 0, read what the kernel chose, release it.
export function freePort() {
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

async function waitForBinary() {
  const deadline = Date.now() + BIN_WAIT_MS;
  while (!fs.existsSync(BIN)) {
    if (Date.now() >= deadline) {
      assert.fail(`server binary not found at ${BIN} after ${BIN_WAIT_MS} ms (build it first, or set ENTENTE_BIN)`);
    }
    await sleep(500);
  }
}

// Starts `entente serve` on a free loopback port with a new SQLite database in a temporary
// folder, and waits for /healthz. `serve` never loads the demo: unless `demo` is false, the
// database gets it first from `entente seed demo`, as an operator would load it.
// `logName` is the file under OUT where close() writes the server's output.
export async function startServer({ logName = 'server.log', demo = true } = {}) {
  await waitForBinary();
  fs.mkdirSync(OUT, { recursive: true });
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-e2e-'));
  const port = await freePort();
  const databaseURL = `sqlite://${path.join(tmpDir, 'e2e.db')}`;
  if (demo) {
    const seeded = spawnSync(BIN, ['seed', 'demo'], {
      env: { ...process.env, ENTENTE_DATABASE_URL: databaseURL },
      encoding: 'utf8',
      timeout: HEALTH_TIMEOUT_MS * 3,
    });
    if (seeded.status !== 0) {
      fs.rmSync(tmpDir, { recursive: true, force: true });
      throw new Error(`entente seed demo failed (status ${seeded.status}):\n${seeded.stderr}${seeded.stdout}`);
    }
  }

  const server = {
    baseURL: `http://127.0.0.1:${port}`,
    process: null,   // ChildProcess
    exited: null,    // Promise<{code, signal}>
    log: '',         // stdout + stderr of the server, for failure messages

    logTail(chars = 4000) {
      return this.log.length > chars ? '…' + this.log.slice(-chars) : this.log;
    },

    running() {
      return this.process !== null && this.process.exitCode === null && this.process.signalCode === null;
    },

    // Resolves with the exit status, or null when the server is still running after `ms`.
    // The timer is unref'd so that a pending race does not keep node alive after the tests.
    waitExit(ms) {
      const timeout = new Promise((r) => setTimeout(r, ms, null).unref());
      return Promise.race([this.exited, timeout]);
    },

    // SIGTERM, then the exit status (null when still running after STOP_TIMEOUT_MS).
    async terminate() {
      this.process.kill('SIGTERM');
      return this.waitExit(STOP_TIMEOUT_MS);
    },

    // Kills the server if it still runs, writes its log under OUT, removes the database.
    async close() {
      if (this.running()) {
        this.process.kill('SIGKILL');
        await this.waitExit(5_000);
      }
      if (this.log) fs.writeFileSync(path.join(OUT, logName), this.log);
      fs.rmSync(tmpDir, { recursive: true, force: true });
    },
  };

  server.process = spawn(BIN, ['serve'], {
    env: {
      ...process.env,
      ENTENTE_DATABASE_URL: databaseURL,
      ENTENTE_LISTEN: `127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.exited = once(server.process, 'exit').then(([code, signal]) => ({ code, signal }));
  for (const stream of [server.process.stdout, server.process.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => { server.log += chunk; });
  }
  server.process.on('error', (err) => { server.log += `\n[spawn error] ${err.message}\n`; });

  try {
    await waitHealthy(server);
  } catch (err) {
    await server.close();
    throw err;
  }
  return server;
}

async function waitHealthy(server) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastError = 'no attempt';
  while (Date.now() < deadline) {
    const exited = await server.waitExit(0);
    if (exited) {
      throw new Error(`entente exited early (code ${exited.code}, signal ${exited.signal}):\n${server.logTail()}`);
    }
    try {
      const res = await fetch(`${server.baseURL}/healthz`, { signal: AbortSignal.timeout(2_000) });
      const body = await res.text();
      if (res.status === 200 && body.trim() === 'ok') return;
      lastError = `status ${res.status}, body ${JSON.stringify(body.slice(0, 200))}`;
    } catch (err) {
      lastError = String(err.cause?.code || err.message || err);
    }
    await sleep(200);
  }
  throw new Error(`/healthz not ready after ${HEALTH_TIMEOUT_MS} ms (${lastError}):\n${server.logTail()}`);
}

export async function newPage(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(PAGE_TIMEOUT_MS);
  return page;
}

export function describeViolations(violations) {
  return violations.map((v) => {
    const nodes = v.nodes.map((n) => `      ${JSON.stringify(n.target)}${n.failureSummary ? ' — ' + n.failureSummary.replace(/\s+/g, ' ') : ''}`);
    return `  ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
  }).join('\n');
}

// Runs axe-core with the WCAG 2.1 A/AA tags on the page as it is; fails with the rule ids and
// targets. The page must belong to a context made with browser.newContext().
export async function assertNoAxeViolations(page, label) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (results.violations.length > 0) {
    const report = describeViolations(results.violations);
    console.log(`axe violations on ${label}:\n${report}`);
    assert.fail(`${results.violations.length} axe violation(s) on ${label}:\n${report}`);
  }
}

// One server and one browser for a test file: the before() and after() hooks that
// useServerAndBrowser() registers call these.
export async function openServerAndBrowser(logName) {
  const server = await startServer({ logName });
  const browser = await chromium.launch(CHROMIUM_OPTIONS);
  return { server, baseURL: server.baseURL, browser };
}

export async function closeServerAndBrowser({ server, browser }) {
  await browser?.close().catch(() => {});
  // Normally the last test has stopped the server; if a failure left it running, close() kills it.
  await server?.close();
}

// ---------------------------------------------------------------------------------------------
// The set-up of every test file, written once. Each file calls useServerAndBrowser() at its top
// level: it registers the before() and after() hooks that start one server and one browser for
// the file and stop them, and returns the handle its tests use once before() has run:
//
//   const app = useServerAndBrowser('server-events.log');
//   test('…', async () => {
//     await app.withContext('fr', async (context) => { … `${app.baseURL}/events` … });
//     const { context, page } = await app.signedInContext(DEMO('paris.admin'), 'ru');
//   });
//
// The helpers below are the only copies of what the tests share: the demo accounts (DEMO,
// DEMO_PASSWORD), reading pages (pathOf, htmlLang, squash, section, sectionText), submitting forms
// (submitAndWait), signing in (signIn, or its steps openSignIn and submitSignInForm for tests
// that check the sign-in itself) and the clean exit on SIGTERM (assertExitsCleanly, or the
// `exitCleanly` option). A test file imports them rather than writing its own.

export const DEMO_PASSWORD = 'entente-demo-2014';
// A demo user's address: DEMO('paris.admin').
export const DEMO = (local) => `${local}@demo.entente.example`;

export const pathOf = (url) => new URL(url).pathname;
export const htmlLang = (page) => page.locator('html').getAttribute('lang');
// A text with its runs of white space made single spaces, and trimmed.
export const squash = (s) => s.replace(/\s+/g, ' ').trim();
// The page's <main> section labelled by the heading `headingId`, and its squashed text.
export const section = (page, headingId) => page.locator(`main section[aria-labelledby="${headingId}"]`);
export const sectionText = async (page, headingId) => squash(await section(page, headingId).innerText());

// Clicks a submit button and waits until the document it leads to has loaded (also when that
// document has the same URL as the current one). Returns the response to the form's POST.
export async function submitAndWait(page, button, timeout) {
  const marker = `before-submit-${Date.now()}-${Math.random()}`;
  await page.evaluate((m) => { window.__e2eMarker = m; }, marker);
  const [post] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest(),
      timeout ? { timeout } : undefined),
    button.click(),
  ]);
  await page.waitForFunction(
    (m) => window.__e2eMarker !== m && document.readyState === 'complete', marker, timeout ? { timeout } : undefined);
  return post;
}

// Opens /sign-in (with `?next=` when `next` is given) and checks that it answers 200; returns the
// sign-in form.
export async function openSignIn(page, baseURL, next) {
  const target = `/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`;
  const res = await page.goto(`${baseURL}${target}`);
  assert.equal(res.status(), 200, `GET ${target}`);
  return page.locator('main form[action="/sign-in"]');
}

// Fills the sign-in form of the page openSignIn() opened and submits it; returns the response
// to the POST, whatever it is (tests of refused sign-ins check it themselves).
export async function submitSignInForm(page, email, password = DEMO_PASSWORD) {
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  return submitAndWait(page, page.locator('main form[action="/sign-in"] button[type="submit"]'));
}

// Signs in through /sign-in and checks that it succeeded: a 303, then a page that is not
// /sign-in; with `next`, the sign-in is asked to lead there and must.
export async function signIn(page, baseURL, email, password = DEMO_PASSWORD, { next } = {}) {
  await openSignIn(page, baseURL, next);
  const post = await submitSignInForm(page, email, password);
  assert.equal(post.status(), 303, `sign-in of ${email}: status of POST /sign-in`);
  if (next) {
    assert.equal(pathOf(page.url()), next, `sign-in of ${email} should lead to ${next}, not ${page.url()}`);
  } else {
    assert.notEqual(pathOf(page.url()), '/sign-in', `sign-in of ${email} failed: still on ${page.url()}`);
  }
}

// docs/SECURITY.md item 23: checks that the server is still running, sends it SIGTERM and checks
// that it exits with code 0 within STOP_TIMEOUT_MS. A test's timeout must allow for that.
export async function assertExitsCleanly(server) {
  assert.ok(server.running(), `the server died during the tests:\n${server.logTail()}`);
  const status = await server.terminate();
  assert.ok(status, `entente still running ${STOP_TIMEOUT_MS} ms after SIGTERM`);
  assert.deepEqual(status, { code: 0, signal: null }, `exit after SIGTERM:\n${server.logTail()}`);
}

// With `exitCleanly`, the after() hook closes the browser and then stops the server with
// assertExitsCleanly() instead of leaving close() to kill it: for a file that checks the clean
// exit after all its tests rather than in a last test of its own.
export function useServerAndBrowser(logName, { exitCleanly = false } = {}) {
  const app = {
    server: undefined,
    baseURL: undefined,
    browser: undefined,

    // A new context (an English browser) whose pages are in `lang`: the `lang` cookie, as the
    // language switch sets it, wins over a user's language. Without `lang` (null) there is no
    // cookie: pages are in the user's language, or the browser's. The caller closes it.
    // @axe-core/playwright needs pages of a context made with browser.newContext(), as here.
    async newContext(lang, options = {}) {
      const context = await app.browser.newContext({ locale: 'en-US', ...options });
      if (lang) {
        try {
          await context.addCookies([{ name: 'lang', value: lang, url: app.baseURL }]);
        } catch (error) {
          await context.close();
          throw error;
        }
      }
      return context;
    },

    // Runs `fn(context)` in a new context whose pages are in `lang` (see newContext()).
    async withContext(lang, fn, options = {}) {
      const context = await app.newContext(lang, options);
      try {
        return await fn(context);
      } finally {
        await context.close();
      }
    },

    // A new context in `lang` (see newContext()) with a page signed in as `email`; the caller
    // closes the context.
    async signedInContext(email, lang = 'en', options = {}) {
      const context = await app.newContext(lang, options);
      try {
        const page = await newPage(context);
        await signIn(page, app.baseURL, email);
        return { context, page };
      } catch (error) {
        await context.close();
        throw error;
      }
    },
  };
  before(async () => {
    Object.assign(app, await openServerAndBrowser(logName));
  }, { timeout: HEALTH_TIMEOUT_MS + 100_000 });
  if (exitCleanly) {
    after(async () => {
      try {
        await app.browser?.close().catch(() => {});
        if (app.server) await assertExitsCleanly(app.server);
      } finally {
        await app.server?.close();
      }
    }, { timeout: STOP_TIMEOUT_MS + 15_000 });
  } else {
    after(() => closeServerAndBrowser(app));
  }
  return app;
}
