#!/usr/bin/env node
// End-to-end test of the Web Chat page with the real Web Chat bundle in headless Chromium (playwright-core).
// Loads <url>/, waits for Web Chat, sends a message, waits for the bot's answer and its suggested-action buttons,
// clicks one and waits for the answer to it, then reloads the page and checks the conversation is restored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  CheckFailed, Steps, UsageError, baseUrl, bool, finish, list, log, pollUntil, positiveInt, readOptions,
} from './lib/harness.mjs';

const DEFAULT_BUTTONS = 'Reset my password|Unlock my account|Fix a problem|Search help articles|Talk to a person';

const USAGE = `Usage: node webchat.e2e.mjs --url <base URL> [options]

  --url <url>                  Base URL of the running bot (the page is <url>/). Required.
  --artifacts <dir>            Where to save screenshots (failure: webchat-failure.png; success:
                               webchat-success.png). Default on failure: a new folder under the OS temp dir.
  --chromium <path>            Chromium executable (default: $CHROMIUM_PATH or /usr/bin/chromium).
  --send <text>                What the user types first (default: "hi").
  --expect-text <text>         Text a bot message must contain once the bot has answered --send (case-insensitive;
                               repeatable; default: "IT help"). A welcome sent when the user joined counts too.
                               --expect-text "" only requires an answer.
  --expect-buttons <a|b|c>     Suggested-action/card buttons that must appear, separated by "|"
                               (default: "${DEFAULT_BUTTONS}"); "" = none expected.
  --open-link <title>          A card button that opens a page (e.g. "Open article"): it is clicked, the page must open
                               on this site under its own CSP, show a heading and log no errors (default: none).
  --expect-page-text <text>    Text the opened page must contain (case-insensitive; with --open-link).
  --click <title>              Button to click afterwards (default: "Talk to a person"); "" = no click.
  --expect-click-reply <text>  Text the bot's answer to the click must contain (case-insensitive; default: any text).
  --check-reload <bool>        Reload the page and check the conversation is restored (default: true).
  --timeout <ms>               Timeout of each waiting step (default: 30000).

Prints one JSON object as the last line of stdout; exit code 0 = passed, 1 = a check failed, 2 = usage error.`;

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
  // Containers often have a tiny /dev/shm; Chromium then crashes without this.
  '--disable-dev-shm-usage',
];

const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const WEB_CHAT_HOST = '#webchat';

const result = { test: 'webchat', url: null, steps: [] };
let context;
let page;
let userDataDir;
let artifacts;

// Everything Web Chat has rendered so far (runs in the page).
function transcript() {
  return Array.from(document.querySelectorAll('.webchat__basic-transcript__activity')).map((activity) => ({
    fromUser: activity.querySelector('.webchat__stacked-layout--from-user') !== null,
    text: Array.from(activity.querySelectorAll('.webchat__bubble__content'))
      .map((bubble) => bubble.innerText.trim()).filter(Boolean).join('\n'),
    status: Array.from(activity.querySelectorAll('.webchat__activity-status'))
      .map((status) => status.innerText.trim()).join(' '),
    sending: activity.querySelector('.webchat__activity-status--sending') !== null,
  }));
}

