'use strict';
// The floor: only unzip word/document.xml and run the same XML parser over it, collecting text.
const { readFileSync } = require('node:fs');
const { unzipSync, strFromU8 } = require('fflate');
const { SaxesParser } = require('saxes');

const zip = unzipSync(readFileSync(process.argv[2]), { filter: (f) => f.name === 'word/document.xml' });
const parser = new SaxesParser({ xmlns: true });
let chars = 0;
parser.on('text', (t) => {
  chars += t.length;
});
parser.write(strFromU8(zip['word/document.xml'])).close();
process.stdout.write(`${chars}\n`);
