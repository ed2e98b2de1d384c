// Browser tests of the training module on the demo data:
//   - the Almaty City Bar's coordinator, in Russian, opens /training and sees the two courses of
//     the story; publishes a seminar of the Almaty City Bar's Training Center through the form
//     (a Russian title, 3 hours, the topic ethics, accredited in KZ): a first submission with
//     hours "-1" is refused with the field's error in Russian and keeps what was typed; then, on
//     the course's page, records the attendance of Daniyar Kanafin (2.5 hours, typed "2,5"),
//     sees it listed as "2,5 ч" (and as "2,5 h" in French), and is refused more hours than the
//     course lasted;
//   - a member of the Paris Bar sees the course, in the list and on its page, but no attendance
//     section, no attendance form and no edit link; the attendance is not theirs to read;
//   - an anonymous visitor sees the courses but no "Publish a course" button;
//   - axe-core on the list, the form with its errors, and the course's page.
//
// Run from this folder:  npm ci && node --test training.test.mjs
// Environment: see support.mjs (ENTENTE_BIN, ENTENTE_E2E_OUT).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import {
  DEMO, OUT, TEST_TIMEOUT_MS, assertNoAxeViolations, htmlLang, newPage, pathOf, section, sectionText, squash,
  submitAndWait, useServerAndBrowser,
} from './support.mjs';

// The two courses of data/demo/training/courses.json.
const DEMO_COURSES = [
  '/training/platform-round-tables-almaty-city-bar',
  '/training/rentree-du-barreau-de-paris-2014-round-tables',
];
const TRAINING_CENTER = 'almaty-city-bar-training-center';
// The course the coordinator publishes; the tests below it read it.
const COURSE = {
  slug: 'advokatskaya-etika-2015',
  title: 'Профессиональная этика адвоката: семинар Учебного центра',
  href: '/training/advokatskaya-etika-2015',
};

const app = useServerAndBrowser('server-training.log');

async function open(page, pathAndQuery, status = 200) {
  const res = await page.goto(`${app.baseURL}${pathAndQuery}`);
  assert.ok(res, `no response for ${pathAndQuery}`);
  assert.equal(res.status(), status, `GET ${pathAndQuery}`);
  return res;
}

// The hrefs of the course cards of /training, in order.
const courseLinks = (page) => page.locator('main ul.courses h2.card-title a').evaluateAll(
  (links) => links.map((a) => a.getAttribute('href')));

// The field error shown under the form field `id`.
const fieldError = (page, id) => page.locator(`main .field:has(#${id}) .field-error`);