function exactly(text) {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

function includesText(haystack, needle) {
  return haystack.toLowerCase().includes(needle.toLowerCase());
}

function summarize(activities) {
  return activities.map((activity) => `${activity.fromUser ? 'user' : 'bot'}: ${JSON.stringify(activity.text.slice(0, 120))}${activity.status ? ` [${activity.status}]` : ''}`).join('; ') || '(empty transcript)';
}

async function visibleButtons() {
  return page.locator(`${WEB_CHAT_HOST} button`).evaluateAll((buttons) => buttons
    .filter((button) => button.offsetParent !== null && !button.disabled)
    .map((button) => (button.innerText || button.getAttribute('aria-label') || '').trim())
    .filter(Boolean));
}

/** Sends `text` from the send box and waits until Web Chat shows it as delivered (not "Send failed"). */
async function sendAndConfirmDelivered(text, timeoutMs) {
  const before = (await page.evaluate(transcript)).length;
  const input = page.locator(SEND_BOX);
  await input.fill(text);
  await input.press('Enter');

  // Web Chat ignores Enter while it is still connecting (seen on a loaded machine): the text then stays in the send
  // box. Press Enter again while it does — text still in the box means it was not sent, so nothing is sent twice.
  const retryUntil = Date.now() + timeoutMs;
  while (Date.now() < retryUntil) {
    await page.waitForTimeout(2000);
    const appeared = (await page.evaluate(transcript)).slice(before).some((activity) => activity.fromUser && activity.text === text);
    if (appeared || (await input.inputValue().catch(() => '')) !== text) {
      break;
    }

    log(`"${text}" is still in the send box: pressing Enter again`);
    await input.press('Enter');
  }

  await pollUntil(async () => {
    const activities = await page.evaluate(transcript);
    const mine = activities.slice(before).find((activity) => activity.fromUser && activity.text === text);
    return { done: mine !== undefined && !mine.sending && !/send failed/i.test(mine.status), mine, activities };
  }, {
    timeoutMs,
    describe: (last) => (last?.mine
      ? `Web Chat did not confirm delivery of "${text}" (status: "${last.mine.status}"): the server must echo the user's activity back on the stream with the id its POST returned.`
      : `The user's message "${text}" never appeared in the transcript. Transcript: ${summarize(last?.activities ?? [])}`),
  });
  return before;
}

/**
 * Waits until the bot has answered (a bot message after index `from`) and the expected texts appear in bot
 * messages: anywhere in the transcript when `anywhere` (a welcome may come when the user joins, before or after
 * the first message), else only in the answer.
 */
async function waitForBotTexts(from, expected, timeoutMs, what, anywhere) {
  const last = await pollUntil(async () => {
    const activities = await page.evaluate(transcript);
    const isBotText = (activity) => !activity.fromUser && activity.text.length > 0;
    const answer = activities.slice(from).filter(isBotText);
    const searched = anywhere ? activities.filter(isBotText) : answer;
    const missing = expected.filter((needle) => !searched.some((activity) => includesText(activity.text, needle)));
    return { done: answer.length > 0 && missing.length === 0, answer, searched, missing, activities };
  }, {
    timeoutMs,
    describe: (state) => (state?.answer?.length
      ? `${what}: no bot message contains ${state.missing.map((text) => JSON.stringify(text)).join(', ')}. Bot said: ${state.searched.map((activity) => JSON.stringify(activity.text)).join(' | ')}`
      : `${what}: the bot did not answer within ${timeoutMs} ms. Transcript: ${summarize(state?.activities ?? [])}`),
  });
  return last.searched.map((activity) => activity.text);
}

async function main() {
  const options = readOptions({
    url: { type: 'string' },
    artifacts: { type: 'string' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
    send: { type: 'string', default: 'hi' },
    'expect-text': { type: 'string', multiple: true, default: ['IT help'] },
    'expect-buttons': { type: 'string', default: DEFAULT_BUTTONS },
    click: { type: 'string', default: 'Talk to a person' },
    'open-link': { type: 'string', default: '' },
    'expect-page-text': { type: 'string', default: '' },
    'expect-click-reply': { type: 'string', default: '' },
    'check-reload': { type: 'string', default: 'true' },
    timeout: { type: 'string', default: '30000' },
  }, USAGE);

  const url = baseUrl(options.url, USAGE);
  const timeoutMs = positiveInt(options.timeout, '--timeout');
  const expectTexts = options['expect-text'].filter((text) => text.length > 0);
  const expectButtons = list(options['expect-buttons']);
  const clickTitle = options.click.trim();
  const checkReload = bool(options['check-reload'], '--check-reload');
  if (!options.send.trim()) {
    throw new UsageError('--send must not be empty.');
  }

  if (!fs.existsSync(options.chromium)) {
    throw new CheckFailed(`Chromium not found at ${options.chromium} (install it: apt-get install chromium, or pass --chromium / set CHROMIUM_PATH).`);
  }

  artifacts = options.artifacts;
  result.url = `${url}/`;
  result.expected = { send: options.send, texts: expectTexts, buttons: expectButtons, click: clickTitle || null };
  const steps = new Steps(log);
  result.steps = steps.steps;

  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-webchat-e2e-'));
  context = await steps.run('launch chromium', () => chromium.launchPersistentContext(userDataDir, {
    executablePath: options.chromium,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 860 },
    timeout: timeoutMs,
  }));
  page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(timeoutMs);

  const consoleErrors = [];
  const pageErrors = [];
  result.consoleErrors = consoleErrors;
  result.pageErrors = pageErrors;
  page.on('console', (message) => {
    if (message.type() === 'error') {
      consoleErrors.push(message.text().slice(0, 300));
    }
  });
  page.on('pageerror', (error) => pageErrors.push(error.message.slice(0, 300)));
  // Notes whether Web Chat ever showed the bot's typing indicator (it can come and go between two polls).
  await page.addInitScript(() => {
    window.__helpdeskE2E = { sawTyping: false };
    new MutationObserver(() => {
      if (document.querySelector('.webchat__typing-indicator')) {
        window.__helpdeskE2E.sawTyping = true;
      }
    }).observe(document, { childList: true, subtree: true });
  });

  await steps.run('load page', async () => {
    const response = await page.goto(result.url, { waitUntil: 'load' });
    if (!response || !response.ok()) {
      throw new CheckFailed(`GET ${result.url} answered ${response ? response.status() : 'nothing'}.`);
    }

    result.title = await page.title();
    result.contentSecurityPolicy = response.headers()['content-security-policy'] ?? null;
  });

  await steps.run('wait for Web Chat', () => pollUntil(async () => {
    if (await page.locator(SEND_BOX).isVisible()) {
      return { done: true };
    }

    const panel = page.locator('#chat-error');
    if (await panel.isVisible()) {
      throw new CheckFailed(`The page shows its error panel instead of Web Chat: ${(await panel.innerText()).replace(/\s+/g, ' ').trim()}`);
    }

    return { done: false };
  }, { timeoutMs, describe: () => `Web Chat's send box did not appear within ${timeoutMs} ms.` }));

  const sentAt = await steps.run(`send "${options.send}"`, () => sendAndConfirmDelivered(options.send, timeoutMs));

  result.botMessages = await steps.run('wait for the bot\'s answer', () => waitForBotTexts(sentAt, expectTexts, timeoutMs, `After "${options.send}"`, true));

  if (expectButtons.length > 0) {
    result.buttons = await steps.run('wait for the menu buttons', async () => {
      const state = await pollUntil(async () => {
        const buttons = [...new Set(await visibleButtons())];
        const missing = expectButtons.filter((title) => !buttons.includes(title));
        return { done: missing.length === 0, buttons, missing };
      }, {
        timeoutMs,
        describe: (last) => `Missing buttons ${last.missing.map((title) => JSON.stringify(title)).join(', ')}; visible buttons: ${last.buttons.map((title) => JSON.stringify(title)).join(', ') || '(none)'}`,
      });
      return state.buttons;
    });
  }

  const openLink = options['open-link'].trim();
  if (openLink) {
    result.openedPage = await steps.run(`open "${openLink}"`, async () => {
      const button = page.locator(`${WEB_CHAT_HOST} button`).filter({ hasText: exactly(openLink) }).last();
      let popup;
      try {
        [popup] = await Promise.all([context.waitForEvent('page', { timeout: timeoutMs }), button.click({ timeout: timeoutMs })]);
      } catch {
        throw new CheckFailed(`Clicking "${openLink}" did not open a page; visible buttons: ${(await visibleButtons()).map((title) => JSON.stringify(title)).join(', ') || '(none)'}`);
      }

      const popupErrors = [];
      popup.on('console', (message) => {
        if (message.type() === 'error') {
          popupErrors.push(message.text().slice(0, 300));
        }
      });
      await popup.waitForLoadState('load', { timeout: timeoutMs });
      // The navigation's own response may come before a listener could be attached: ask for the same URL again.
      const response = await context.request.get(popup.url(), { headers: { Accept: 'text/html' }, timeout: timeoutMs });
      const opened = {
        url: popup.url(),
        status: response.status(),
        contentSecurityPolicy: response.headers()['content-security-policy'] ?? null,
        heading: ((await popup.locator('h1').first().innerText({ timeout: timeoutMs }).catch(() => '')) || '').trim(),
        text: ((await popup.locator('body').innerText().catch(() => '')) || '').slice(0, 4000),
        consoleErrors: popupErrors,
      };
      await popup.waitForTimeout(300);
      await popup.close();
      if (new URL(opened.url).origin !== new URL(url).origin) {
        throw new CheckFailed(`"${openLink}" opened ${opened.url}, not a page of ${url}.`);
      }

      if (opened.status !== 200 || !opened.heading) {
        throw new CheckFailed(`The page opened by "${openLink}" (${opened.url}) answered ${opened.status} with heading "${opened.heading}".`);
      }

      if (options['expect-page-text'] && !includesText(opened.text, options['expect-page-text'])) {
        throw new CheckFailed(`The page ${opened.url} does not contain "${options['expect-page-text']}".`);
      }

      if (popupErrors.length > 0) {
        throw new CheckFailed(`The page ${opened.url} logged errors: ${popupErrors[0]}`);
      }

      return opened;
    });
  }

  if (clickTitle) {
    result.clickReply = await steps.run(`click "${clickTitle}"`, async () => {
      const before = (await page.evaluate(transcript)).length;
      const button = page.locator(`${WEB_CHAT_HOST} button`).filter({ hasText: exactly(clickTitle) }).last();
      try {
        await button.click({ timeout: timeoutMs });
      } catch {
        throw new CheckFailed(`Could not click the button "${clickTitle}"; visible buttons: ${(await visibleButtons()).map((title) => JSON.stringify(title)).join(', ') || '(none)'}`);
      }

      const expected = options['expect-click-reply'] ? [options['expect-click-reply']] : [];
      return waitForBotTexts(before, expected, timeoutMs, `After clicking "${clickTitle}"`, false);
    });
  }

  result.sawTypingIndicator = await page.evaluate(() => window.__helpdeskE2E?.sawTyping === true);

  if (checkReload) {
    await steps.run('reload restores the conversation', async () => {
      const beforeReload = await page.evaluate(transcript);
      await page.reload({ waitUntil: 'load' });
      await page.locator(SEND_BOX).waitFor({ state: 'visible', timeout: timeoutMs });
      const lastBot = [...beforeReload].reverse().find((activity) => !activity.fromUser && activity.text);
      await pollUntil(async () => {
        const activities = await page.evaluate(transcript);
        const hasUser = activities.some((activity) => activity.fromUser && activity.text === options.send);
        const hasBot = !lastBot || activities.some((activity) => !activity.fromUser && activity.text === lastBot.text);
        return { done: hasUser && hasBot, activities };
      }, {
        timeoutMs,
        describe: (last) => `After a reload the earlier conversation was not restored (the page should reconnect to the conversation kept in sessionStorage). Transcript: ${summarize(last?.activities ?? [])}`,
      });
    });
  }

  const csp = consoleErrors.filter((text) => /Content Security Policy/i.test(text));
  if (csp.length > 0) {
    throw new CheckFailed(`The page broke its Content Security Policy: ${csp[0]}`);
  }

  if (pageErrors.length > 0) {
    throw new CheckFailed(`Uncaught error in the page: ${pageErrors[0]}`);
  }

  if (artifacts) {
    await page.waitForTimeout(1000); // let Web Chat's "Connecting…" notice settle after the reload
    fs.mkdirSync(artifacts, { recursive: true });
    result.screenshot = path.join(artifacts, 'webchat-success.png');
    await page.screenshot({ path: result.screenshot });
  }
}

async function saveFailureScreenshot() {
  if (!page) {
    return;
  }

  try {
    const folder = artifacts || fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-webchat-e2e-artifacts-'));
    fs.mkdirSync(folder, { recursive: true });
    result.screenshot = path.join(folder, 'webchat-failure.png');
    await page.screenshot({ path: result.screenshot, fullPage: true });
    result.transcript = summarize(await page.evaluate(transcript));
  } catch (error) {
    log(`could not save a screenshot: ${error.message}`);
  }
}

let failure;
try {
  await main();
} catch (error) {
  failure = error;
  await saveFailureScreenshot();
} finally {
  await context?.close().catch(() => {});
  if (userDataDir) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

finish(result, failure);
