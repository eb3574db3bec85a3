// Real-browser test of the page `qbank serve` shows at /.
//
//   npm ci --prefix tests/serve
//   QBANK_URL=http://127.0.0.1:PORT [QBANK_SCREENSHOTS=DIR] [CHROMIUM=/usr/bin/chromium] \
//       node tests/serve/browser_test.mjs
//
// The index behind QBANK_URL must hold questions about "event delegation" and
// one titled `Tell me about a time you <script>alert(1)</script> failed` with
// sample answers for two levels or more and the tag `<img src=x onerror=alert(1)>`.

import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {chromium} from 'playwright-core';

const BASE = (process.env.QBANK_URL || '').replace(/\/+$/, '');
const SHOTS = process.env.QBANK_SCREENSHOTS || '';
const HOSTILE_TITLE = 'Tell me about a time you <script>alert(1)</script> failed';
const HOSTILE_TAG = '<img src=x onerror=alert(1)>';
const TIMEOUT_MS = 10_000;
const WATCHDOG_MS = 90_000;

if (!BASE) {
    console.error('FAIL: set QBANK_URL to the server, e.g. QBANK_URL=http://127.0.0.1:8080');
    process.exit(2);
}

class CheckFailed extends Error {}

function expect(condition, message) {
    if (!condition) throw new CheckFailed(message);
}

// Console errors, uncaught exceptions, failed API calls and dialogs are
// collected as they happen and fail the check that was running.
const problems = [];

