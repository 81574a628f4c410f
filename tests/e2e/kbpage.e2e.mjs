#!/usr/bin/env node
// End-to-end test of the help article pages (/kb/{id}) in headless Chromium (playwright-core): each page is loaded
// twice — once with the Content Security Policy bypassed, to prove the markup itself is inert (a surviving inline
// handler or script would run and open a dialog), and once under the page's own CSP, which must report no violation
// (nothing on the page even tries to run). Checks that no script/iframe/object/embed/img element and no on* or style
// attribute reaches the article, and that every link is http(s), mailto, a fragment or a path on this site.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CheckFailed, Steps, UsageError, baseUrl, finish, log, positiveInt, readOptions } from './lib/harness.mjs';

const USAGE = `Usage: node kbpage.e2e.mjs --url <base URL> --path </kb/id> [--path ...] [options]

  --url <url>            Base URL of the running bot. Required.
  --path <path>          An article page to check (repeatable). Required.
  --expect-text <text>   Text every checked page must contain (case-insensitive; optional).
  --chromium <path>      Chromium executable (default: $CHROMIUM_PATH or /usr/bin/chromium).
  --timeout <ms>         Timeout of each waiting step (default: 30000).

Prints one JSON object as the last line of stdout; exit code 0 = passed, 1 = a check failed, 2 = usage error.`;

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

const result = { test: 'kbpage', url: null, pages: [] };
const contexts = [];
const userDataDirs = [];

// Runs in the page: what the article contains that could run or load something.
function inspect() {
  const main = document.querySelector('main') ?? document.body;
  const elements = Array.from(main.querySelectorAll('*'));
  return {
    heading: (document.querySelector('h1')?.innerText ?? '').trim(),
    text: main.innerText.slice(0, 4000),
    activeElements: elements.filter((e) => ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'IMG', 'FRAME', 'SVG', 'FORM', 'BASE', 'META'].includes(e.tagName.toUpperCase()))
      .map((e) => e.outerHTML.slice(0, 200)),
    handlerAttributes: elements.flatMap((e) => Array.from(e.attributes).filter((a) => a.name.startsWith('on') || a.name === 'style')
      .map((a) => `${e.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 80)}"`)),
    links: Array.from(main.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')),
    xss: window.__kbE2E.xss,
    violations: window.__kbE2E.violations,
  };
}

async function open(browserPath, bypassCSP, timeoutMs) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-kbpage-e2e-'));
  userDataDirs.push(userDataDir);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: browserPath, headless: true, args: CHROMIUM_FLAGS, bypassCSP, timeout: timeoutMs,
  });
  contexts.push(context);
  await context.addInitScript(() => {
    window.__kbE2E = { xss: [], violations: [] };
    // Anything that manages to run and calls alert/confirm/prompt is recorded (and the dialog event fires too).
    for (const name of ['alert', 'confirm', 'prompt']) {
      window[name] = function (...args) {
        window.__kbE2E.xss.push(`${name}(${args.map(String).join(', ')})`);
        return undefined;
      };
    }

    document.addEventListener('securitypolicyviolation', (event) => {
      window.__kbE2E.violations.push(`${event.violatedDirective} ${event.blockedURI || ''} ${event.sample || ''}`.trim());
    });
  });
  return context;
}

async function check(context, url, pagePath, mode, timeoutMs) {
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  const dialogs = [];
  const consoleErrors = [];
  const onDialog = async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  };
  const onConsole = (message) => {
    if (message.type() === 'error') {
      consoleErrors.push(message.text().slice(0, 300));
    }
  };
  page.on('dialog', onDialog);
  page.on('console', onConsole);
  const response = await page.goto(url + pagePath, { waitUntil: 'load' });

  // Give handlers that fire on load/error/focus a chance, and hover every element (onmouseover).
  for (const element of await page.locator('main *').all()) {
    await element.hover({ timeout: 500, force: true }).catch(() => {});
  }

  await page.waitForTimeout(300);
  const found = await page.evaluate(inspect);
  page.off('dialog', onDialog);
  page.off('console', onConsole);
  return {
    path: pagePath,
    mode,
    status: response ? response.status() : null,
    contentSecurityPolicy: response ? (response.headers()['content-security-policy'] ?? null) : null,
    dialogs,
    consoleErrors,
    ...found,
  };
}

async function main() {
  const options = readOptions({
    url: { type: 'string' },
    path: { type: 'string', multiple: true, default: [] },
    'expect-text': { type: 'string', default: '' },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
    timeout: { type: 'string', default: '30000' },
  }, USAGE);

  const url = baseUrl(options.url, USAGE);
  const timeoutMs = positiveInt(options.timeout, '--timeout');
  if (options.path.length === 0 || options.path.some((p) => !p.startsWith('/'))) {
    throw new UsageError('--path must be given at least once, each starting with "/".');
  }

  if (!fs.existsSync(options.chromium)) {
    throw new CheckFailed(`Chromium not found at ${options.chromium} (install it: apt-get install chromium, or pass --chromium / set CHROMIUM_PATH).`);
  }

  result.url = url;
  const steps = new Steps(log);
  result.steps = steps.steps;
  const withoutCsp = await steps.run('launch chromium (CSP bypassed)', () => open(options.chromium, true, timeoutMs));
  const withCsp = await steps.run('launch chromium (CSP enforced)', () => open(options.chromium, false, timeoutMs));

  for (const pagePath of options.path) {
    for (const [mode, context] of [['csp-bypassed', withoutCsp], ['csp-enforced', withCsp]]) {
      const checked = await steps.run(`${mode}: ${pagePath}`, () => check(context, url, pagePath, mode, timeoutMs));
      result.pages.push(checked);
      const where = `${pagePath} (${mode})`;
      if (checked.status !== 200) {
        throw new CheckFailed(`${where} answered ${checked.status}.`);
      }

      if (checked.dialogs.length > 0 || checked.xss.length > 0) {
        throw new CheckFailed(`Script ran on ${where}: ${[...checked.dialogs, ...checked.xss].join('; ')}`);
      }

      if (checked.activeElements.length > 0) {
        throw new CheckFailed(`Active elements in the article on ${where}: ${checked.activeElements.join(' | ')}`);
      }

      if (checked.handlerAttributes.length > 0) {
        throw new CheckFailed(`Event-handler or style attributes in the article on ${where}: ${checked.handlerAttributes.join(' | ')}`);
      }

      const unsafe = checked.links.filter((href) => !/^(https?:\/\/|mailto:|#|\/(?!\/))/i.test(href));
      if (unsafe.length > 0) {
        throw new CheckFailed(`Unsafe links on ${where}: ${unsafe.join(', ')}`);
      }

      if (mode === 'csp-enforced' && checked.violations.length > 0) {
        throw new CheckFailed(`Something on ${where} tried to break the Content Security Policy: ${checked.violations.join('; ')}`);
      }

      if (options['expect-text'] && !checked.text.toLowerCase().includes(options['expect-text'].toLowerCase())) {
        throw new CheckFailed(`${where} does not contain "${options['expect-text']}".`);
      }
    }
  }
}

let failure;
try {
  await main();
} catch (error) {
  failure = error;
} finally {
  for (const context of contexts) {
    await context.close().catch(() => {});
  }

  for (const dir of userDataDirs) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

finish(result, failure);
