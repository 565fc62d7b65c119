import { fail, ok, type Result } from '../core/result';
import { decodeXml } from '../docx/xml';
import { inflateEntry, readZip, type Inflater } from '../docx/zip';

/**
 * A .docx as the Flat OPC package (`pkg:package`) that `insertOoxml` takes (learn.microsoft.com,
 * Word.Body.insertOoxml, WordApi 1.1; the format is the one `getOoxml` hands out, "Create better add-ins
 * for Word with Office Open XML"): every part but `[Content_Types].xml` as a `pkg:part` with its content
 * type, XML parts as `pkg:xmlData`, any other (an image) as base64 `pkg:binaryData`.
 */
export function flatOpcOf(bytes: Uint8Array, name: string, inflate: Inflater): Result<string> {
  const zip = readZip(bytes, name);
  if (!zip.ok) return zip;
  const typesEntry = zip.value.byName.get('[Content_Types].xml');
  if (!typesEntry) return fail(`${name}: the package has no [Content_Types].xml`);
  const typesBytes = inflateEntry(typesEntry, name, inflate);
  if (!typesBytes.ok) return typesBytes;
  const typesXml = decodeXml(typesBytes.value, `${name}: [Content_Types].xml`);
  if (!typesXml.ok) return typesXml;
  const types = contentTypes(typesXml.value.text);
  const parts: string[] = [];
  for (const entry of zip.value.entries) {
    if (entry.name === '[Content_Types].xml' || entry.name.endsWith('/')) continue;
    const data = inflateEntry(entry, name, inflate);
    if (!data.ok) return data;
    const type = types.override.get(`/${entry.name}`) ?? types.byExtension.get(extension(entry.name));
    if (!type) return fail(`${name}: no content type for ${entry.name}`);
    const head = `<pkg:part pkg:name="/${escapeAttr(entry.name)}" pkg:contentType="${escapeAttr(type)}"`;
    if (/[+/]xml$/.test(type)) {
      const xml = decodeXml(data.value, `${name}: ${entry.name}`);
      if (!xml.ok) return xml;
      // The part's own declaration (and its encoding, now decoded) gives way to the package's.
      const body = xml.value.text.replace(/^\uFEFF?<\?xml[^>]*\?>\s*/, '');
      parts.push(`${head}><pkg:xmlData>${body}</pkg:xmlData></pkg:part>`);
    } else
      parts.push(
        `${head} pkg:compression="store"><pkg:binaryData>${base64(data.value)}</pkg:binaryData></pkg:part>`,
      );
  }
  return ok(
    '<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>' +
      `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">${parts.join('')}</pkg:package>`,
  );
}

function contentTypes(xml: string): { override: Map<string, string>; byExtension: Map<string, string> } {
  const override = new Map<string, string>();
  const byExtension = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?(Override|Default)\b([^>]*)>/g)) {
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[2])?.[1];
    const type = attr('ContentType');
    if (!type) continue;
    if (m[1] === 'Override') {
      const part = attr('PartName');
      if (part) override.set(decodeURI(part), type);
    } else {
      const ext = attr('Extension');
      if (ext) byExtension.set(ext.toLowerCase(), type);
    }
  }
  return { override, byExtension };
}

const extension = (name: string) => /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
