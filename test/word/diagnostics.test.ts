import { fixAllAsync } from '../../src/core/fix';
import { fromMarkup } from '../../src/core/markup';
import { textEdit } from '../../src/core/plan';
import { ok, type Result } from '../../src/core/result';
import { paragraphText } from '../../src/core/snapshot';
import { readDocx } from '../../src/docx';
import { createSampleHost } from '../../src/taskpane/preview/preview-host';
import { WordHost } from '../../src/word/word-host';
import { misnumbered } from '../../bench/round-trips';
import { FakeWord } from './fake-word';
import { MAC, WEB } from './personalities';

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

function setUp(markup: string, word = new FakeWord(fromMarkup(markup), { personality: MAC })) {
  const host = new WordHost({
    run: word.run,
    requirements: { isSetSupported: (_name, version) => version !== '1.5' },
    readOoxml: (xml) => ok(fromMarkup(xml)),
    file: word.officeDocument,
    readDocx: (bytes) => {
      const r = readDocx(bytes, 'proposal.docx');
      return r.ok ? ok(r.value.snapshot) : r;
    },
    platform: word.personality.platform,
    officeVersion: '16.0.18429.20132',
    title: 'Proposal',
  });
  return { word, host };
}

describe('the Word host describes itself for a support mail', () => {
  it('names the platform, version and requirement sets, and how the last read and apply went', async () => {
    const { host } = setUp(misnumbered(10));
    expect(host.diagnostics()).toEqual({
      host: 'Word',
      platform: 'Mac',
      officeVersion: '16.0.18429.20132',
      requirementSets: [
        { name: 'WordApi 1.1', supported: true },
        { name: 'WordApi 1.3', supported: true },
        { name: 'WordApi 1.4', supported: true },
        { name: 'WordApi 1.5', supported: false },
      ],
    });
    const s = value(await host.read());
    const p = paragraphText(s.paragraphs[6]);
    value(
      await host.apply({
        title: 'Renumber',
        edits: [textEdit(6, 0, '2', '1')],
        anchors: [{ paragraph: 6, text: p }],
      }),
    );
    const d = host.diagnostics();
    expect(d.readPath).toBe('ooxml');
    expect(d.lastRead).toMatchObject({ name: 'read', roundTrips: 1, ok: true });
    expect(d.lastApply).toMatchObject({ name: 'apply', roundTrips: 3, ok: true });
    expect(d.lastError).toBeUndefined();
  });

  it("keeps the last error with Word's debugInfo", async () => {
    const { word, host } = setUp(misnumbered(10));
    value(await host.read());
    word.failOn('search', 'GeneralException');
    const s = word.snapshot();
    const p = paragraphText(s.paragraphs[6]);
    const r = await host.apply({
      title: 'Renumber',
      edits: [textEdit(6, 0, '2', '1')],
      anchors: [{ paragraph: 6, text: p }],
    });
    expect(r.ok).toBe(false);
    expect(host.diagnostics().lastError).toEqual({
      message: expect.stringMatching(/^Could not apply "Renumber": .*\[GeneralException; at search\]$/),
      code: 'GeneralException',
      debugInfo: 'at search',
    });
  });
});

describe('round trips and payload', () => {
  const big = misnumbered(2000);

  it('selects by touching one paragraph: its text, not the document', async () => {
    const { word, host } = setUp(big);
    const s = value(await host.read());
    const target = s.paragraphs.length - 2;
    const before = word.bytes;
    const offset = paragraphText(s.paragraphs[target]).indexOf('to continue');
    value(await host.select({ paragraph: target, offset, length: 11 }));
    expect(word.selection?.text).toBe('to continue');
    expect(word.bytes - before).toBeLessThan(200);
  });

  it('applies by loading only the paragraphs the plan touches', async () => {
    const { word, host } = setUp(big);
    const s = value(await host.read());
    const before = word.bytes;
    const p = paragraphText(s.paragraphs[1000]);
    value(
      await host.apply({
        title: 'Renumber',
        edits: [textEdit(1000, 0, '996', '995')],
        anchors: [{ paragraph: 1000, text: p }],
      }),
    );
    expect(word.bytes - before).toBeLessThan(400);
  });

  it('refuses a plan when a paragraph was added anywhere, though it loads only what it touches', async () => {
    const { word, host } = setUp(big);
    const s = value(await host.read());
    word.userInsert(1500, 'A note.');
    const p = paragraphText(s.paragraphs[10]);
    const r = await host.apply({
      title: 'Renumber',
      edits: [textEdit(10, 0, '6', '5')],
      anchors: [{ paragraph: 10, text: p }],
    });
    expect(r.ok ? '' : r.reason).toMatch(/^Paragraphs were added or removed/);
    expect(word.writes).toEqual([]);
  });

  it('reads the document once per pass of Fix all, even on the web where the file replaces the OOXML', async () => {
    const word = new FakeWord(fromMarkup(misnumbered(30).replace('spam', '[-old -]spam')), {
      personality: WEB,
    });
    const { host } = setUp('', word);
    let reads = 0;
    const outcome = value(
      await fixAllAsync(host, {
        read: (h) => {
          reads++;
          return h.read();
        },
        apply: async (h, plan) => {
          const r = await h.apply(plan);
          return r.ok ? ok(h) : r;
        },
      }),
    );
    expect(outcome.applied.length).toBeGreaterThan(0);
    // getOoxml is refused once; every read after that goes straight to the file: one file per pass.
    expect(word.officeDocument.files).toBe(reads);
    expect(host.diagnostics().readPath).toBe('file');
  });
});

describe('the preview describes itself too', () => {
  it('reads from its own bytes', async () => {
    const host = value(createSampleHost());
    value(await host.read());
    const d = host.diagnostics();
    expect(d).toMatchObject({ host: 'Preview', readPath: 'preview', requirementSets: [] });
    expect(d.lastRead).toMatchObject({ name: 'read', roundTrips: 0, ok: true });
  });
});
