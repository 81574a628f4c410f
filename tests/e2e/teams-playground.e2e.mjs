#!/usr/bin/env node
// End-to-end test of the Teams channel with Microsoft 365 Agents Playground (@microsoft/m365agentsplayground, the
// local Teams client): starts the Playground against the bot's /api/messages (its own port is free and chosen here,
// its logs go to a temporary folder), drives it headlessly through its conversation API and WebSocket, and checks
// the bot's Teams behaviour: the menu as an Adaptive Card (Teams shows at most 3 suggested actions), a card submit
// continuing the dialog, the @mention stripped in a group chat and a team channel (reply URL with the encoded
// "team-id;messageid=…" conversation), and an Action.Execute invoke answered with a refreshed card.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  CheckFailed, Steps, UsageError, baseUrl, finish, list, log, pollUntil, positiveInt, readOptions, sleep,
} from './lib/harness.mjs';

const require = createRequire(import.meta.url);
const WebSocket = require('ws');

const USAGE = `Usage: node teams-playground.e2e.mjs --url <bot base URL> [options]

  --url <url>              Base URL of the running bot (Teams activities go to <url>/api/messages). Required.
  --port <n>               Port for the Playground (default: a free one).
  --menu <a|b|…>           The main menu's buttons (default: the bot's five entries).
  --timeout <ms>           Timeout of each waiting step (default: 20000).

Prints one JSON object as the last line of stdout; exit code 0 = passed, 1 = a check failed, 2 = usage error.`;

const DEFAULT_MENU = 'Reset my password|Unlock my account|Fix a problem|Search help articles|Talk to a person';
const BOT_NAME = 'Test Bot';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The buttons of a Playground message: suggested actions or the Adaptive Card's ActionSet / card actions. */
function buttonsOf(message) {
  if (message.suggestedActions?.actions?.length) {
    return message.suggestedActions.actions.map((a) => ({ kind: 'suggested', title: a.title, value: a.value }));
  }

  const buttons = [];
  for (const attachment of message.attachments ?? []) {
    const card = attachment.content;
    if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive' || !card) {
      continue;
    }

    const visit = (node) => {
      if (Array.isArray(node)) {
        node.forEach(visit);
      } else if (node && typeof node === 'object') {
        if (typeof node.type === 'string' && node.type.startsWith('Action.')) {
          buttons.push({ kind: node.type, title: node.title, data: node.data, verb: node.verb });
        }

        Object.values(node).forEach(visit);
      }
    };
    visit(card.body);
    visit(card.actions);
  }

  return buttons;
}

async function api(base, method, route, body) {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new CheckFailed(`${method} ${route} answered ${response.status}: ${text.slice(0, 400)}`);
  }

  return text ? JSON.parse(text) : null;
}

