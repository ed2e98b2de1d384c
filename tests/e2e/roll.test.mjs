// Browser tests of a bar's roll (docs/ROLL_CSV.md) on the demo data:
//   - journey 6: the Paris Bar's admin opens the bar's page, follows "Import or export the roll",
//     checks a 10,000-row CSV with three bad lines (dry run): the page lists exactly those lines
//     with their columns and nothing is written; the corrected file is checked, then imported
//     with a progress bar (the import runs in the background; htmx polls its progress);
//     a new lawyer is found at once through /api/v1/lawyers and /lawyers, and the CSV export
//     holds the header and the 10,000 rows;
//   - access: a member of the Paris Bar and an admin of another bar get 403 (the bar is a public
//     record: they see it, but not its roll), a visitor is sent to sign in;
//   - axe-core on the roll page showing the problem report.
//
// Run from this folder:  npm ci && node --test roll.test.mjs
// Environment: see support.mjs (ENTENTE_BIN, ENTENTE_E2E_OUT).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import {
  DEMO, OUT, STOP_TIMEOUT_MS, TEST_TIMEOUT_MS, assertExitsCleanly, assertNoAxeViolations, newPage, pathOf, signIn,
  squash, submitAndWait, useServerAndBrowser,
} from './support.mjs';

const PARIS_ADMIN = DEMO('paris.admin');
const PARIS_MEMBER = DEMO('paris.member');
const ALMATY_ADMIN = DEMO('almaty.admin');
const BAR = 'paris-bar';
const BAR_PAGE = `/organizations/${BAR}`;
const ROLL_PAGE = `${BAR_PAGE}/roll`;
const ROLL_CSV = `${BAR_PAGE}/roll.csv`;
const FETCH_TIMEOUT_MS = 10_000;
// Checking or importing 10,000 rows: the POST and the page it answers with.
const IMPORT_TIMEOUT_MS = 90_000;

// ---------------------------------------------------------------------------------------------
// The files: 10,000 rows of distinctive lawyers, and the same with three bad lines.

const ROWS = 10_000;
const HEADER = 'roll_number,name,other_names,gender,city,languages,practice_areas,admitted_on,status,status_since';
const NAME_PREFIX = 'Journeysix Lawyer';
const nameOf = (i) => `${NAME_PREFIX} ${String(i).padStart(4, '0')}`;   // i = 0 … 9999
const rollNumberOf = (i) => `J6-${String(i).padStart(5, '0')}`;
const lineOf = (i) => i + 2;   // the header is line 1

const SOUGHT = 42;   // "Journeysix Lawyer 0042"

// The three bad lines of the first file: [row index, column, bad value].
const BAD = [
  { row: 999, column: 'roll_number' },   // the roll number of the line before it
  { row: 5000, column: 'admitted_on' },  // 2014-02-30
  { row: 9001, column: 'status' },       // "retired"
];

