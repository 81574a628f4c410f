#!/usr/bin/env node
// End-to-end test of the password reset page in headless Chromium (playwright-core): opens a reset link (the token
// is in the URL fragment), checks the token left the address bar, types a weak password (refused by the server with
// a message), then a strong one (accepted), then opens the same link again (dead).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CheckFailed, Steps, UsageError, finish, log, positiveInt, readOptions } from './lib/harness.mjs';

const USAGE = `Usage: node reset-page.e2e.mjs --link <reset link> [options]

  --link <url>            The single-use reset link the bot sent (http(s)://host/reset#token). Required.
  --weak <password>       A password the server must refuse (default: "passwordpassword", on the blocklist).
  --expect-weak <text>    Text the refusal must contain (default: "common or leaked").
  --strong <password>     A password the server must accept (default: a long passphrase).
  --artifacts <dir>       Where to save screenshots (reset-failure.png / reset-success.png).
  --chromium <path>       Chromium executable (default: $CHROMIUM_PATH or /usr/bin/chromium).
  --timeout <ms>          Timeout of each waiting step (default: 30000).

Prints one JSON object as the last line of stdout; exit code 0 = passed, 1 = a check failed, 2 = usage error.`;

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

const result = { test: 'reset-page', steps: [] };
let context;
let page;
let userDataDir;
let artifacts;

async function main() {
  const options = readOptions({
    link: { type: 'string' },
    weak: { type: 'string', default: 'passwordpassword' },
    'expect-weak': { type: 'string', default: 'common or leaked' },
    strong: { type: 'string', default: 'Copper kettle drifts over nine quiet dunes' },
    artifacts: { type: 'string' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
    timeout: { type: 'string', default: '30000' },
  }, USAGE);
  if (!options.link || !/^https?:\/\/[^#]+\/reset#.+/.test(options.link)) {
    throw new UsageError(`--link must be a reset link (http(s)://host/reset#token).\n\n${USAGE}`);
  }

  const timeoutMs = positiveInt(options.timeout, '--timeout');
  if (!fs.existsSync(options.chromium)) {
    throw new CheckFailed(`Chromium not found at ${options.chromium} (install it: apt-get install chromium, or pass --chromium / set CHROMIUM_PATH).`);
  }

  artifacts = options.artifacts;
  const steps = new Steps(log);
  result.steps = steps.steps;
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-reset-e2e-'));
  context = await steps.run('launch chromium', () => chromium.launchPersistentContext(userDataDir, {
    executablePath: options.chromium,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 900, height: 900 },
    timeout: timeoutMs,
  }));
  page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  const consoleErrors = [];
  const pageErrors = [];
  const requests = [];
  result.consoleErrors = consoleErrors;
  result.pageErrors = pageErrors;
  page.on('console', (message) => {
    if (message.type() === 'error') {
      consoleErrors.push(message.text().slice(0, 300));
    }
  });
  page.on('pageerror', (error) => pageErrors.push(error.message.slice(0, 300)));
  page.on('request', (request) => requests.push(request.url()));

  const response = await steps.run('open the link', () => page.goto(options.link, { waitUntil: 'load' }));
  result.contentSecurityPolicy = response.headers()['content-security-policy'] ?? null;
  result.referrerPolicy = response.headers()['referrer-policy'] ?? null;
  await steps.run('the form appears for the account', () => page.waitForSelector('#form:not([hidden])'));
  result.account = await page.textContent('#account');
  result.addressBar = page.url();
  const token = options.link.slice(options.link.indexOf('#') + 1);
  if (page.url().includes(token)) {
    throw new CheckFailed('The token is still in the address bar after the page loaded.');
  }

  if (requests.some((url) => url.includes(token))) {
    throw new CheckFailed('A request URL carried the token (it must only travel in a POST body).');
  }

  await steps.run('the meter rates a weak password', async () => {
    await page.fill('#password', options.weak);
    await page.waitForFunction(() => document.querySelector('#meter-label').textContent !== 'Strength: —');
    result.weakMeter = await page.textContent('#meter-label');
  });
  await page.fill('#confirmation', options.weak);
  await steps.run('a weak password is refused with a message', async () => {
    await page.click('#submit');
    await page.waitForFunction(() => document.querySelectorAll('#errors li').length > 0);
    result.weakErrors = await page.$$eval('#errors li', (items) => items.map((item) => item.textContent));
    if (!result.weakErrors.some((text) => text.toLowerCase().includes(options['expect-weak'].toLowerCase()))) {
      throw new CheckFailed(`The refusal does not say "${options['expect-weak']}": ${JSON.stringify(result.weakErrors)}`);
    }
  });

  await steps.run('a strong password is accepted', async () => {
    await page.fill('#password', options.strong);
    result.strongMeter = await page.textContent('#meter-label');
    await page.fill('#confirmation', options.strong);
    await page.click('#submit');
    await page.waitForSelector('#done:not([hidden])');
    result.doneText = (await page.textContent('#done')).trim();
  });

  if (artifacts) {
    fs.mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'reset-success.png'), fullPage: true });
  }

  await steps.run('the same link is dead afterwards', async () => {
    await page.goto('about:blank');
    await page.goto(options.link, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('#status').classList.contains('error'));
    result.replayText = await page.textContent('#status');
    if (!(await page.isHidden('#form'))) {
      throw new CheckFailed('The form is shown again for a used link.');
    }
  });

  const csp = consoleErrors.filter((text) => /Content Security Policy/i.test(text));
  if (csp.length > 0) {
    throw new CheckFailed(`The page broke its own Content Security Policy: ${csp[0]}`);
  }

  if (pageErrors.length > 0) {
    throw new CheckFailed(`Uncaught error in the page: ${pageErrors[0]}`);
  }
}

let failure;
try {
  await main();
} catch (error) {
  failure = error;
  if (page) {
    try {
      const folder = artifacts ?? fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-reset-e2e-artifacts-'));
      fs.mkdirSync(folder, { recursive: true });
      await page.screenshot({ path: path.join(folder, 'reset-failure.png'), fullPage: true });
      result.screenshot = path.join(folder, 'reset-failure.png');
      result.pageText = (await page.textContent('body'))?.slice(0, 2000);
    } catch (screenshotError) {
      log(`could not save a screenshot: ${screenshotError.message}`);
    }
  }
} finally {
  await context?.close().catch(() => {});
  if (userDataDir) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

finish(result, failure);
