import { zipSync } from 'fflate';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const enc = new TextEncoder();

/** A document.xml around body content. */
export const documentXml = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`;

/** A hand-made package: document.xml plus any other parts, as plain strings or bytes. */
export function packageOf(body: string, parts: Record<string, string | Uint8Array> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': enc.encode(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    ),
    'word/document.xml': enc.encode(documentXml(body)),
  };
  for (const [name, data] of Object.entries(parts))
    files[name] = typeof data === 'string' ? enc.encode(data) : data;
  return zipSync(files);
}

/** styles.xml with the given w:style elements. */
export const stylesXml = (styles: string): string => `<w:styles xmlns:w="${W_NS}">${styles}</w:styles>`;
/** numbering.xml with the given content. */
export const numberingXml = (content: string): string =>
  `<w:numbering xmlns:w="${W_NS}">${content}</w:numbering>`;