async function main(result) {
  const options = readOptions({
    url: { type: 'string' },
    port: { type: 'string' },
    menu: { type: 'string', default: DEFAULT_MENU },
    timeout: { type: 'string', default: '20000' },
  }, USAGE);
  const url = baseUrl(options.url, USAGE);
  const timeoutMs = positiveInt(options.timeout, '--timeout');
  const menu = list(options.menu);
  const port = options.port ? positiveInt(options.port, '--port') : await freePort();
  const playground = `http://127.0.0.1:${port}`;
  result.playgroundPort = port;

  const workDir = await mkdtemp(path.join(os.tmpdir(), 'agents-playground-'));
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const child = spawn(process.execPath, [cli, '-e', `${url}/api/messages`, '-c', 'msteams', '-p', String(port), '--dt'], {
    cwd: workDir,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk) => output.push(chunk.toString()));
  let ws;
  const steps = new Steps(log);
  result.steps = steps.steps;
  try {
    const config = await steps.run('Agents Playground starts and serves its config', async () => {
      const started = await pollUntil(async () => {
        if (child.exitCode !== null) {
          throw new CheckFailed(`the Playground exited with code ${child.exitCode}: ${output.join('').slice(-800)}`);
        }

        try {
          const body = await api(playground, 'GET', '/_internal/v1/config');
          return { done: true, config: body.config };
        } catch {
          return null;
        }
      }, { timeoutMs: Math.max(timeoutMs, 60000), intervalMs: 250, describe: () => `the Playground did not answer on ${playground}: ${output.join('').slice(-800)}` });
      return started.config;
    });

    const received = [];
    ws = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
    ws.on('message', (raw) => {
      try {
        const frame = JSON.parse(raw.toString());
        if (frame.action === 'createMessage' && frame.message?.from?.id === config.bot.id) {
          received.push({ conversationId: frame.actionConversationId, message: frame.message });
        }
      } catch {
        // not JSON: ignore
      }
    });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });

    const waitFor = (conversation, predicate, what, from = 0) => pollUntil(() => {
      const found = received.slice(from).find((m) => conversation(m.conversationId) && predicate(m.message));
      return found ? { done: true, ...found } : null;
    }, { timeoutMs, describe: () => `no bot message ${what}; received: ${JSON.stringify(received.map((m) => ({ c: m.conversationId, text: m.message.text, buttons: buttonsOf(m.message).map((b) => b.title) }))).slice(0, 1500)}` });

    const personal = config.personalChat.id;
    const isPersonal = (id) => id === personal;
    const user = config.currentUser.id;
    const send = (conversation, from, text, mention) => api(playground, 'POST', `/_conversation/v1/conversations/${encodeURIComponent(conversation)}/messages`, {
      from: { id: from },
      text,
      textFormat: 'plain',
      ...(mention ? { mentions: [{ mentioned: { id: config.bot.id }, text: `<at>${BOT_NAME}</at>` }] } : {}),
    });

    result.personal = {};
    const menuMessage = await steps.run('personal chat: "hi" gets the welcome and the menu as an Adaptive Card', async () => {
      const start = received.length;
      await send(personal, user, 'hi', false);
      const welcome = await waitFor(isPersonal, (m) => /IT help/i.test(m.text ?? ''), 'with the welcome', start);
      const found = await waitFor(isPersonal, (m) => buttonsOf(m).length > 0, 'with the menu buttons', start);
      result.personal.welcome = welcome.message.text;
      result.personal.menuButtons = buttonsOf(found.message).map((b) => b.title);
      result.personal.menuKind = buttonsOf(found.message)[0].kind;
      const missing = menu.filter((title) => !result.personal.menuButtons.includes(title));
      if (missing.length) {
        throw new CheckFailed(`the menu lacks ${missing.join(', ')}: ${result.personal.menuButtons.join(', ')}`);
      }

      return found.message;
    });

    const submit = async (conversation, from, message, title) => {
      const button = buttonsOf(message).find((b) => b.title === title);
      if (!button || button.kind !== 'Action.Submit') {
        throw new CheckFailed(`no Action.Submit "${title}" on the card: ${JSON.stringify(buttonsOf(message)).slice(0, 600)}`);
      }

      // What the Playground's UI posts for a click on Action.Submit: the button's data as the message value.
      await api(playground, 'POST', '/_conversation/v1/submit', { conversation: { id: conversation }, from: { id: from }, replyToId: message.messageId, value: button.data ?? {} });
      return button;
    };

    const areas = await steps.run('personal chat: submitting the card\'s "Fix a problem" asks for the area', async () => {
      const start = received.length;
      const button = await submit(personal, user, menuMessage, 'Fix a problem');
      result.personal.submittedData = button.data;
      const prompt = await waitFor(isPersonal, (m) => /What kind of problem/i.test(m.text ?? ''), 'asking what kind of problem', start);
      // The Playground shows a message's text and its card as two bubbles.
      const card = await waitFor(isPersonal, (m) => buttonsOf(m).some((b) => b.title === 'Printer'), 'with the area buttons', start);
      result.personal.areaPrompt = prompt.message.text;
      result.personal.areaButtons = buttonsOf(card.message).map((b) => b.title);
      return card.message;
    });

    await steps.run('personal chat: submitting "Printer" answers for printers', async () => {
      const start = received.length;
      await submit(personal, user, areas, 'Printer');
      const answer = await waitFor(isPersonal, (m) => /printer/i.test(m.text ?? ''), 'about printers', start);
      result.personal.areaAnswer = answer.message.text;
    });

    const group = config.groupChats[0];
    const member = group.members[0];
    const isGroup = (id) => id === group.id;
    result.group = {};
    await steps.run('group chat: "@bot talk to a person" is understood (mention stripped)', async () => {
      const start = received.length;
      await send(group.id, member, `<at>${BOT_NAME}</at> talk to a person`, true);
      const answer = await waitFor(isGroup, (m) => /get you to a person/i.test(m.text ?? ''), 'with the handoff question', start);
      result.group.answer = answer.message.text;
    });

    const groupMenu = await steps.run('group chat: "@bot menu" shows the menu as a card, no suggested actions', async () => {
      const start = received.length;
      await send(group.id, member, `<at>${BOT_NAME}</at> menu`, true);
      const found = await waitFor(isGroup, (m) => buttonsOf(m).length > 0, 'with the menu', start);
      result.group.menuKind = buttonsOf(found.message)[0].kind;
      if (found.message.suggestedActions?.actions?.length) {
        throw new CheckFailed('the group chat menu came as suggested actions, which Teams does not show in group chats');
      }

      return found.message;
    });

    await steps.run('group chat: an Action.Execute invoke is answered in the response with the card refreshed', async () => {
      const start = received.length;
      const response = await api(playground, 'POST', '/_conversation/v1/invoke', {
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'helpdesk.choice', data: { text: 'Talk to a person' } }, trigger: 'manual' },
        from: { id: member },
        conversation: { id: group.id },
        replyToId: groupMenu.messageId,
      });
      result.group.invokeResponseType = response?.type;
      result.group.refreshedCardText = response?.value?.body?.[0]?.text;
      if (response?.type !== 'application/vnd.microsoft.card.adaptive' || !/Talk to a person/.test(result.group.refreshedCardText ?? '')) {
        throw new CheckFailed(`unexpected invoke response: ${JSON.stringify(response).slice(0, 500)}`);
      }

      const answer = await waitFor(isGroup, (m) => /get you to a person/i.test(m.text ?? ''), 'answering the invoked choice', start);
      result.group.invokeAnswer = answer.message.text;
    });

    const team = config.teams[0];
    const channel = team.channels[0];
    result.channel = {};
    await steps.run('team channel: "@bot hi" is answered in the post\'s thread', async () => {
      const start = received.length;
      const posted = await send(channel.id, team.members[0], `<at>${BOT_NAME}</at> hi`, true);
      const thread = posted.postConversationId;
      result.channel.conversationId = thread;
      const found = await waitFor((id) => id === thread, (m) => buttonsOf(m).length > 0, `in the thread ${thread}`, start);
      result.channel.menuButtons = buttonsOf(found.message).map((b) => b.title);
    });
  } finally {
    ws?.terminate();
    child.kill('SIGTERM');
    await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(5000)]);
    if (child.exitCode === null) {
      child.kill('SIGKILL');
    }

    await rm(workDir, { recursive: true, force: true });
  }
}

const result = { script: 'teams-playground.e2e.mjs' };
main(result).then(() => finish(result), (error) => finish(result, error instanceof UsageError || error instanceof CheckFailed ? error : error));
