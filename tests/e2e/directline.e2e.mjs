#!/usr/bin/env node
// End-to-end test of the self-hosted Direct Line 3.0 channel with Microsoft's own client library,
// botframework-directlinejs (the one Web Chat uses), running in Node. For each transport (WebSocket stream and
// HTTP polling): get a token from POST <url>/api/webchat/token, start the conversation, post a message, and check
// that (1) the stream gives back the user's own activity with the id the POST returned (and the client's
// clientActivityID), and (2) the bot answers with replyToId set to that id.
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import {
  CheckFailed, Steps, UsageError, baseUrl, finish, list, log, pollUntil, positiveInt, readOptions,
} from './lib/harness.mjs';

const require = createRequire(import.meta.url);
// directlinejs talks HTTP through XMLHttpRequest (rxjs ajax) and needs a WebSocket class: Node has neither
// built in, so without these it hangs in "Connecting" or throws "WebSocket is not defined".
global.XMLHttpRequest = require('xhr2');
const WebSocket = require('ws');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const USAGE = `Usage: node directline.e2e.mjs --url <base URL> [options]

  --url <url>             Base URL of the running bot (Direct Line at <url>/v3/directline). Required.
  --transports <a|b>      Transports to test, "|"-separated: websocket, polling (default: "websocket|polling").
  --text <text>           Message to post (default: "hi").
  --expect-reply <text>   Text the bot's reply must contain (case-insensitive; default: any reply).
  --timeout <ms>          Timeout of each waiting step (default: 20000).

Prints one JSON object as the last line of stdout; exit code 0 = passed, 1 = a check failed, 2 = usage error.`;

const TRANSPORTS = { websocket: true, polling: false };

