'use strict';
// Preloaded with `node -r`: reports the process's peak resident memory (KiB) on fd 3 when it exits.
const { writeSync } = require('node:fs');

process.on('exit', () => {
  try {
    writeSync(3, `${process.resourceUsage().maxRSS}\n`);
  } catch {
    // fd 3 is not open: run outside the benchmark.
  }
});
