import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { WORD_API } from '../../src/word/requirements';

/**
 * Offline checks of the add-in's XML manifest, for what the Office validation service would reject
 * and what the schema orders: the elements we use, in the order the schema requires, string lengths,
 * https everywhere, icons that exist at the pixel size they are declared at, and fr-FR / es-ES overrides.
 */

export interface Element {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: Element[];
  text: string;
}

export function parseXml(xml: string): Element {
  const parser = new SaxesParser({ xmlns: false });
  const root: Element = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: Element[] = [root];
  parser.on('opentag', (tag) => {
    const e: Element = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: '',
    };
    stack[stack.length - 1].children.push(e);
    stack.push(e);
  });
  parser.on('text', (t) => (stack[stack.length - 1].text += t));
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return root.children[0];
}

function* walk(e: Element): Generator<Element> {
  yield e;
  for (const c of e.children) yield* walk(c);
}

const child = (e: Element | undefined, name: string) => e?.children.find((c) => c.name === name);

/** Child element order the schemas require, for the elements this manifest uses. */
const ORDER: Readonly<Record<string, readonly string[]>> = {
  OfficeApp: [
    'Id',
    'AlternateId',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'Dictionary',
    'VersionOverrides',
  ],
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Supertip: ['Title', 'Description'],
  Action: ['TaskpaneId', 'SourceLocation'],
  Resources: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'],
};

const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  OfficeApp: [
    'Id',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'VersionOverrides',
  ],
  VersionOverrides: ['Hosts', 'Resources'],
  DesktopFormFactor: ['FunctionFile', 'ExtensionPoint'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
};

const LOCALES = ['fr-FR', 'es-ES'];
const DEV_URL = 'https://localhost:3000/';

