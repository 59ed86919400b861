// Preloaded into a process a bench starts (`node -r`): records how long the process's event loop was
// held up. On SIGUSR2 it writes the longest hold-up, the 99th percentile and the mean since the last
// SIGUSR2 (in ms) to EVENT_LOOP_PROBE_FILE, then starts counting again. Plain JavaScript: the built
// apps run without ts-node.
'use strict';
const { writeFileSync } = require('node:fs');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const file = process.env.EVENT_LOOP_PROBE_FILE;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  process.on('SIGUSR2', () => {
    const ms = (ns) => Math.round(ns / 1e5) / 10;
    writeFileSync(
      file,
      JSON.stringify({ maxMs: ms(delay.max), p99Ms: ms(delay.percentile(99)), meanMs: ms(delay.mean) }),
    );
    delay.reset();
  });
}