test('the Almaty coordinator publishes a course (refused once) and records an attendance, in Russian',
  { timeout: TEST_TIMEOUT_MS * 2 }, async () => {
    const { context, page } = await app.signedInContext(DEMO('almaty.coordinator'), 'ru');
    try {
      // The list: the two courses of the story, and the button to publish one.
      await open(page, '/training');
      assert.equal(await htmlLang(page), 'ru');
      assert.equal(squash(await page.locator('main h1').innerText()), 'Обучение');
      assert.deepEqual((await courseLinks(page)).sort(), [...DEMO_COURSES].sort());
      assert.equal(squash(await page.locator('main [role="status"]').innerText()), 'Найдено курсов: 2');
      const publish = page.locator('main a.button[href="/training/new"]');
      assert.equal(squash(await publish.innerText()), 'Опубликовать курс');
      await assertNoAxeViolations(page, 'the list of courses (ru)');

      // The form, through the button.
      await Promise.all([page.waitForURL(`${app.baseURL}/training/new`), publish.click()]);
      assert.equal(squash(await page.locator('main h1').innerText()), 'Опубликовать курс');
      await page.locator('#slug').fill(COURSE.slug);
      await page.locator('#provider').selectOption(TRAINING_CENTER);
      await page.locator('#kind').selectOption('seminar');
      await page.locator('#format').selectOption('in_person');
      await page.locator('#language').selectOption('ru');
      await page.locator('#title').fill(COURSE.title);
      await page.locator('#description').fill('Семинар о правилах профессиональной этики для членов коллегии.');
      await page.locator('#starts_on').fill('2015-03-12');
      await page.locator('#nominal_hours').fill('-1');
      await page.locator('input[name="topic_ethics"]').check();
      await page.locator('#accreditation_1_jurisdiction').fill('KZ');
      await page.locator('#accreditation_1_reference').fill('№ 12');

      // Refused: the hours' error in Russian beside the field, and everything typed kept.
      const save = page.locator('main form.course-form button[type="submit"]');
      let post = await submitAndWait(page, save);
      assert.equal(post.status(), 422, 'hours "-1" are refused');
      assert.equal(pathOf(page.url()), '/training');
      assert.equal(await htmlLang(page), 'ru');
      assert.equal(squash(await page.locator('main [role="alert"]').innerText()), 'Пожалуйста, исправьте указанные ниже поля.');
      assert.equal(squash(await fieldError(page, 'nominal_hours').innerText()),
        'Укажите часы числом, например 3 или 1,5 (больше 0, не более 1 000).');
      assert.equal(await page.locator('main .field-error').count(), 1, 'only the hours are wrong');
      assert.equal(await page.locator('#slug').inputValue(), COURSE.slug);
      assert.equal(await page.locator('#provider').inputValue(), TRAINING_CENTER);
      assert.equal(await page.locator('#kind').inputValue(), 'seminar');
      assert.equal(await page.locator('#language').inputValue(), 'ru');
      assert.equal(await page.locator('#title').inputValue(), COURSE.title);
      assert.equal(await page.locator('#starts_on').inputValue(), '2015-03-12');
      assert.equal(await page.locator('#nominal_hours').inputValue(), '-1');
      assert.ok(await page.locator('input[name="topic_ethics"]').isChecked(), 'the topic stays checked');
      assert.equal(await page.locator('#accreditation_1_jurisdiction').inputValue(), 'KZ');
      assert.equal(await page.locator('#accreditation_1_reference').inputValue(), '№ 12');
      await assertNoAxeViolations(page, 'the course form with its errors (ru)');
      await page.screenshot({ path: path.join(OUT, 'training-form-errors-ru.png'), fullPage: true });

      // Saved with 3 hours: the course's page.
      await page.locator('#nominal_hours').fill('3');
      post = await submitAndWait(page, save);
      assert.equal(post.status(), 303);
      assert.equal(pathOf(page.url()), COURSE.href);
      assert.equal(squash(await page.locator('main h1').innerText()), COURSE.title);
      assert.equal(await page.locator('main h1').getAttribute('lang'), null, 'a Russian title on a Russian page');
      assert.equal(squash(await page.locator('main .alert-success').innerText()), 'Изменения сохранены.');
      const facts = await sectionText(page, 'facts-heading');
      for (const expected of ['Учебный центр Алматинской городской коллегии адвокатов', 'Семинар · Очно · Русский · 3 ч',
        '12 марта 2015 г.', 'Профессиональная этика']) {
        assert.ok(facts.includes(expected), `"${expected}" in: ${facts}`);
      }
      const accreditations = await sectionText(page, 'accreditations-heading');
      assert.match(accreditations, /KZ · Номер: № 12/, `the accreditation: ${accreditations}`);

      // The attendance, for the training centre's coordinator: none yet.
      const attendance = section(page, 'attendance-heading');
      assert.match(await sectionText(page, 'attendance-heading'), /Участие пока не отмечено\./);
      const record = attendance.locator('form[action$="/attendance"] button[type="submit"]');

      // Daniyar Kanafin, 2.5 hours typed with a decimal comma.
      await attendance.locator('#person').fill('daniyar-kanafin');
      await attendance.locator('#role').selectOption('attendee');
      await attendance.locator('#hours').fill('2,5');
      post = await submitAndWait(page, record);
      assert.equal(post.status(), 303);
      assert.equal(pathOf(page.url()), COURSE.href);
      const rows = attendance.locator('tbody tr');
      assert.equal(await rows.count(), 1);
      const cells = (await rows.first().locator('td').allInnerTexts()).map(squash);
      assert.equal(cells[1], 'Слушатель');
      assert.equal(cells[2], '2,5 ч', `the hours in Russian: ${cells}`);
      assert.equal(await rows.first().locator('a').getAttribute('href'), '/people/daniyar-kanafin');
      assert.doesNotMatch(await sectionText(page, 'attendance-heading'), /Участие пока не отмечено/);
      await assertNoAxeViolations(page, 'the course page with its attendance (ru)');
      await page.screenshot({ path: path.join(OUT, 'training-course-ru.png'), fullPage: true });

      // More hours than the course lasted: refused beside the field, in Russian, typed text kept.
      await attendance.locator('#person').fill('daniyar-kanafin');
      await attendance.locator('#role').selectOption('teacher');
      await attendance.locator('#hours').fill('4');
      post = await submitAndWait(page, record);
      assert.equal(post.status(), 422);
      assert.equal(squash(await fieldError(page, 'hours').innerText()), 'Часов не может быть больше, чем длился курс.');
      assert.equal(await attendance.locator('#hours').inputValue(), '4');
      assert.equal(await attendance.locator('#role').inputValue(), 'teacher');
      assert.equal(await attendance.locator('tbody tr').count(), 1, 'nothing was recorded');

      // In French, the same attendance reads "2,5 h" (from the course's page: the refused form's
      // page is the POST's address, which has no GET).
      await open(page, COURSE.href);
      await Promise.all([page.waitForURL(`${app.baseURL}${COURSE.href}`),
        page.locator('nav.languages a[hreflang="fr"]').click()]);
      assert.equal(await htmlLang(page), 'fr');
      assert.equal(await page.locator('main h1').getAttribute('lang'), 'ru', 'the Russian title is marked on a French page');
      const frCells = (await section(page, 'attendance-heading').locator('tbody tr td').allInnerTexts()).map(squash);
      assert.deepEqual(frCells.slice(1), ['Participant', '2,5 h']);
      assert.match(await sectionText(page, 'facts-heading'), /Séminaire · En présentiel · Русский · 3 h/);
    } finally {
      await context.close();
    }
  });

