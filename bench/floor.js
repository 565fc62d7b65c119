'use strict';
// The floor: only unzip word/document.xml and run the same XML parser over it, collecting text. It is
// built from the same pieces as `amend check`: Node's zlib (as the CLI inflates), TextDecoder, and
// saxes with the reader's own options, so the distance to it is the work check does beyond reading.
const { readFileSync } = require('node:fs');
const { inflateRawSync } = require('node:zlib');
const { TextDecoder } = require('node:util');
const { SaxesParser } = require('saxes');
const { SAX_OPTIONS } = require('../lib/docx/xml.js');

/** The bytes of one entry, found through the zip's central directory. */
function entry(zip, wanted) {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let at = zip.readUInt32LE(eocd + 16);
  for (let k = zip.readUInt16LE(eocd + 10); k > 0; k--) {
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (name === wanted) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + zip.readUInt32LE(at + 20));
      // Inflated as the CLI does: into one buffer of the declared size.
      const size = zip.readUInt32LE(at + 24);
      return zip.readUInt16LE(at + 10) === 0 ? data : inflateRawSync(data, { chunkSize: Math.max(size, 64) });
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${wanted} not found`);
}

const xml = new TextDecoder().decode(entry(readFileSync(process.argv[2]), 'word/document.xml'));
const parser = new SaxesParser(SAX_OPTIONS);
// Collect the text as any tool that extracts it must: keep every piece, then join them.
const pieces = [];
parser.on('text', (t) => {
  pieces.push(t);
});
parser.write(xml).close();
process.stdout.write(`${pieces.join('').length}\n`);
