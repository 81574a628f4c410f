#!/usr/bin/env node
// End-to-end test of the human handoff with TWO real browser contexts in headless Chromium (playwright-core):
// a user in the Web Chat page (/) asks for a person and describes the problem; an agent signs in to the console
// (/agent), sees the case arrive live, claims it, and they exchange messages both ways; the agent resolves it and the
// user gets the CSAT question, answers it, and is thanked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CheckFailed, Steps, baseUrl, finish, log, pollUntil, positiveInt, readOptions } from './lib/harness.mjs';

const USAGE = `Usage: node handoff.e2e.mjs --url <base URL> [options]

  --url <url>          Base URL of the running bot. Required.
  --username <name>    Console account (default: the demo agent "agent").
  --password <secret>  Its password (default: the demo agent's, see the README).
  --chromium <path>    Chromium executable (default: $CHROMIUM_PATH or /usr/bin/chromium).
  --artifacts <dir>    Where to save screenshots (user.png and agent.png; on failure *-failure.png).
  --timeout <ms>       Timeout of each waiting step (default: 30000).

Prints one JSON object as the last line of stdout; exit code 0 = passed, 1 = a check failed, 2 = usage error.`;

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];
const SEND_BOX = '[data-id="webchat-sendbox-input"]';
const PROBLEM = 'My laptop cannot connect to the VPN since this morning';
const AGENT_SAYS = 'Hi! Which VPN client version do you have?';
const USER_SAYS = 'Version 5.1, and it shows error 809';
const NOTE = 'Upgrade the VPN client to 5.2 from the Company Portal.';

const result = { test: 'handoff', steps: [] };
let browser;
let userPage;
let agentPage;
let artifacts;

function botTexts() {
  return Array.from(document.querySelectorAll('.webchat__basic-transcript__activity'))
    .filter((activity) => activity.querySelector('.webchat__stacked-layout--from-user') === null)
    .map((activity) => Array.from(activity.querySelectorAll('.webchat__bubble__content')).map((b) => b.innerText.trim()).join('\n'))
    .filter(Boolean);
}

async function waitForBot(text, timeoutMs, what) {
  return pollUntil(async () => {
    const texts = await userPage.evaluate(botTexts);
    const hit = texts.find((t) => t.toLowerCase().includes(text.toLowerCase()));
    return { done: hit !== undefined, hit, texts };
  }, { timeoutMs, describe: (last) => `${what}: the user never saw "${text}". Bot said: ${(last?.texts ?? []).map((t) => JSON.stringify(t.slice(0, 160))).join(' | ')}` });
}

/** Types `text` into Web Chat's send box and sends it (Enter again until the box empties: Web Chat may still be settling). */
async function userSays(text) {
  const input = userPage.locator(SEND_BOX);
  await input.fill(text);
  await pollUntil(async () => {
    await input.press('Enter');
    await userPage.waitForTimeout(300);
    return { done: (await input.inputValue()) === '' };
  }, { timeoutMs: 15000, intervalMs: 500, describe: () => `Web Chat did not send "${text}" (the send box kept it).` });
}

