// Opens DelegateBot's chat page in Debian's Chromium (driven by Playwright), asks a question with the keyboard,
// waits for the bot's Adaptive Card answer and takes a screenshot.
//
//   node webchat-page.js <page-url> <question> <screenshot.png> [expected text in the card ...]
//
// Prints one JSON object: what the page looks like to a test (title, lang, heading, accessible names), the answer
// card's text, the transcript, and any console errors or CSP violations. Exits 1 with {"error"} on failure.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [pageUrl, question, screenshotPath, ...expected] = process.argv.slice(2);
if (!pageUrl || !question || !screenshotPath) {
  console.error('usage: node webchat-page.js <page-url> <question> <screenshot.png> [expected text ...]');
  process.exit(2);
}

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

async function main() {
  // A fresh profile each run: no cache, cookies or service workers from earlier runs.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'delegatebot-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1000, height: 760 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
  const consoleErrors = [];
  const cspViolations = [];
  let page;
  try {
    page = context.pages()[0] || await context.newPage();
    page.on('console', message => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', error => consoleErrors.push(String(error)));
    // The page reports each blocked load; collect them before any script of the page runs.
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', e =>
        window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber || ''})`));
    });

    await page.goto(pageUrl, { waitUntil: 'load' });
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.waitFor({ state: 'visible', timeout: 30000 });

    // Keyboard only, as a screen-reader or keyboard user would: focus the send box, type, press Enter.
    await input.focus();
    await page.keyboard.type(question);
    await page.keyboard.press('Enter');
    // On a loaded machine Web Chat can still be wiring its send box when Enter arrives, leaving the text unsent:
    // wait for the user's bubble and press Enter again (keyboard only) if it has not appeared.
    const sent = page.locator('.webchat__bubble--from-user').last();
    for (let attempt = 0; attempt < 3; attempt++) {
      try { await sent.waitFor({ state: 'visible', timeout: 8000 }); break; } catch {
        await input.focus();
        await page.keyboard.press('Enter');
      }
    }

    const card = page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .ac-adaptiveCard').last();
    await card.waitFor({ state: 'visible', timeout: 45000 });
    if (expected.length) {
      await page.waitForFunction(
        texts => {
          const cards = document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .ac-adaptiveCard');
          const text = cards.length ? cards[cards.length - 1].innerText : '';
          return texts.every(t => text.includes(t));
        }, expected, { timeout: 45000 }).catch(() => {});
    }
    // Let the card settle (images, layout) before the picture.
    await page.waitForTimeout(500);
    fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath, fullPage: false });

    const facts = await page.evaluate(() => {
      const sendBox = document.querySelector('[data-id="webchat-sendbox-input"]');
      const transcript = document.querySelector('.webchat__basic-transcript, [role="log"]');
      return {
        title: document.title,
        lang: document.documentElement.lang,
        h1: document.querySelector('h1') && document.querySelector('h1').innerText,
        sendBoxLabel: sendBox && (sendBox.getAttribute('aria-label') || (sendBox.labels && sendBox.labels[0] && sendBox.labels[0].innerText)),
        transcriptLabel: transcript && (transcript.getAttribute('aria-label') || transcript.getAttribute('role')),
        userMessages: Array.from(document.querySelectorAll('.webchat__bubble--from-user')).map(b => b.innerText.trim()),
        botMessages: Array.from(document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)')).map(b => b.innerText.trim()),
        sendFailed: !!document.querySelector('.webchat__activity-status--send-failed, .webchat__activity-status__send-failed-retry'),
        cspViolations: window.__cspViolations
      };
    });
    cspViolations.push(...facts.cspViolations);
    delete facts.cspViolations;
    const cardText = (await card.innerText()).trim();
    console.log(JSON.stringify({ ...facts, cardText, consoleErrors, cspViolations, screenshot: path.resolve(screenshotPath) }));
  } catch (error) {
    // Keep what the page showed, for whoever reads the failure.
    const failure = screenshotPath.replace(/\.png$/, '') + '-failure.png';
    const transcript = page ? await page.evaluate(() => document.body.innerText).catch(() => '') : '';
    if (page) await page.screenshot({ path: failure }).catch(() => {});
    throw new Error(`${error.message}\npage text:\n${transcript}\nconsole errors: ${JSON.stringify(consoleErrors)}\nscreenshot: ${failure}`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.log(JSON.stringify({ error: String((error && error.stack) || error) }));
  process.exit(1);
});
