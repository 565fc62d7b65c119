import { readFileSync } from 'node:fs';
import path from 'node:path';
import { manifestProblems, parseXml, pngSize } from './manifest-checks';

const root = path.join(__dirname, '..', '..');
const manifest = readFileSync(path.join(root, 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  it('passes every offline check', () => {
    expect(manifestProblems(manifest, root)).toEqual([]);
  });

  it('is a Word task pane add-in with a GUID and the WordApi 1.3 requirement (what reading needs)', () => {
    const app = parseXml(manifest);
    const text = (name: string) => app.children.find((c) => c.name === name)?.text.trim();
    expect(text('Id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(manifest).toContain('<Set Name="WordApi" MinVersion="1.3"/>');
  });
});

describe('the checks catch a broken manifest', () => {
  const broken = (from: string | RegExp, to: string) => {
    const changed = manifest.replace(from, to);
    expect(changed).not.toBe(manifest);
    return manifestProblems(changed, root);
  };

  it('an http address', () => {
    expect(
      broken(
        'https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>',
        'http://localhost:3000/taskpane.html"/>\n  </DefaultSettings>',
      ),
    ).toContain('SourceLocation: http://localhost:3000/taskpane.html is not https');
  });

  it('elements out of schema order', () => {
    expect(broken(/(<Version>.*<\/Version>)\s*(<ProviderName>.*<\/ProviderName>)/, '$2$1')).toContain(
      'OfficeApp: Version is out of order',
    );
  });

  it('a description over 250 characters', () => {
    expect(
      broken(/<Description DefaultValue="[^"]*"/, `<Description DefaultValue="${'x'.repeat(251)}"`),
    ).toContain('Description: a value is empty or longer than 250');
  });

  it('a missing Spanish override', () => {
    expect(broken(/\s*<bt:Override Locale="es-ES" Value="Revisar la propuesta"\/>/, '')).toContain(
      'short string ShowPane.Label: no es-ES override',
    );
  });

  it('an icon declared at the wrong size', () => {
    expect(broken('icon-64.png', 'icon-80.png')).toContain(
      'HighResolutionIconUrl: https://localhost:3000/assets/icon-80.png is 80x80, not 64x64',
    );
  });

  it('a resource id that names nothing', () => {
    expect(broken('resid="Taskpane.Url"', 'resid="Pane.Url"')).toContain('resid Pane.Url names no resource');
  });

  it('an Id that is not a GUID', () => {
    expect(broken(/<Id>[^<]*<\/Id>/, '<Id>amend</Id>')).toContain('Id is not a GUID');
  });
});

describe('pngSize', () => {
  it('reads the IHDR size and refuses what is not a PNG', () => {
    expect(pngSize(readFileSync(path.join(root, 'assets', 'icon-16.png')))).toEqual({
      width: 16,
      height: 16,
    });
    expect(pngSize(new TextEncoder().encode('not a png at all, really not'))).toBeUndefined();
  });
});