async function main() {
  const options = readOptions({
    url: { type: 'string' },
    username: { type: 'string', default: 'agent' },
    password: { type: 'string', default: 'Agent-Demo-2026!' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
    artifacts: { type: 'string' },
    timeout: { type: 'string', default: '30000' },
  }, USAGE);
  const url = baseUrl(options.url, USAGE);
  const timeoutMs = positiveInt(options.timeout, '--timeout');
  artifacts = options.artifacts;
  if (!fs.existsSync(options.chromium)) {
    throw new CheckFailed(`Chromium not found at ${options.chromium}.`);
  }

  const steps = new Steps(log);
  result.steps = steps.steps;
  browser = await steps.run('launch chromium', () => chromium.launch({ executablePath: options.chromium, headless: true, args: CHROMIUM_FLAGS, timeout: timeoutMs }));
  const agentContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const userContext = await browser.newContext({ viewport: { width: 1100, height: 860 } });
  agentPage = await agentContext.newPage();
  userPage = await userContext.newPage();
  agentPage.setDefaultTimeout(timeoutMs);
  userPage.setDefaultTimeout(timeoutMs);
  const pageErrors = [];
  const cspErrors = [];
  for (const [name, page] of [['agent', agentPage], ['user', userPage]]) {
    page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message.slice(0, 300)}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        cspErrors.push(`${name}: ${message.text().slice(0, 300)}`);
      }
    });
  }

  await steps.run('agent: the console sends a stranger to the sign-in page', async () => {
    await agentPage.goto(`${url}/agent`, { waitUntil: 'load' });
    if (!new URL(agentPage.url()).pathname.startsWith('/agent/login')) {
      throw new CheckFailed(`Expected the sign-in page, got ${agentPage.url()}`);
    }
  });

  await steps.run('agent: sign in', async () => {
    await agentPage.fill('#username', options.username);
    await agentPage.fill('#password', options.password);
    await Promise.all([agentPage.waitForURL(`${url}/agent`), agentPage.click('#sign-in')]);
    await agentPage.locator('#connection[data-state="online"]').waitFor({ timeout: timeoutMs });
    result.agent = await agentPage.locator('#me').innerText();
  });

  await steps.run('user: open Web Chat', async () => {
    await userPage.goto(`${url}/`, { waitUntil: 'load' });
    await userPage.locator(SEND_BOX).waitFor({ state: 'visible' });
  });

  await steps.run('user: ask for a person', async () => {
    await userSays('talk to a person');
    await waitForBot('what do you need help with', timeoutMs, 'After "talk to a person"');
  });

  result.deflection = await steps.run('user: describe the problem; the best article is offered once (deflection)', async () => {
    await userSays(PROBLEM);
    const { hit } = await waitForBot('Before I connect you', timeoutMs, 'After describing the problem');
    await waitForBot('Did this solve it?', timeoutMs, 'After the article');
    return hit;
  });

  result.queued = await steps.run('user: "No, connect me to a person" and get queued', async () => {
    await userPage.locator('#webchat button').filter({ hasText: 'No, connect me to a person' }).last().click();
    const { hit } = await waitForBot('HD-', timeoutMs, 'After declining the article');
    return hit;
  });

  const caseId = await steps.run('agent: the case arrives in the live queue', async () => {
    const item = agentPage.locator('#queue li[data-status="waiting"]').filter({ hasText: 'The user asked for a person' }).last();
    await item.waitFor({ timeout: timeoutMs });
    return item.getAttribute('data-case-id');
  });
  result.caseId = caseId;

  await steps.run('agent: open the case and see the context', async () => {
    await agentPage.click(`#queue li[data-case-id="${caseId}"]`);
    await pollUntil(async () => {
      const summary = await agentPage.locator('#summary').innerText();
      const transcript = await agentPage.locator('#transcript').innerText();
      return { done: summary.includes('VPN') && transcript.includes(PROBLEM), summary };
    }, { timeoutMs, describe: (last) => `The case's summary/transcript did not show the problem. Summary: ${last?.summary}` });
  });

  await steps.run('agent: claim', async () => {
    await agentPage.click('#claim');
    await agentPage.locator('#case[data-status="active"]').waitFor({ timeout: timeoutMs });
  });

  await steps.run('user: is told an agent joined', () => waitForBot('has joined the chat', timeoutMs, 'After the claim'));

  await steps.run('agent → user: a message through the bot', async () => {
    await agentPage.fill('#reply-text', AGENT_SAYS);
    await agentPage.click('#send');
    await waitForBot(AGENT_SAYS, timeoutMs, 'After the agent wrote');
  });

  await steps.run('user → agent: the reply arrives live in the console', async () => {
    await userSays(USER_SAYS);
    await agentPage.locator('#messages li[data-kind="user"]').filter({ hasText: USER_SAYS }).waitFor({ timeout: timeoutMs });
  });

  await steps.run('agent: resolve with a note', async () => {
    await agentPage.fill('#close-note', NOTE);
    await agentPage.click('#resolve');
    await agentPage.locator('#case[data-status="resolved"]').waitFor({ timeout: timeoutMs });
  });

  result.csat = await steps.run('user: resolution note and CSAT question', async () => {
    await waitForBot(NOTE, timeoutMs, 'After resolving');
    await waitForBot('How satisfied', timeoutMs, 'After resolving');
    const buttons = await pollUntil(async () => {
      const titles = await userPage.locator('#webchat button').evaluateAll((nodes) => nodes.filter((b) => b.offsetParent !== null).map((b) => b.innerText.trim()));
      return { done: ['1', '2', '3', '4', '5'].every((n) => titles.includes(n)), titles };
    }, { timeoutMs, describe: (last) => `The CSAT buttons 1–5 did not appear; buttons: ${JSON.stringify(last?.titles)}` });
    return [...new Set(buttons.titles.filter((t) => /^[1-5]$/.test(t)))];
  });

  await steps.run('user: rate 5 and get thanked', async () => {
    await userPage.locator('#webchat button').filter({ hasText: /^5$/ }).last().click();
    await waitForBot('Thank you for the feedback', timeoutMs, 'After rating');
  });

  if (pageErrors.length > 0) {
    throw new CheckFailed(`Uncaught error in a page: ${pageErrors[0]}`);
  }

  if (cspErrors.length > 0) {
    throw new CheckFailed(`A page broke its Content Security Policy: ${cspErrors[0]}`);
  }

  if (artifacts) {
    fs.mkdirSync(artifacts, { recursive: true });
    await userPage.screenshot({ path: path.join(artifacts, 'user.png') });
    await agentPage.screenshot({ path: path.join(artifacts, 'agent.png') });
    result.screenshots = [path.join(artifacts, 'user.png'), path.join(artifacts, 'agent.png')];
  }
}

async function saveFailureScreenshots() {
  try {
    const folder = artifacts || fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-handoff-e2e-'));
    fs.mkdirSync(folder, { recursive: true });
    if (userPage) { await userPage.screenshot({ path: path.join(folder, 'user-failure.png'), fullPage: true }); }
    if (agentPage) { await agentPage.screenshot({ path: path.join(folder, 'agent-failure.png'), fullPage: true }); }
    result.screenshot = folder;
  } catch (error) {
    log(`could not save screenshots: ${error.message}`);
  }
}

let failure;
try {
  await main();
} catch (error) {
  failure = error;
  await saveFailureScreenshots();
} finally {
  await browser?.close().catch(() => {});
}

finish(result, failure);
