import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { paragraphText } from '../../src/core/snapshot';
import { amend, docxFromMarkup, readSnapshot, tmpDir } from './cli-helpers';

const unmarked = `RESOLUTION 52 (Rev. [-Dubai, 2012-]{+Hammamet, 2016+})
Countering and combating spam
(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012{+; Hammamet, 2016+})
The World Telecommunication Standardization Assembly ([-Dubai, 2012-]{+Hammamet, 2016+}),
considering
a)\tthat spam is a problem,
resolves
1\tto act.`;

const paragraphs = (file: string) => readSnapshot(file).paragraphs;

describe('amend mark', () => {
  test('inserts an untracked proposal line, marker suggested, sequence taken from the series', async () => {
    const dir = tmpDir();
    const input = docxFromMarkup(unmarked, 'in.docx', dir);
    const output = path.join(dir, 'out.docx');
    const r = await amend('mark', input, '-o', output, '--id', 'APT/44A14');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [first, second] = paragraphs(output);
    expect(paragraphText(first)).toBe('MOD\tAPT/44A14/1');
    expect(first.mark).toBeUndefined();
    expect(first.runs.every((run) => run.revision === undefined)).toBe(true);
    expect(paragraphText(second)).toMatch(/^RESOLUTION 52/);
  });

  test('an explicit marker and resolution; a second mark of the same resolution is refused', async () => {
    const dir = tmpDir();
    const input = docxFromMarkup(unmarked, 'in.docx', dir);
    const output = path.join(dir, 'out.docx');
    const r = await amend(
      'mark',
      input,
      '-o',
      output,
      '--id',
      'APT/44A14/3',
      '--marker',
      '(MOD)',
      '--resolution',
      '52',
    );
    expect(r.code).toBe(0);
    expect(paragraphText(paragraphs(output)[0])).toBe('(MOD)\tAPT/44A14/3');
    const again = await amend('mark', output, '-o', path.join(dir, 'again.docx'), '--id', 'APT/44A14/4');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already has a proposal line/);
    expect(existsSync(path.join(dir, 'again.docx'))).toBe(false);
  });

  test('a malformed identifier, an unknown marker or no --id: exit 2, nothing written', async () => {
    const dir = tmpDir();
    const input = docxFromMarkup(unmarked, 'in.docx', dir);
    const output = path.join(dir, 'out.docx');
    for (const argv of [
      ['mark', input, '-o', output, '--id', 'APT 44'],
      ['mark', input, '-o', output, '--id', 'APT/44A14/1', '--marker', 'MODIF'],
      ['mark', input, '-o', output],
    ]) {
      const r = await amend(...argv);
      expect(r.code).toBe(2);
      expect(existsSync(output)).toBe(false);
    }
  });

  test('--renumber runs the identifiers 1, 2, 3 … token by token, after a mark when both are asked', async () => {
    const dir = tmpDir();
    const resolution = (n: number) => unmarked.replace('RESOLUTION 52', `RESOLUTION ${n}`);
    const input = docxFromMarkup(
      ['MOD\tAPT/44A14/2', resolution(52), 'Reasons:\tUpdate.', resolution(64), 'Reasons:\tUpdate.'].join(
        '\n',
      ),
      'in.docx',
      dir,
    );
    const output = path.join(dir, 'out.docx');
    const r = await amend(
      'mark',
      input,
      '-o',
      output,
      '--id',
      'APT/44A14/7',
      '--resolution',
      '64',
      '--renumber',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = paragraphs(output)
      .map((p) => paragraphText(p))
      .filter((t) => t.startsWith('MOD'));
    expect(lines).toEqual(['MOD\tAPT/44A14/1', 'MOD\tAPT/44A14/2']);
    // The existing identifier's sequence is a tracked one-character replacement: 2 deleted, 1 inserted.
    const first = paragraphs(output)[0];
    expect(first.runs.filter((run) => run.revision).map((run) => [run.revision!.kind, run.text])).toEqual([
      ['del', '2'],
      ['ins', '1'],
    ]);
    const only = await amend('mark', output, '-o', path.join(dir, 'again.docx'), '--renumber');
    expect(only.code).toBe(0);
    expect(only.stdout).toMatch(/nothing to change/);
  });
});
