// Direct Line round trip against the self-hosted Direct Line: token from /api/webchat/token, conversation start,
// WebSocket stream, then N sequential POSTs; latency = POST sent -> bot reply frame (replyToId == posted id).
// Usage: node bench/directline-rtt.mjs --url http://127.0.0.1:3978 [--n 500] [--json out.json]
import WebSocket from 'ws';
import fs from 'node:fs';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, arr) => (v.startsWith('--') ? a.concat([[v.slice(2), arr[i + 1]]]) : a), []));
const base = args.url || 'http://127.0.0.1:3978';
const n = +(args.n || 500);
const json = async (res) => { if (!res.ok) throw new Error(`${res.url} -> ${res.status} ${await res.text()}`); return res.json(); };

const { token } = await json(await fetch(`${base}/api/webchat/token`, { method: 'POST' }));
const conv = await json(await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } }));
const waiting = new Map();
const arrived = new Map(); // replyToId -> arrival time, for replies that beat the POST's own answer
const ws = new WebSocket(conv.streamUrl);
await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
ws.on('message', (data) => {
  const text = data.toString();
  if (!text.trim()) return; // heartbeat
  for (const a of JSON.parse(text).activities || []) {
    if (a.type !== 'message' || !a.replyToId) continue;
    if (waiting.has(a.replyToId)) { waiting.get(a.replyToId)(performance.now()); waiting.delete(a.replyToId); }
    else if (!arrived.has(a.replyToId)) arrived.set(a.replyToId, performance.now());
  }
});
const post = (text) => fetch(`${base}/v3/directline/conversations/${encodeURIComponent(conv.conversationId)}/activities`, {
  method: 'POST', headers: { Authorization: `Bearer ${conv.token}`, 'Content-Type': 'application/json' },
  body: JSON.stringify({ type: 'message', text, from: { id: 'bench-user', role: 'user' }, channelData: { clientActivityID: `c${Math.random()}` } }),
});
const lat = [];
for (let i = 0; i < n + 50; i++) {
  const t0 = performance.now();
  let resolveReply;
  const replied = new Promise((r) => { resolveReply = r; });
  const { id } = await json(await post(`hello ${i}`));
  if (waiting.has(id)) throw new Error('duplicate id');
  if (arrived.has(id)) { resolveReply(arrived.get(id)); arrived.delete(id); } else waiting.set(id, resolveReply);
  const t1 = await Promise.race([replied, new Promise((_, rej) => setTimeout(() => rej(new Error(`no reply to ${id}`)), 10000))]);
  if (i >= 50) lat.push(t1 - t0); // first 50 are warm-up
}
ws.close();
lat.sort((a, b) => a - b);
const pct = (p) => +lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)].toFixed(2);
const out = { n: lat.length, p50: pct(50), p90: pct(90), p99: pct(99), max: +lat[lat.length - 1].toFixed(2) };
console.log(JSON.stringify(out));
if (args.json) fs.writeFileSync(args.json, JSON.stringify(out, null, 2));
process.exit(0);
