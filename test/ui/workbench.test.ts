// What a user sees in VS Code with the packaged extension installed: drives code-server's real
// workbench in headless Chromium. Run through scripts/run-ui.mjs (`npm run test:ui`), which installs
// the .vsix, starts code-server and the browser, and passes their addresses in NEWS_UI_*.
import * as assert from 'assert';
import * as path from 'path';
import { chromium, Browser, Page } from 'playwright-core';

// samples/100_...: Mayor Ada Brook's "We are not walking away from this table ... every family on the docks ..."
const article = { file: '100_dc533f7c6c9ce438.txt', wordInQuotation: 'family', speaker: 'Ada Brook' };
const plainFile = 'council-notes.txt';
const modeSelector = '#status\\.editor\\.mode';

suite('VS Code workbench with the packaged extension', function () {
  this.timeout(180_000);
  let browser: Browser;
  let page: Page;
  let shots = 0;
  const screenshot = (name: string) =>
    page.screenshot({ path: path.join(process.env.NEWS_UI_SCREENSHOTS ?? '.', `${++shots}-${name}.png`) });
  /** The editor shows spaces as U+00A0. */
  const editorText = () => page.evaluate(() =>
    (document.querySelector('.monaco-editor .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' '));

  async function quickOpen(fileName: string) {
    await page.keyboard.press('Control+KeyP');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(fileName);
    await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${fileName}"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.tabs-container .tab.active[aria-label*="${fileName}"]`);
  }

  async function languageMode(expected: string) {
    await page.waitForFunction(([selector, mode]) => document.querySelector(selector)?.textContent?.trim() === mode,
      [modeSelector, expected], { timeout: 20_000 }).catch(() => undefined);
    return (await page.textContent(modeSelector))?.trim();
  }

  suiteSetup(async () => {
    const url = process.env.NEWS_UI_URL;
    const browserEndpoint = process.env.NEWS_UI_BROWSER;
    if (!url || !browserEndpoint) throw new Error('run this suite through `node scripts/run-ui.mjs` (npm run test:ui)');
    browser = await chromium.connect(browserEndpoint);
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(url, { timeout: 120_000 });
    await page.waitForSelector('.monaco-workbench .explorer-folders-view', { timeout: 120_000 });
  });

  suiteTeardown(async () => {
    await browser?.close();
  });

  teardown(async function () {
    if (this.currentTest?.state === 'failed') await screenshot('failed').catch(() => undefined);
  });

  test('Quick Open shows a seed-style article in News Article mode', async () => {
    await quickOpen(article.file);
    await page.waitForFunction(speaker => (document.querySelector('.monaco-editor .view-lines')?.textContent ?? '')
      .replace(/\u00a0/g, ' ').includes(speaker), article.speaker);
    assert.strictEqual(await languageMode('News Article'), 'News Article');
    await screenshot('article');
  });

  test("the News activity bar item opens the Speakers view, which lists the article's speakers", async () => {
    await page.click('.activitybar .action-item .action-label[aria-label^="News"]');
    const row = page.locator('.part.sidebar .monaco-list-row', { hasText: article.speaker });
    await row.first().waitFor({ timeout: 20_000 });
    const rows = await page.locator('.part.sidebar .monaco-list-row').allInnerTexts();
    console.log(`      Speakers view: ${rows.map(text => text.replace(/\s+/g, ' ').trim()).join(' | ')}`);
    await screenshot('speakers');
  });

  test('hovering a quotation shows who said it', async () => {
    assert.ok((await editorText()).includes(article.wordInQuotation));
    const word = await page.evaluate(wanted => {
      for (const line of Array.from(document.querySelectorAll('.monaco-editor .view-lines .view-line'))) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf(wanted) ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          const { x, y, width, height } = range.getBoundingClientRect();
          return { x: x + width / 2, y: y + height / 2 };
        }
      }
      return undefined;
    }, article.wordInQuotation);
    assert.ok(word, `"${article.wordInQuotation}" is not on screen`);
    const hover = page.locator('.monaco-hover-content', { hasText: article.speaker });
    // the editor's hover controller reacts to mouse movement: come in from the side, and again if
    // the first pass arrived before the article was analysed
    for (let attempt = 0; attempt < 3 && !(await hover.first().isVisible()); attempt++) {
      await page.mouse.move(word.x - 60, word.y + 40);
      await page.mouse.move(word.x, word.y, { steps: 10 });
      await hover.first().waitFor({ timeout: 8_000 }).catch(() => undefined);
    }
    const shown = await page.locator('.monaco-hover-content').allInnerTexts();
    assert.ok(await hover.first().isVisible(), `no hover naming ${article.speaker}; hovers shown: ${JSON.stringify(shown)}`);
    console.log(`      hover: ${shown.join(' / ').replace(/\s+/g, ' ').slice(0, 200)}`);
    await screenshot('hover');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  });

  test('"News: Open as News Article" from the command palette switches a plain .txt file', async () => {
    await quickOpen(plainFile);
    assert.strictEqual(await languageMode('Plain Text'), 'Plain Text');
    await page.keyboard.press('Control+Shift+KeyP');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('News: Open as News Article');
    await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="Open as News Article"]');
    await page.keyboard.press('Enter');
    assert.strictEqual(await languageMode('News Article'), 'News Article');
    await screenshot('command');
  });
});
