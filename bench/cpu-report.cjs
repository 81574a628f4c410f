// Preloaded into the load client (node --require): on exit, writes the client's own CPU time (user + system, ms)
// to $CPU_REPORT, so bench/run.sh can report how much of the machine the load generator itself used.
'use strict';
const fs = require('fs');
process.on('exit', () => {
  if (!process.env.CPU_REPORT) return;
  const { user, system } = process.cpuUsage();
  fs.writeFileSync(process.env.CPU_REPORT, JSON.stringify({ cpuMs: (user + system) / 1000 }));
});