test('a member of the Paris Bar sees the course but not its attendance', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { context, page } = await app.signedInContext(DEMO('paris.member'), 'fr');
  try {
    await open(page, '/training');
    assert.ok((await courseLinks(page)).includes(COURSE.href), 'the published course is listed');
    assert.equal(await page.locator('main a[href="/training/new"]').count(), 0, 'a member publishes no course');

    await open(page, COURSE.href);
    assert.equal(await htmlLang(page), 'fr');
    assert.equal(squash(await page.locator('main h1').innerText()), COURSE.title);
    assert.match(await sectionText(page, 'facts-heading'), /Séminaire · En présentiel · Русский · 3 h/);
    assert.equal(await page.locator('#attendance').count(), 0, 'no attendance section');
    assert.equal(await section(page, 'attendance-heading').count(), 0, 'no attendance section');
    assert.equal(await page.locator('main form[action$="/attendance"]').count(), 0, 'no attendance form');
    assert.equal(await page.locator(`main a[href="${COURSE.href}/edit"]`).count(), 0, 'no edit link');
    assert.doesNotMatch(squash(await page.locator('main').innerText()), /Daniyar Kanafin|Данияр Канафин/);
    await assertNoAxeViolations(page, 'the course page for a member (fr)');

    // Nor through the JSON API.
    const course = (await (await page.request.get(`${app.baseURL}/api/v1/courses?per_page=200`)).json())
      .items.find((item) => item.slug === COURSE.slug);
    assert.ok(course, 'the course in the JSON list');
    const res = await page.request.get(`${app.baseURL}/api/v1/courses/${course.id}/attendance`);
    assert.equal(res.status(), 403);
  } finally {
    await context.close();
  }
});

test('an anonymous visitor sees the courses but no button to publish one', { timeout: TEST_TIMEOUT_MS }, async () => {
  await app.withContext('en', async (context) => {
    const page = await newPage(context);
    await open(page, '/training');
    assert.equal(await htmlLang(page), 'en');
    const links = await courseLinks(page);
    for (const href of [...DEMO_COURSES, COURSE.href]) assert.ok(links.includes(href), `${href} in ${links}`);
    assert.equal(await page.locator('main a[href="/training/new"]').count(), 0, 'no "Publish a course" button');
    assert.doesNotMatch(squash(await page.locator('main').innerText()), /Publish a course/);
    assert.equal(await page.locator('main a[href="/training/mine"]').count(), 0, 'no "Your training" link');
    await assertNoAxeViolations(page, 'the list of courses (en, anonymous)');

    await open(page, COURSE.href);
    assert.equal(await page.locator('main h1').getAttribute('lang'), 'ru');
    assert.equal(await page.locator('#attendance').count(), 0, 'no attendance section');

    // The form is for signed-in users: the sign-in page, which leads back to it.
    await open(page, '/training/new');
    assert.equal(pathOf(page.url()), '/sign-in');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/training/new');
  });
});