async function requestToken(url) {
  let response;
  try {
    response = await fetch(`${url}/api/webchat/token`, { method: 'POST', headers: { accept: 'application/json' } });
  } catch (error) {
    throw new CheckFailed(`POST ${url}/api/webchat/token failed: ${error.cause?.message ?? error.message}`);
  }

  if (!response.ok) {
    throw new CheckFailed(`POST ${url}/api/webchat/token answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }

  const body = await response.json();
  for (const field of ['token', 'conversationId']) {
    if (typeof body[field] !== 'string' || !body[field]) {
      throw new CheckFailed(`POST /api/webchat/token: "${field}" missing from ${JSON.stringify(body).slice(0, 300)}`);
    }
  }

  return body;
}

async function runTransport(url, transport, options) {
  const steps = new Steps((message) => log(`[${transport}] ${message}`));
  const outcome = { transport, steps: steps.steps };
  const received = [];
  const statuses = [];
  let directLine;
  let subscriptions = [];
  try {
    const tokenResponse = await steps.run('get a token', () => requestToken(url));
    outcome.tokenConversationId = tokenResponse.conversationId;
    outcome.userId = tokenResponse.userId ?? null;

    directLine = new DirectLine({
      domain: `${url}/v3/directline`,
      token: tokenResponse.token,
      webSocket: TRANSPORTS[transport],
      WebSocket,
      pollingInterval: 200,
    });
    subscriptions.push(directLine.connectionStatus$.subscribe((status) => statuses.push(ConnectionStatus[status] ?? status)));
    subscriptions.push(directLine.activity$.subscribe({
      next: (activity) => received.push(activity),
      error: (error) => log(`[${transport}] activity$ error: ${error?.message ?? error}`),
    }));

    await steps.run('connect', () => pollUntil(async () => ({ done: directLine.connectionStatus$.getValue() === ConnectionStatus.Online }), {
      timeoutMs: options.timeoutMs,
      describe: () => `Direct Line did not come online; connection statuses: ${statuses.join(' -> ')}`,
    }));
    outcome.conversationId = directLine.conversationId ?? null;

    const clientActivityID = randomUUID();
    const postedId = await steps.run('post a message', () => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new CheckFailed(`postActivity got no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
      directLine.postActivity({
        type: 'message',
        text: options.text,
        textFormat: 'plain',
        locale: 'en-US',
        from: { id: tokenResponse.userId ?? 'e2e-user', name: 'E2E user', role: 'user' },
        channelData: { clientActivityID },
      }).subscribe({
        next: (id) => {
          clearTimeout(timer);
          resolve(id);
        },
        error: (error) => {
          clearTimeout(timer);
          reject(new CheckFailed(`postActivity failed: ${error?.message ?? error} (status ${error?.status ?? 'n/a'})`));
        },
      });
    }));
    if (typeof postedId !== 'string' || !postedId || postedId === 'retry') {
      throw new CheckFailed(`postActivity returned ${JSON.stringify(postedId)} instead of an activity id.`);
    }

    outcome.postedId = postedId;

    const echo = await steps.run('own activity echoed on the stream', async () => {
      const state = await pollUntil(async () => {
        const found = received.find((activity) => activity.id === postedId);
        return { done: found !== undefined, found };
      }, {
        timeoutMs: options.timeoutMs,
        describe: () => `The stream never delivered the user's own activity ${postedId} (Web Chat needs it: without it, it shows "Send failed"). Received: ${received.map((activity) => `${activity.type}#${activity.id}`).join(', ') || '(nothing)'}`,
      });
      const activity = state.found;
      if (activity.type !== 'message' || activity.text !== options.text) {
        throw new CheckFailed(`Echo of ${postedId} is ${activity.type} "${activity.text}", expected message "${options.text}".`);
      }

      if (activity.channelData?.clientActivityID !== clientActivityID) {
        throw new CheckFailed(`Echo of ${postedId} lost channelData.clientActivityID (got ${JSON.stringify(activity.channelData ?? null)}).`);
      }

      return { id: activity.id, from: activity.from, clientActivityID: activity.channelData.clientActivityID };
    });
    outcome.echo = echo;

    const reply = await steps.run('bot reply with replyToId', async () => {
      const state = await pollUntil(async () => {
        const replies = received.filter((activity) => activity.type === 'message' && activity.replyToId === postedId && activity.id !== postedId);
        const matching = options.expectReply
          ? replies.find((activity) => (activity.text ?? '').toLowerCase().includes(options.expectReply.toLowerCase()))
          : replies[0];
        return { done: matching !== undefined, matching, replies };
      }, {
        timeoutMs: options.timeoutMs,
        describe: (last) => (last?.replies?.length
          ? `No reply to ${postedId} contains "${options.expectReply}"; replies: ${last.replies.map((activity) => JSON.stringify(activity.text)).join(' | ')}`
          : `The bot sent no message with replyToId ${postedId}. Received: ${received.map((activity) => `${activity.type}#${activity.id}${activity.replyToId ? `->${activity.replyToId}` : ''}`).join(', ') || '(nothing)'}`),
      });
      const activity = state.matching;
      if (activity.from?.role === 'user' || activity.from?.id === echo.from?.id) {
        throw new CheckFailed(`The reply ${activity.id} claims to come from the user (${JSON.stringify(activity.from)}).`);
      }

      return { id: activity.id, replyToId: activity.replyToId, from: activity.from, text: activity.text ?? null, suggestedActions: (activity.suggestedActions?.actions ?? []).map((action) => action.title) };
    });
    outcome.reply = reply;
    outcome.ok = true;
  } catch (error) {
    outcome.ok = false;
    outcome.error = error.message;
    throw Object.assign(error, { outcome });
  } finally {
    outcome.connectionStatuses = statuses;
    outcome.activitiesReceived = received.length;
    subscriptions.forEach((subscription) => subscription.unsubscribe());
    subscriptions = [];
    try {
      directLine?.end();
    } catch {
      // Already ended.
    }
  }

  return outcome;
}

const result = { test: 'directline', url: null, transports: [] };
let failure;
try {
  const values = readOptions({
    url: { type: 'string' },
    transports: { type: 'string', default: 'websocket|polling' },
    text: { type: 'string', default: 'hi' },
    'expect-reply': { type: 'string', default: '' },
    timeout: { type: 'string', default: '20000' },
  }, USAGE);
  const url = baseUrl(values.url, USAGE);
  const transports = list(values.transports);
  const unknown = transports.filter((name) => !(name in TRANSPORTS));
  if (transports.length === 0 || unknown.length > 0) {
    throw new UsageError(`--transports must list websocket and/or polling, got "${values.transports}".`);
  }

  if (!values.text.trim()) {
    throw new UsageError('--text must not be empty.');
  }

  result.url = url;
  const options = { text: values.text, expectReply: values['expect-reply'], timeoutMs: positiveInt(values.timeout, '--timeout') };
  for (const transport of transports) {
    try {
      result.transports.push(await runTransport(url, transport, options));
    } catch (error) {
      if (error.outcome) {
        result.transports.push(error.outcome);
      }

      throw new CheckFailed(`[${transport}] ${error.message}`);
    }
  }
} catch (error) {
  failure = error;
}

finish(result, failure);
// directlinejs may keep timers (polling, token refresh) alive after end(): exit explicitly.
process.exit(process.exitCode ?? 0);
