'use strict';
// What a developer would reach for first: mammoth's raw text extraction.
const mammoth = require('mammoth');

mammoth.extractRawText({ path: process.argv[2] }).then((r) => process.stdout.write(`${r.value.length}\n`));
