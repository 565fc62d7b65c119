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

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * saxes resolves a prefix the element does not declare by walking up every open element, so a part
 * nested n deep costs n steps per element: a few megabytes nested a thousand deep took seconds. This
 * parser keeps, for each prefix, the stack of URIs the open elements bind it to, and resolves with one
 * map read. parseXml tells it when an element opens and closes.
 */
class ScopedParser extends SaxesParser<typeof SAX_OPTIONS> {
  private readonly bound = new Map<string, string[]>();

  override resolve(prefix: string): string | undefined {
    // What the element being read declares itself (saxes keeps it in topNS until the element opens).
    const own = (this as unknown as { topNS: Record<string, string> }).topNS[prefix];
    if (own !== undefined) return own;
    const stack = this.bound.get(prefix);
    if (stack !== undefined && stack.length > 0) return stack[stack.length - 1];
    return prefix === 'xml' ? XML_NS : prefix === 'xmlns' ? XMLNS_NS : undefined;
  }

  enter(tag: SaxesTagNS): void {
    for (const prefix in tag.ns) {
      const stack = this.bound.get(prefix);
      if (stack) stack.push(tag.ns[prefix]);
      else this.bound.set(prefix, [tag.ns[prefix]]);
    }
  }

  leave(tag: SaxesTagNS): void {
    for (const prefix in tag.ns) this.bound.get(prefix)!.pop();
  }
}

/**
 * How deep elements may nest in a part. Word's own documents stay far below it (a table in a content
 * control in a table… is a few dozen levels). Namespaces resolve in constant time at any depth (see
 * ScopedParser), but the readers look through the open tracked changes at every run, so depth still
 * multiplies their work: a bound keeps a hostile part from doing so without end.
 */
export const MAX_XML_DEPTH = 1000;

/**
 * Streams `xml` through saxes (namespace-aware) into `sink`. A DOCTYPE is refused as soon as it is
 * seen: entities are never expanded. Malformed XML is a failure naming `label`; only a bug in a sink throws.
 */
export function parseXml(xml: string, label: string, sink: XmlSink): Result<void> {
  const parser = new ScopedParser(SAX_OPTIONS);
  parser.on('error', (e) => {
    throw new XmlError(e.message);
  });
  parser.on('doctype', () => {
    throw new XmlError('DOCTYPE');
  });
  let depth = 0;
  parser.on('opentag', (tag) => {
    if (!tag.isSelfClosing && ++depth > MAX_XML_DEPTH) throw new XmlError('DEPTH');
    parser.enter(tag);
    sink.open(tag, parser.position);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) depth--;
    parser.leave(tag);
    sink.close(tag, parser.position);
  });
  parser.on('text', (t) => sink.text(t));
  parser.on('cdata', (t) => sink.text(t));
  try {
    parser.write(xml).close();
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    if (e.message === 'DEPTH')
      return fail(`${label}: elements nest more than ${MAX_XML_DEPTH} levels deep; refusing it`);
    if (e.message === 'DOCTYPE')
      return fail(
        `${label}: contains a DOCTYPE declaration, which is not allowed in a Word document; refusing it`,
      );
    return fail(`${label}: malformed XML (${e.message.split('\n')[0]})`);
  }
  return ok(undefined);
}

/** How a part's bytes encode its characters, so that a rewritten part keeps it. */
export type XmlEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** A decoded XML part: its text, its encoding, and whether it opened with a byte-order mark. */
export interface DecodedXml {
  readonly text: string;
  readonly encoding: XmlEncoding;
  readonly bom: boolean;
}

const DECODERS: Partial<Record<XmlEncoding, InstanceType<typeof TextDecoder>>> = {};
const decoder = (e: XmlEncoding) => (DECODERS[e] ??= new TextDecoder(e, { fatal: true, ignoreBOM: true }));

