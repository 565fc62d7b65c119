import { inflateRawSync } from 'node:zlib';
import type { Snapshot } from '../../src/core/snapshot';
import { buildDocx } from '../../src/docx/build';
import { inflateEntry, readZip } from '../../src/docx/zip';

/**
 * The Flat OPC package `body.getOoxml()` hands out, for the fake Word: the parts of the .docx the
 * project's builder writes for the snapshot (main document with tracked runs by their authors, styles,
 * numbering, footnotes), each as a `pkg:part` with its content type, as Word lays them out.
 */
export function flatOpc(snapshot: Snapshot): string {
  const zip = readZip(buildDocx(snapshot), 'fake Word');
  if (!zip.ok) throw new Error(zip.reason);
  const parts: string[] = [];
  for (const entry of zip.value.entries) {
    if (entry.name === '[Content_Types].xml') continue;
    const bytes = inflateEntry(entry, 'fake Word', (c) => inflateRawSync(c));
    if (!bytes.ok) throw new Error(bytes.reason);
    const type = contentType(entry.name);
    if (!type) continue;
    const xml = new TextDecoder().decode(bytes.value).replace(/^<\?xml[^>]*\?>\s*/, '');
    parts.push(
      `<pkg:part pkg:name="/${entry.name}" pkg:contentType="${type}"><pkg:xmlData>${xml}</pkg:xmlData></pkg:part>`,
    );
  }
  return (
    '<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>' +
    `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">${parts.join('')}</pkg:package>`
  );
}

const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

function contentType(name: string): string | undefined {
  if (name.endsWith('.rels')) return 'application/vnd.openxmlformats-package.relationships+xml';
  const part = /^word\/(document|styles|numbering|footnotes)\.xml$/.exec(name)?.[1];
  if (!part) return undefined;
  return part === 'document' ? `${WML}.document.main+xml` : `${WML}.${part}+xml`;
}
