import { SaxesParser, type SaxesTagNS } from 'saxes';
import { fail, ok, type Result } from '../core/result';

/** WordprocessingML, transitional and strict. */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
export const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
export const PKG = 'http://schemas.microsoft.com/office/2006/xmlPackage';

let lastW = W;
/**
 * Whether a namespace URI is WordprocessingML. Called for every element, so it remembers the string
 * object the parser hands out: comparing the same object is immediate, unlike comparing 60 characters.
 */
export function isW(uri: string): boolean {
  if (uri === lastW) return true;
  if (uri !== W && uri !== W_STRICT) return false;
  lastW = uri;
  return true;
}

/**
 * What a part reader receives from the parser. Offsets are UTF-16 indexes into the parsed string:
 * `end` is just past the tag's `>`; the tag's `<` is `xml.lastIndexOf('<', end - 1)` (attribute values
 * cannot hold `<`), computed only by readers that need it.
 */
export interface XmlSink {
  open(tag: SaxesTagNS, end: number): void;
  close(tag: SaxesTagNS, end: number): void;
  text(text: string): void;
}

const W_KEYS: Record<string, string> = {};

/** The value of a WordprocessingML attribute (`w:val`), whatever prefix the part binds. */
export function wAttr(tag: SaxesTagNS, local: string): string | undefined {
  const attrs = tag.attributes;
  // Word always writes the `w` prefix: try that key before walking the attributes.
  const quick = attrs[(W_KEYS[local] ??= `w:${local}`)];
  if (quick !== undefined && isW(quick.uri)) return quick.value;
  for (const key in attrs) {
    const a = attrs[key];
    if (a.local === local && isW(a.uri)) return a.value;
  }
  return undefined;
}

/** An attribute by local name in no namespace or any namespace (package and relationship parts). */
export function anyAttr(tag: SaxesTagNS, local: string): string | undefined {
  const attrs = tag.attributes;
  for (const key in attrs) if (attrs[key].local === local) return attrs[key].value;
  return undefined;
}

/** OOXML on/off values: absent `w:val`, `true`, `1`, `on` mean on. */
export function isOn(tag: SaxesTagNS): boolean {
  const v = wAttr(tag, 'val');
  return v === undefined || v === 'true' || v === '1' || v === 'on';
}

/** The parser's options: namespace-aware. The benchmark's floor parses with the same ones. */
export const SAX_OPTIONS = { xmlns: true } as const;

class XmlError extends Error {}

/**
 * Streams `xml` through saxes (namespace-aware) into `sink`. A DOCTYPE is refused as soon as it is
 * seen: entities are never expanded. Malformed XML is a failure naming `label`; only a bug in a sink throws.
 */
export function parseXml(xml: string, label: string, sink: XmlSink): Result<void> {
  const parser = new SaxesParser(SAX_OPTIONS);
  parser.on('error', (e) => {
    throw new XmlError(e.message);
  });
  parser.on('doctype', () => {
    throw new XmlError('DOCTYPE');
  });
  parser.on('opentag', (tag) => sink.open(tag, parser.position));
  parser.on('closetag', (tag) => sink.close(tag, parser.position));
  parser.on('text', (t) => sink.text(t));
  parser.on('cdata', (t) => sink.text(t));
  try {
    parser.write(xml).close();
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    if (e.message === 'DOCTYPE')
      return fail(
        `${label}: contains a DOCTYPE declaration, which is not allowed in a Word document; refusing it`,
      );
    return fail(`${label}: malformed XML (${e.message.split('\n')[0]})`);
  }
  return ok(undefined);
}

/** Bytes of an XML part as a string (UTF-8, or UTF-16 with a byte-order mark). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder().decode(bytes);
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text or an attribute value, dropping characters XML 1.0 cannot hold. */
export function esc(s: string): string {
  return (
    s
      // Exactly the control characters XML 1.0 forbids (TAB, LF and CR stay): matching them is the point.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>"]/g, (c) => ESC[c])
  );
}