/**
 * Bytes of an XML part as a string, decoded strictly. OPC allows UTF-8 and UTF-16 only (ECMA-376
 * Part 2, §8.1.4), told apart by the byte-order mark or, without one, by how `<?xml` is spelt; the
 * declaration, when it names an encoding, must name the one the bytes are in. Any other encoding
 * (ISO-8859-1, windows-1252…) and any malformed byte is a failure naming `label`: decoding it as UTF-8
 * would turn every accented letter into U+FFFD, and a rewrite would store that loss.
 */
export function decodeXml(bytes: Uint8Array, label: string): Result<DecodedXml> {
  let encoding: XmlEncoding = 'utf-8';
  let skip = 0;
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) skip = 3;
  else if (b0 === 0xff && b1 === 0xfe) [encoding, skip] = ['utf-16le', 2];
  else if (b0 === 0xfe && b1 === 0xff) [encoding, skip] = ['utf-16be', 2];
  else if (b0 === 0x3c && b1 === 0 && b2 === 0x3f) encoding = 'utf-16le';
  else if (b0 === 0 && b1 === 0x3c && bytes[3] === 0x3f) encoding = 'utf-16be';
  if (encoding !== 'utf-8' && (bytes.length - skip) % 2 !== 0)
    return fail(`${label}: malformed UTF-16 (an odd number of bytes); refusing it`);
  // The declaration is ASCII: read it from the bytes, so a part in another encoding is named as such.
  const declared = declaredEncoding(asciiHead(bytes, skip, encoding));
  if (declared !== undefined) {
    const name = declared.toLowerCase();
    const family = name === 'utf-8' ? 'utf-8' : /^utf-16(le|be)?$/.test(name) ? 'utf-16' : undefined;
    if (family === undefined)
      return fail(
        `${label}: declares the encoding ${declared}; a Word package allows only UTF-8 and UTF-16, so it is refused rather than misread`,
      );
    if ((family === 'utf-8') !== (encoding === 'utf-8') || (name.length > 6 && name !== encoding))
      return fail(`${label}: declares the encoding ${declared} but is not written in it; refusing it`);
  }
  let text: string;
  try {
    text = decoder(encoding).decode(skip > 0 ? bytes.subarray(skip) : bytes);
  } catch {
    return fail(
      `${label}: malformed ${encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'} (a byte sequence that is no character); refusing it`,
    );
  }
  return ok({ text, encoding, bom: skip > 0 });
}

/** The first characters of a part, read as ASCII from bytes in `encoding` (enough for its declaration). */
function asciiHead(bytes: Uint8Array, skip: number, encoding: XmlEncoding): string {
  const step = encoding === 'utf-8' ? 1 : 2;
  const low = encoding === 'utf-16be' ? 1 : 0;
  let head = '';
  for (let i = skip + low; i < bytes.length && head.length < 256; i += step) {
    const c = bytes[i];
    if (c === 0x3e) return head + '>';
    head += String.fromCharCode(c);
  }
  return head;
}

/** The `encoding` of an XML declaration at the very start of `text`, if it has one. */
function declaredEncoding(text: string): string | undefined {
  if (!text.startsWith('<?xml')) return undefined;
  const end = text.indexOf('?>');
  const decl = text.slice(0, end < 0 ? 200 : end);
  const name = /\sencoding\s*=\s*(["'])([^"']*)\1/.exec(decl)?.[2];
  // Shown in a one-line message: whatever is not an encoding name's character is shown as `?`.
  return name?.replace(/[^\w.:-]/g, '?');
}

/** A part's text in the encoding it was read in (see decodeXml), its byte-order mark kept. */
export function encodeXml(text: string, like: Pick<DecodedXml, 'encoding' | 'bom'>): Uint8Array {
  if (like.encoding === 'utf-8') {
    const body = new TextEncoder().encode(text);
    if (!like.bom) return body;
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const le = like.encoding === 'utf-16le';
  const skip = like.bom ? 2 : 0;
  const out = new Uint8Array(skip + text.length * 2);
  if (like.bom) out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[skip + 2 * i + (le ? 0 : 1)] = c & 0xff;
    out[skip + 2 * i + (le ? 1 : 0)] = c >> 8;
  }
  return out;
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
