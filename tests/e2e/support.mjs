// Shared helpers of the browser tests: the server under test (free port, temporary SQLite
// database, `entente serve`, SIGTERM), the chromium launch options, pages with bounded timeouts,
// and axe-core reports.
//
// Environment:
//   ENTENTE_BIN      server binary (default ../../build/entente relative to this file)
//   ENTENTE_E2E_OUT  where screenshots and the server logs go (default ../../build/e2e)

import assert from 'node:assert/strict';
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

// One server and one browser for a test file: its before() and after() hooks call these.
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