/** The pixel size of a PNG, from its IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  if (String.fromCharCode(...bytes.slice(12, 16)) !== 'IHDR') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Every problem found in a manifest; `root` is where the URLs' files live (assets/ …). */
export function manifestProblems(xml: string, root: string): string[] {
  const problems: string[] = [];
  let app: Element;
  try {
    app = parseXml(xml);
  } catch (e) {
    return [`not well-formed XML: ${(e as Error).message}`];
  }
  if (app.name !== 'OfficeApp' || app.attributes['xsi:type'] !== 'TaskPaneApp')
    problems.push('root is not a TaskPaneApp OfficeApp');

  for (const e of walk(app)) {
    const order = ORDER[e.name];
    if (order) {
      let last = -1;
      for (const c of e.children) {
        const at = order.indexOf(c.name);
        if (at < 0) problems.push(`${e.name}: unexpected ${c.name}`);
        else if (at < last) problems.push(`${e.name}: ${c.name} is out of order`);
        else last = at;
      }
    }
    for (const name of REQUIRED[e.name] ?? [])
      if (!child(e, name)) problems.push(`${e.name}: ${name} is missing`);
  }

  if (
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(
      child(app, 'Id')?.text.trim() ?? '',
    )
  )
    problems.push('Id is not a GUID');
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(child(app, 'Version')?.text.trim() ?? ''))
    problems.push('Version is not n.n.n.n');
  if (child(app, 'DefaultLocale')?.text.trim() !== 'en-US') problems.push('DefaultLocale is not en-US');
  if (child(app, 'Permissions')?.text.trim() !== 'ReadWriteDocument')
    problems.push('Permissions is not ReadWriteDocument');
  if (
    child(app, 'DefaultSettings') &&
    child(child(app, 'DefaultSettings'), 'SourceLocation')?.attributes.DefaultValue !==
      `${DEV_URL}taskpane.html`
  )
    problems.push('SourceLocation is not the task pane');
  const hosts = child(app, 'Hosts')?.children.map((h) => h.attributes.Name) ?? [];
  if (hosts.join() !== 'Document') problems.push('Hosts is not Word (Document) alone');
  const sets = child(child(app, 'Requirements'), 'Sets');
  if (!sets?.attributes.DefaultMinVersion) problems.push('Requirements: Sets has no DefaultMinVersion');
  // The manifest requires what the adapter needs to read; it checks what fixing needs at run time.
  if (
    !sets?.children.some((s) => s.attributes.Name === 'WordApi' && s.attributes.MinVersion === WORD_API.read)
  )
    problems.push(`Requirements: WordApi ${WORD_API.read} is missing`);

  // Lengths and overrides of the localised strings.
  const localised = (e: Element | undefined, label: string, max: number) => {
    if (!e) return;
    const values = [e.attributes.DefaultValue, ...e.children.map((o) => o.attributes.Value)];
    for (const v of values)
      if (v === undefined || v.length === 0 || v.length > max)
        problems.push(`${label}: a value is empty or longer than ${max}`);
    for (const locale of LOCALES)
      if (!e.children.some((o) => /Override$/.test(o.name) && o.attributes.Locale === locale))
        problems.push(`${label}: no ${locale} override`);
  };
  localised(child(app, 'DisplayName'), 'DisplayName', 125);
  localised(child(app, 'Description'), 'Description', 250);
  const resources = child(child(app, 'VersionOverrides'), 'Resources');
  for (const s of child(resources, 'bt:ShortStrings')?.children ?? [])
    localised(s, `short string ${s.attributes.id}`, 125);
  for (const s of child(resources, 'bt:LongStrings')?.children ?? [])
    localised(s, `long string ${s.attributes.id}`, 250);

  // Every resid names a resource.
  const ids = new Set<string>();
  for (const e of walk(resources ?? app))
    if (e.attributes.id && e.name.startsWith('bt:')) ids.add(e.attributes.id);
  for (const e of walk(app))
    if (e.attributes.resid && !ids.has(e.attributes.resid))
      problems.push(`resid ${e.attributes.resid} names no resource`);

  // https everywhere.
  for (const e of walk(app)) {
    for (const [k, v] of Object.entries(e.attributes))
      if (/^[a-z]+:\/\//i.test(v) && !k.startsWith('xmlns') && !v.startsWith('https://'))
        problems.push(`${e.name}: ${v} is not https`);
    if (e.name === 'AppDomain' && !e.text.trim().startsWith('https://'))
      problems.push(`AppDomain ${e.text.trim()} is not https`);
  }

  // Icons exist at their declared pixel size.
  const icon = (url: string | undefined, size: number, label: string) => {
    if (!url?.startsWith(DEV_URL))
      return problems.push(`${label}: ${url ?? 'no URL'} is not under ${DEV_URL}`);
    const file = path.join(root, url.slice(DEV_URL.length));
    if (!existsSync(file)) return problems.push(`${label}: ${url} has no file`);
    const px = pngSize(readFileSync(file));
    if (!px || px.width !== size || px.height !== size)
      problems.push(
        `${label}: ${url} is ${px ? `${px.width}x${px.height}` : 'not a PNG'}, not ${size}x${size}`,
      );
  };
  icon(child(app, 'IconUrl')?.attributes.DefaultValue, 32, 'IconUrl');
  icon(child(app, 'HighResolutionIconUrl')?.attributes.DefaultValue, 64, 'HighResolutionIconUrl');
  const images = new Map(
    (child(resources, 'bt:Images')?.children ?? []).map((i) => [i.attributes.id, i.attributes.DefaultValue]),
  );
  for (const e of walk(app))
    if (e.name === 'bt:Image' && e.attributes.resid)
      icon(images.get(e.attributes.resid), Number(e.attributes.size), `Icon ${e.attributes.resid}`);
  const iconSizes = new Set(
    [...walk(app)].filter((e) => e.name === 'bt:Image' && e.attributes.size).map((e) => e.attributes.size),
  );
  for (const size of ['16', '32', '80']) if (!iconSizes.has(size)) problems.push(`no ${size} px ribbon icon`);

  // The ribbon: a button on the Home tab that shows the task pane; a function file.
  const tab = [...walk(app)].find((e) => e.name === 'OfficeTab');
  if (tab?.attributes.id !== 'TabHome') problems.push('the ribbon group is not on the Home tab');
  if (![...walk(app)].some((e) => e.name === 'Action' && e.attributes['xsi:type'] === 'ShowTaskpane'))
    problems.push('no ShowTaskpane button');
  const urls = new Map(
    (child(resources, 'bt:Urls')?.children ?? []).map((u) => [u.attributes.id, u.attributes.DefaultValue]),
  );
  const functionFile = [...walk(app)].find((e) => e.name === 'FunctionFile');
  if (!urls.get(functionFile?.attributes.resid ?? '')?.endsWith('/commands.html'))
    problems.push('FunctionFile is not commands.html');
  return problems;
}
