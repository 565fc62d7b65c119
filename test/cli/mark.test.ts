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
});
