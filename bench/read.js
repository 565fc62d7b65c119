'use strict';
// check's reading alone: everything `amend check` does before its engine runs (unzip; parse the styles,
// numbering and document parts; build the snapshot), through the CLI's own reader and set up as
// bin/amend.js sets up the process. The distance from the floor to it is the reading; from it to check,
// the engine and the output.
require('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
const { loadSnapshot } = require('../lib/cli/io.js');

loadSnapshot(process.argv[2]).then((r) => {
  if (!r.ok) {
    process.stderr.write(`${r.reason}\n`);
    process.exitCode = 2;
    return;
  }
  process.stdout.write(`${r.value.snapshot.paragraphs.length}\n`);
});