function watch(page) {
    page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught page error: ${err.message}`));
    page.on('dialog', (dialog) => {
        problems.push(`a ${dialog.type()} dialog fired: ${JSON.stringify(dialog.message())}`);
        dialog.dismiss().catch(() => {});
    });
    page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
    });
}

const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);

// Turns a Playwright timeout into a failure that says what did not happen.
async function within(promise, message) {
    try {
        return await promise;
    } catch (err) {
        if (err.name === 'TimeoutError') throw new CheckFailed(`${message} (waited ${TIMEOUT_MS / 1000} s)`);
        throw err;
    }
}

async function resultsSettled(page) {
    await within(page.waitForFunction(() => !document.getElementById('results-view').hasAttribute('aria-busy')),
        'the search never finished');
}

async function countShown(page) {
    const text = await byTestId(page, 'result-count').textContent();
    const match = /^([\d,.\s]+) questions?$/.exec(text.trim());
    expect(match, `result count reads ${JSON.stringify(text)}, not "N questions"`);
    return Number(match[1].replace(/\D/g, ''));
}

// Types like a person, then waits until the URL and the results follow.
async function searchFor(page, text) {
    const input = byTestId(page, 'search-input');
    await input.fill('');
    await input.pressSequentially(text, {delay: 25});
    await within(page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, text),
        `typing ${JSON.stringify(text)} did not put it in the URL`);
    await resultsSettled(page);
}

function params(page) {
    return new URL(page.url()).searchParams;
}

async function questionShown(page, title) {
    await within(byTestId(page, 'question-view').waitFor({state: 'visible'}), 'the question view did not open');
    try {
        await page.waitForFunction(
            (t) => document.querySelector('[data-testid="question-title"]')?.textContent === t, title);
    } catch (err) {
        if (err.name !== 'TimeoutError') throw err;
        const shown = await byTestId(page, 'question-title').allTextContents();
        throw new CheckFailed(`the question title reads ${JSON.stringify(shown)}, not ${JSON.stringify(title)}`);
    }
}

async function openQuestionNamed(page, title) {
    const link = byTestId(page, 'hit-title').filter({hasText: title}).first();
    await within(link.waitFor(), `no hit is titled ${JSON.stringify(title)}`);
    await link.click();
    await questionShown(page, title);
}

const checks = [
    ['page loads with no console error, page error or dialog', async ({page}) => {
        await page.goto(`${BASE}/`, {waitUntil: 'load'});
        await resultsSettled(page);
        const shown = await countShown(page);
        expect(shown > 0, 'the start page shows no questions (an empty query should match all)');
        expect(await byTestId(page, 'search-input').isVisible(), 'no search box');
    }],

    ['typing "event delegation" shows matching hits with <mark> highlights', async ({page}) => {
        await searchFor(page, 'event delegation');
        const titles = await byTestId(page, 'hit-title').allTextContents();
        expect(titles.length > 0, 'no hits for "event delegation"');
        expect(titles.some((t) => /delegation/i.test(t)),
            `no hit title holds "delegation": ${JSON.stringify(titles)}`);
        const marks = await page.locator('[data-testid="hit-excerpt"] mark').allTextContents();
        expect(marks.some((m) => /event|delegat/i.test(m)),
            `no excerpt highlights the words: marks = ${JSON.stringify(marks)}`);
        if (SHOTS) await page.screenshot({path: join(SHOTS, 'search.png')});
    }],

    ['ticking a facet option narrows the results and lands in the URL', async ({page}) => {
        const before = await countShown(page);
        let option = byTestId(page, 'facet-level').locator('[data-testid="facet-option"]').first();
        if (!(await option.count())) {
            option = byTestId(page, 'facet-lang').locator('[data-testid="facet-option"]').first();
        }
        expect(await option.count(), 'neither a level nor a lang facet option is shown');
        const box = option.locator('input[type="checkbox"]');
        const filter = await box.getAttribute('data-filter');
        const optionCount = Number((await option.locator('.facet-count').textContent()).replace(/\D/g, ''));
        await box.check();
        expect(params(page).getAll('filter').includes(filter), `URL ${page.url()} lacks filter=${filter}`);
        await resultsSettled(page);
        const after = await countShown(page);
        expect(after === optionCount, `with ${filter} ticked the count is ${after}, not the option's ${optionCount}`);
        expect(await box.isChecked(), 'the ticked option is not shown ticked after the search');

        await box.uncheck();
        expect(!params(page).getAll('filter').includes(filter), 'unticking left the filter in the URL');
        await resultsSettled(page);
        expect(await countShown(page) === before, 'unticking did not restore the count');
    }],

    ['opening a hit shows the question, its sections and related questions; Back returns', async ({page}) => {
        const link = byTestId(page, 'hit-title').first();
        const title = await link.textContent();
        await link.click();
        await questionShown(page, title);
        expect(params(page).get('id'), `the URL ${page.url()} does not name the open question`);
        expect(await byTestId(page, 'section').count() > 0, `question "${title}" shows no sections`);
        await within(byTestId(page, 'related-hit').first().waitFor(), 'no related question is listed');
        expect(!(await byTestId(page, 'hit').first().isVisible()), 'the results stay visible over the question');

        await page.goBack();
        await within(byTestId(page, 'question-view').waitFor({state: 'hidden'}), 'Back left the question open');
        expect(await link.isVisible(), 'Back did not bring the results back');
        expect(params(page).get('q') === 'event delegation', 'Back lost the query');
    }],

    ['content is shown as text: script title, img tag, level tabs by click and ArrowRight', async ({page}) => {
        await searchFor(page, 'failed');
        await openQuestionNamed(page, HOSTILE_TITLE);
        const injected = await page.evaluate(() => document.querySelectorAll('main img, main script').length);
        expect(injected === 0, `${injected} img/script element(s) made from content are in the page`);
        const tagShown = await page.evaluate((tag) => [...document.querySelectorAll('#question-view *')]
            .some((node) => node.children.length === 0 && node.textContent === tag), HOSTILE_TAG);
        expect(tagShown, `the tag ${HOSTILE_TAG} is not shown as literal text`);

        const tabs = byTestId(page, 'level-tab');
        expect(await tabs.count() >= 2, `expected a level tab per sample answer level, found ${await tabs.count()}`);
        const panelOf = async (tab) => page.locator(`#${await tab.getAttribute('aria-controls')}`);
        const expectSelected = async (index, how) => {
            const tab = tabs.nth(index);
            expect(await tab.getAttribute('aria-selected') === 'true', `${how}: tab ${index} is not selected`);
            expect(await (await panelOf(tab)).isVisible(), `${how}: tab ${index}'s panel is hidden`);
            for (let i = 0; i < await tabs.count(); i++) {
                if (i !== index) {
                    expect(!(await (await panelOf(tabs.nth(i))).isVisible()), `${how}: panel ${i} is still shown`);
                }
            }
        };
        await tabs.nth(1).click();
        await expectSelected(1, 'click on the second tab');
        await tabs.nth(0).click();
        await expectSelected(0, 'click on the first tab');
        await page.keyboard.press('ArrowRight');
        await expectSelected(1, 'ArrowRight from the first tab');
        expect(await tabs.nth(1).evaluate((node) => node === document.activeElement),
            'ArrowRight did not move focus to the next tab');
        if (SHOTS) await page.screenshot({path: join(SHOTS, 'question.png')});

        await byTestId(page, 'back').click();
        await within(byTestId(page, 'question-view').waitFor({state: 'hidden'}),
            'the back button left the question open');
        const hitTag = await page.evaluate((tag) => [...document.querySelectorAll('[data-testid="hit"] *')]
            .some((node) => node.children.length === 0 && node.textContent === tag), HOSTILE_TAG);
        expect(hitTag, `the hit does not show the tag ${HOSTILE_TAG} as text`);
        expect(await page.evaluate(() => document.querySelectorAll('main img, main script').length) === 0,
            'an img/script element from content is in the results');
    }],

    ['keyboard: Enter opens a hit, Escape returns to results, "/" focuses the search box', async ({page}) => {
        const link = byTestId(page, 'hit-title').first();
        const title = await link.textContent();
        await link.focus();
        await page.keyboard.press('Enter');
        await questionShown(page, title);
        await page.keyboard.press('Escape');
        await within(byTestId(page, 'question-view').waitFor({state: 'hidden'}), 'Escape left the question open');
        expect(!params(page).get('id'), 'Escape left the question id in the URL');
        expect(await link.isVisible(), 'Escape did not show the results');

        const input = byTestId(page, 'search-input');
        const before = await input.inputValue();
        await page.evaluate(() => document.activeElement && document.activeElement.blur());
        await page.keyboard.press('/');
        expect(await input.evaluate((node) => node === document.activeElement), '"/" did not focus the search box');
        expect(await input.inputValue() === before, '"/" was typed into the search box');
    }],

    ['a 375 px phone viewport has no horizontal scroll; the URL reproduces the view', async ({browser}) => {
        const context = await browser.newContext({viewport: {width: 375, height: 740}, isMobile: true});
        const page = await context.newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        watch(page);
        const overflow = () => page.evaluate(() => document.scrollingElement.scrollWidth);
        await page.goto(`${BASE}/?q=${encodeURIComponent('event delegation')}`);
        await within(byTestId(page, 'hit').first().waitFor(), 'a link with ?q= shows no hits');
        expect(await byTestId(page, 'search-input').inputValue() === 'event delegation',
            'the query from the URL is not in the search box');
        let width = await overflow();
        expect(width <= 376, `the results are ${width} px wide at 375 px`);
        expect(!(await page.locator('#facets').isVisible()), 'the facets are not folded away on a phone');

        await page.goto(`${BASE}/?q=failed`);
        await openQuestionNamed(page, HOSTILE_TITLE);
        width = await overflow();
        expect(width <= 376, `the question view is ${width} px wide at 375 px`);
        await context.close();
    }],
];

async function main() {
    if (SHOTS) mkdirSync(SHOTS, {recursive: true});
    const watchdog = setTimeout(() => {
        console.error(`FAIL: the browser test took longer than ${WATCHDOG_MS / 1000} s`);
        process.exit(1);
    }, WATCHDOG_MS);
    const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
        args: ['--no-sandbox'],
    });
    let passed = 0;
    try {
        const context = await browser.newContext({viewport: {width: 1280, height: 800}});
        const page = await context.newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        watch(page);
        for (const [name, run] of checks) {
            try {
                await run({page, browser});
                expect(problems.length === 0, problems.join('; '));
            } catch (err) {
                const why = err instanceof CheckFailed ? err.message : err.stack || String(err);
                console.error(`FAIL: ${name}\n  ${why}`);
                console.log(`${passed} passed, 1 failed`);
                process.exitCode = 1;
                return;
            }
            passed += 1;
            console.log(`ok ${passed} - ${name}`);
        }
        console.log(`${passed} passed, 0 failed`);
    } finally {
        clearTimeout(watchdog);
        await browser.close();
    }
}

main().catch((err) => {
    console.error(`FAIL: ${err.stack || err}`);
    process.exitCode = 1;
});