function csvField(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const GENDERS = ['female', 'male', 'other', ''];
const CITIES = ['Paris', 'Neuilly-sur-Seine', 'Versailles, Yvelines', 'Saint-Denis'];
// Lists in the order of the export (sorted), so that exported rows can be compared with these.
const LANGUAGES = ['fr', 'en; fr', 'fr; ru', 'fr; kk; ru', ''];
const AREAS = ['Commercial arbitration', 'Family law; Succession', 'Criminal law', '', '"Droit fiscal"; Tax law'];
const STATUSES = ['active', 'active', 'active', 'suspended', 'honorary', 'former'];

function row(i, { bad = false } = {}) {
  const status = STATUSES[i % STATUSES.length];
  const fields = {
    roll_number: rollNumberOf(i),
    name: nameOf(i),
    other_names: i % 7 === 0 ? `Journeysix Avocat ${String(i).padStart(4, '0')}` : '',
    gender: GENDERS[i % GENDERS.length],
    city: CITIES[i % CITIES.length],
    languages: LANGUAGES[i % LANGUAGES.length],
    practice_areas: AREAS[i % AREAS.length],
    admitted_on: ['1998', '2004-09', '2011-01-15', ''][i % 4],
    status,
    status_since: status === 'active' ? '' : '2015-12',
  };
  if (bad) {
    if (i === BAD[0].row) fields.roll_number = rollNumberOf(i - 1);
    if (i === BAD[1].row) fields.admitted_on = '2014-02-30';
    if (i === BAD[2].row) fields.status = 'retired';
  }
  return HEADER.split(',').map((c) => csvField(fields[c])).join(',');
}

function rollFile({ bad }) {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i += 1) lines.push(row(i, { bad: bad && BAD.some((b) => b.row === i) }));
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

// "Active members on the roll" counts the active members only.
const ACTIVE_ROWS = Array.from({ length: ROWS }, (_, i) => STATUSES[i % STATUSES.length]).filter((s) => s === 'active').length;

const BAD_FILE = rollFile({ bad: true });
const GOOD_FILE = rollFile({ bad: false });

// ---------------------------------------------------------------------------------------------
// Server and browser: one server for the file.

const app = useServerAndBrowser('server-roll.log');

// ---------------------------------------------------------------------------------------------
// Helpers

const rollForm = (page) => page.locator(`main form[method="post"][action="${ROLL_PAGE}"]`);
const summary = async (page) => squash(await page.locator('main div.alert').innerText());
const problemsTable = (page) => page.locator('main table').filter({ has: page.locator('caption', { hasText: /^Problems found/ }) });

function problemRows(page) {
  return problemsTable(page).locator('tbody tr').evaluateAll(
    (rows) => rows.map((tr) => Array.from(tr.cells, (td) => td.innerText.trim())));
}

async function memberCount(page) {
  const text = squash(await page.locator('main').innerText());
  const m = /Active members on the roll: ([\d,]+)/.exec(text);
  assert.ok(m, `no "Active members on the roll" on ${page.url()}: ${text.slice(0, 300)}`);
  return Number(m[1].replace(/,/g, ''));
}

// Chooses `file` in the form, sets the dry-run box, submits; returns the POST's response.
async function upload(page, file, { dryRun }) {
  const form = rollForm(page);
  assert.equal(await form.count(), 1, `no roll import form on ${page.url()}`);
  assert.equal(await form.getAttribute('enctype'), 'multipart/form-data', 'the form encoding');
  await form.locator('input#file[type="file"]').setInputFiles({ name: 'paris-roll.csv', mimeType: 'text/csv', buffer: file });
  const box = form.locator('input#dry_run[type="checkbox"]');
  assert.equal(await box.isChecked(), true, 'the dry-run box should be checked by default');
  await box.setChecked(dryRun);
  const started = Date.now();
  const post = await submitAndWait(page, form.locator('button[type="submit"]'), IMPORT_TIMEOUT_MS);
  console.log(`# POST ${ROLL_PAGE} (${file.length} bytes, dry run ${dryRun}): ${post.status()} in ${Date.now() - started} ms`);
  if (dryRun || post.status() !== 303) {
    assert.equal(pathOf(page.url()), ROLL_PAGE, 'the page after the upload');
  } else {
    // A checked file is imported in the background: the answer leads to the import's progress.
    assert.ok(pathOf(page.url()).startsWith(`${ROLL_PAGE}/imports/`), `the page after the import: ${page.url()}`);
  }
  return post;
}

// The roll as CSV, fetched with the cookies of the page's context (as the download link would).
async function downloadRoll(page) {
  const href = await page.locator(`main a[href="${ROLL_CSV}"]`).getAttribute('href');
  assert.equal(href, ROLL_CSV, 'the download link');
  const res = await page.request.get(`${app.baseURL}${href}`, { timeout: 30_000 });
  assert.equal(res.status(), 200, `GET ${ROLL_CSV}`);
  assert.match(res.headers()['content-type'] ?? '', /^text\/csv/, `content type of ${ROLL_CSV}`);
  const text = await res.text();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return { text, lines };
}

async function searchAPI(q) {
  const url = `${app.baseURL}/api/v1/lawyers?q=${encodeURIComponent(q)}&bar=${BAR}`;
  const res = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  const text = await res.text();
  assert.equal(res.status, 200, `GET ${url}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

// ---------------------------------------------------------------------------------------------
// Tests: top-level tests run one after another, in this order.

test('journey 6: the Paris Bar loads a 10,000-row roll: dry run with three bad lines, then the import',
  { timeout: 8 * TEST_TIMEOUT_MS }, async (t) => {
    await app.withContext('en', async (context) => {
      const page = await newPage(context);
      let membersBefore;
      let exportBefore;

      await t.test('the bar admin opens the bar page and follows "Import or export the roll"', async () => {
        await signIn(page, app.baseURL, PARIS_ADMIN);
        const res = await page.goto(`${app.baseURL}${BAR_PAGE}`);
        assert.equal(res.status(), 200, `GET ${BAR_PAGE}`);
        const link = page.locator(`main a[href="${ROLL_PAGE}"]`);
        assert.equal(await link.count(), 1, `links to ${ROLL_PAGE} on ${BAR_PAGE}`);
        assert.equal(squash(await link.innerText()), 'Import or export the roll');
        await Promise.all([page.waitForURL((u) => u.pathname === ROLL_PAGE), link.click()]);
        await page.waitForLoadState('load');
        assert.equal(squash(await page.locator('main h1').innerText()), 'The roll');
        membersBefore = await memberCount(page);
        exportBefore = await downloadRoll(page);
        assert.equal(exportBefore.lines[0], HEADER, 'the header of the export');
        assert.ok(!exportBefore.text.includes(NAME_PREFIX), 'the roll already holds the test names');
      });

      await t.test('the dry run of the file with three bad lines lists exactly those lines', { timeout: IMPORT_TIMEOUT_MS + 30_000 }, async () => {
        const post = await upload(page, BAD_FILE, { dryRun: true });
        assert.equal(post.status(), 422, 'status of a file with problems');
        const table = problemsTable(page);
        assert.equal(await table.count(), 1, 'no table captioned "Problems found"');
        const rows = await problemRows(page);
        await page.screenshot({ path: path.join(OUT, 'roll-problems.png'), fullPage: true });
        const expected = BAD.map((b) => [String(lineOf(b.row)), b.column]);
        assert.deepEqual(rows.map((r) => [r[0], r[1]]), expected,
          `problems listed:\n${rows.map((r) => r.join(' | ')).join('\n')}`);
        for (const r of rows) assert.ok(r[2] && r[2].length > 5, `no reason given for line ${r[0]}: ${JSON.stringify(r)}`);
        assert.match(await summary(page), /^3 problems found\b/, 'the summary');
        assert.equal(await page.locator('main div.alert.alert-error').count(), 1, 'the summary is not an error');
      });

      await t.test('nothing was written by the dry run', async () => {
        assert.equal(await memberCount(page), membersBefore, 'members on the roll after the dry run');
        const exported = await downloadRoll(page);
        assert.ok(!exported.text.includes(NAME_PREFIX), 'the export holds names of the checked file');
        assert.deepEqual(exported.lines, exportBefore.lines, 'the export changed');
        const found = await searchAPI(nameOf(SOUGHT).toLowerCase());
        assert.ok(!found.items.some((it) => it.display_name.startsWith(NAME_PREFIX)),
          `the search finds names of the checked file: ${JSON.stringify(found.items.slice(0, 3))}`);
      });

      await t.test('axe-core: the roll page with the problem report', async () => {
        await assertNoAxeViolations(page, `${ROLL_PAGE} with the problem report`);
      });

      await t.test('the corrected file passes the dry run: 10,000 new rows, nothing written', { timeout: IMPORT_TIMEOUT_MS + 30_000 }, async () => {
        const post = await upload(page, GOOD_FILE, { dryRun: true });
        assert.equal(post.status(), 200, 'status of a good file');
        assert.equal(await problemsTable(page).count(), 0, 'a problem table for a good file');
        assert.equal(await summary(page), 'Rows: 10,000 — new: 10,000, updated: 0. Dry run: nothing was written.');
        assert.equal(await memberCount(page), membersBefore, 'members on the roll after the dry run');
        assert.ok(!(await downloadRoll(page)).text.includes(NAME_PREFIX), 'the dry run wrote to the roll');
      });

      await t.test('the corrected file with the dry-run box unchecked is imported', { timeout: IMPORT_TIMEOUT_MS + 30_000 }, async () => {
        const post = await upload(page, GOOD_FILE, { dryRun: false });
        assert.equal(post.status(), 303, 'status of the import: it goes on in the background');
        // The progress bar, then (htmx polling the status) the summary once the import is done.
        const bar = page.locator('main progress#import-progress');
        assert.equal(await bar.count(), 1, 'no progress bar on the import page');
        assert.equal(await page.locator('main label[for="import-progress"]').count(), 1, 'the progress bar has no label');
        await page.locator('main #import-status div.alert.alert-success').waitFor({ timeout: IMPORT_TIMEOUT_MS });
        assert.equal(await bar.getAttribute('value'), String(ROWS), 'the bar is full once the import is done');
        assert.equal(await bar.getAttribute('max'), String(ROWS), 'the bar counts the rows');
        await page.screenshot({ path: path.join(OUT, 'roll-imported.png'), fullPage: true });
        assert.equal(await summary(page), 'Rows: 10,000 — new: 10,000, updated: 0. The roll has been imported.');
        await assertNoAxeViolations(page, 'the import progress page');
        await Promise.all([page.waitForURL((u) => u.pathname === ROLL_PAGE),
          page.locator('main #import-status a', { hasText: 'Back to the roll' }).click()]);
        await page.waitForLoadState('load');
        assert.equal(await memberCount(page), membersBefore + ACTIVE_ROWS, 'active members on the roll after the import');
      });

      await t.test(`"${nameOf(SOUGHT)}" is found at once through /api/v1/lawyers`, async () => {
        const found = await searchAPI(nameOf(SOUGHT).toLowerCase());
        assert.ok(found.items.length > 0, 'no result');
        assert.equal(found.items[0].display_name, nameOf(SOUGHT),
          `first result (first five: ${JSON.stringify(found.items.slice(0, 5).map((it) => it.display_name))}, total ${found.total})`);
      });

      await t.test(`"${nameOf(SOUGHT)}" is found through /lawyers, and the profile names the Paris Bar`, async () => {
        const q = nameOf(SOUGHT).toLowerCase();
        const res = await page.goto(`${app.baseURL}/lawyers?q=${encodeURIComponent(q)}`);
        assert.equal(res.status(), 200);
        const names = await page.locator('#lawyer-results ol.results > li.result a.result-name').allInnerTexts();
        assert.ok(names.length > 0, `no result on /lawyers?q=${q}`);
        assert.equal(squash(names[0]), nameOf(SOUGHT), `first result (first five: ${JSON.stringify(names.slice(0, 5))})`);
        const link = page.locator('#lawyer-results li.result').first().locator('a.result-name');
        await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/people/')), link.click()]);
        await page.waitForLoadState('load');
        assert.equal(squash(await page.locator('main h1').innerText()), nameOf(SOUGHT));
        const rolls = page.locator('main section[aria-labelledby="rolls-heading"]');
        assert.ok(await rolls.locator(`a[href="${BAR_PAGE}"]`).count() > 0,
          `the rolls section does not name the Paris Bar: ${squash(await rolls.innerText().catch(() => ''))}`);
        assert.ok(squash(await rolls.innerText()).includes(rollNumberOf(SOUGHT)), 'the roll number is not shown');
      });

      await t.test('the CSV export holds the header and the 10,000 rows', async () => {
        const res = await page.goto(`${app.baseURL}${ROLL_PAGE}`);
        assert.equal(res.status(), 200);
        const { lines } = await downloadRoll(page);
        assert.equal(lines[0], HEADER, 'the header of the export');
        assert.equal(lines.length, exportBefore.lines.length + ROWS, 'lines of the export');
        assert.equal(lines.length, 1 + ROWS, 'lines of the export (header + rows)');
        const imported = new Set(GOOD_FILE.toString('utf8').split('\r\n').slice(1, -1));
        const exported = lines.slice(1).filter((l) => l.includes(NAME_PREFIX));
        assert.equal(exported.length, ROWS, 'exported rows with the test names');
        const differ = exported.filter((l) => !imported.has(l));
        assert.deepEqual(differ.slice(0, 5), [], `${differ.length} exported row(s) differ from the imported ones`);
      });
    });
  });

test('the roll is for its bar admins: a member and another bar\'s admin get 403, a visitor signs in',
  { timeout: 2 * TEST_TIMEOUT_MS }, async (t) => {
    for (const [who, email, status] of [['a Paris Bar member', PARIS_MEMBER, 403], ["the Almaty City Bar's admin", ALMATY_ADMIN, 403]]) {
      await t.test(`${who} gets ${status}`, async () => {
        await app.withContext('en', async (context) => {
          const page = await newPage(context);
          await signIn(page, app.baseURL, email);
          const res = await page.goto(`${app.baseURL}${ROLL_PAGE}`);
          assert.equal(res.status(), status, `GET ${ROLL_PAGE} as ${email} (ended on ${page.url()})`);
          assert.equal(await rollForm(page).count(), 0, 'the import form is shown');
          const csv = await page.request.get(`${app.baseURL}${ROLL_CSV}`, { timeout: FETCH_TIMEOUT_MS, maxRedirects: 0 });
          assert.equal(csv.status(), status, `GET ${ROLL_CSV} as ${email}`);
          assert.ok(!(await csv.text()).includes(NAME_PREFIX), `${ROLL_CSV} leaks the roll to ${email}`);
          const org = await page.goto(`${app.baseURL}${BAR_PAGE}`);
          assert.equal(org.status(), 200);
          assert.equal(await page.locator(`main a[href="${ROLL_PAGE}"]`).count(), 0, `${email} sees the roll link`);
        });
      });
    }

    await t.test('a visitor is sent to sign in', async () => {
      await app.withContext('en', async (context) => {
        const page = await newPage(context);
        await page.goto(`${app.baseURL}${ROLL_PAGE}`);
        assert.equal(pathOf(page.url()), '/sign-in', `GET ${ROLL_PAGE} without a session ended on ${page.url()}`);
        const csv = await page.request.get(`${app.baseURL}${ROLL_CSV}`, { timeout: FETCH_TIMEOUT_MS, maxRedirects: 0 });
        assert.ok([302, 303, 401].includes(csv.status()), `GET ${ROLL_CSV} without a session: ${csv.status()}`);
        assert.ok(!(await csv.text()).includes(NAME_PREFIX), `${ROLL_CSV} leaks the roll to a visitor`);
      });
    });
  });

test('SIGTERM stops the server with exit code 0', { timeout: STOP_TIMEOUT_MS + 10_000 },
  () => assertExitsCleanly(app.server));
