// Summarises a bench/run.sh results folder: per-round figures, medians, and ours/peer ratios.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
const files = fs.readdirSync(dir);
const rounds = files.filter((f) => /^peer-\d+\.json$/.test(f)).map((f) => f.match(/\d+/)[0]).sort();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
// CPU per turn (ms) of a server and of the load client in one run, when run.sh recorded it.
const cpu = (name, r) => {
  if (!files.includes(`server-${name}-${r}.json`)) return null;
  const server = read(`server-${name}-${r}.json`);
  const client = files.includes(`client-${name}-${r}.json`) ? read(`client-${name}-${r}.json`) : null;
  return {
    serverMsPerTurn: +(server.serverCpuMs / server.turns).toFixed(3),
    clientMsPerTurn: client ? +(client.cpuMs / server.turns).toFixed(3) : null,
  };
};
const optional = (f) => (files.includes(f) ? read(f) : null);
const rows = rounds.map((r) => ({ round: +r, peer: read(`peer-${r}.json`), ours: read(`ours-${r}.json`), raw: optional(`raw-${r}.json`), peerCpu: cpu('peer', r), oursCpu: cpu('ours', r), rawCpu: cpu('raw', r) }));
const cpuText = (x) => (x ? `, CPU ${x.serverMsPerTurn} ms/turn (load client ${x.clientMsPerTurn})` : '');
for (const { round, peer, ours, raw, peerCpu, oursCpu, rawCpu } of rows) {
  const rawText = raw ? ` | ceiling (raw echo) ${raw.rps} turns/s p99 ${raw.e2eMs.p99}${cpuText(rawCpu)}` : '';
  console.log(`round ${round}: peer ${peer.rps} turns/s p50 ${peer.e2eMs.p50} p99 ${peer.e2eMs.p99} (errors ${peer.errors})${cpuText(peerCpu)} | ` +
    `ours ${ours.rps} turns/s p50 ${ours.e2eMs.p50} p99 ${ours.e2eMs.p99} (errors ${ours.errors})${cpuText(oursCpu)} | ratio ${(ours.rps / peer.rps).toFixed(2)}x${rawText}`);
}
const summary = {
  rounds: rows.length,
  peer: { rps: median(rows.map((x) => x.peer.rps)), p50: median(rows.map((x) => x.peer.e2eMs.p50)), p99: median(rows.map((x) => x.peer.e2eMs.p99)) },
  ours: { rps: median(rows.map((x) => x.ours.rps)), p50: median(rows.map((x) => x.ours.e2eMs.p50)), p99: median(rows.map((x) => x.ours.e2eMs.p99)) },
};
if (rows.every((x) => x.raw)) {
  summary.ceiling = { rps: median(rows.map((x) => x.raw.rps)), p99: median(rows.map((x) => x.raw.e2eMs.p99)) };
  if (rows.every((x) => x.rawCpu)) {
    summary.ceiling.cpuMsPerTurn = median(rows.map((x) => x.rawCpu.serverMsPerTurn));
    summary.ceiling.loadClientCpuMsPerTurn = median(rows.map((x) => x.rawCpu.clientMsPerTurn).filter((v) => v !== null));
  }
}
if (rows.every((x) => x.peerCpu && x.oursCpu)) {
  summary.peer.cpuMsPerTurn = median(rows.map((x) => x.peerCpu.serverMsPerTurn));
  summary.ours.cpuMsPerTurn = median(rows.map((x) => x.oursCpu.serverMsPerTurn));
  summary.loadClientCpuMsPerTurn = median(rows.flatMap((x) => [x.peerCpu.clientMsPerTurn, x.oursCpu.clientMsPerTurn]).filter((v) => v !== null));
}
summary.throughputRatio = +(summary.ours.rps / summary.peer.rps).toFixed(2);
summary.p99Ratio = +(summary.ours.p99 / summary.peer.p99).toFixed(2);
if (summary.ceiling) summary.ceilingToPeerRatio = +(summary.ceiling.rps / summary.peer.rps).toFixed(2);
if (files.includes('directline.json')) summary.directLine = read('directline.json');
fs.writeFileSync(path.join(dir, 'summary.json'), JSON.stringify(summary, null, 2));
console.log(JSON.stringify(summary, null, 2));
