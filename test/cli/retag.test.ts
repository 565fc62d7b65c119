import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { amend, checkJson, docxFromMarkup, markupLines, tmpDir } from './cli-helpers';

const resolution = `MOD\tAPT/44A14/1
RESOLUTION 52 (REV. DUBAI, 2012)
Countering and combating spam
(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012)
The World Telecommunication Standardization Assembly (Dubai, 2012),
considering
a)\tthat spam is a problem,
resolves
1\tto act.
Reasons:\tSpam grows.`;

describe('amend retag', () => {
  test('number line, history line and preamble name New Delhi, 2024 as tracked changes', async () => {
    const dir = tmpDir();
    const input = docxFromMarkup(resolution, 'in.docx', dir);
    const output = path.join(dir, 'out.docx');
    const r = await amend('retag', input, '-o', output, '--conference', 'WTSA-24');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/"DUBAI, 2012" → "NEW DELHI, 2024"/);
    const lines = markupLines(output);
    expect(lines[1]).toBe('RESOLUTION 52 (REV. [-DUBAI, 2012-]{+NEW DELHI, 2024+})');
    expect(lines[3]).toBe('(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012{+; New Delhi, 2024+})');
    expect(lines[4]).toBe(
      'The World Telecommunication Standardization Assembly ([-Dubai, 2012-]{+New Delhi, 2024+}),',
    );
    const check = await amend('check', output, '--conference', 'WTSA-24', '--format', 'json');
    const errors = checkJson(check.stdout).files[0].diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
  });

  test('an unknown or missing conference is a usage error and writes nothing', async () => {
    const dir = tmpDir();
    const input = docxFromMarkup(resolution, 'in.docx', dir);
    const output = path.join(dir, 'out.docx');
    for (const argv of [
      ['retag', input, '-o', output, '--conference', 'Hammamet, 2017'],
      ['retag', input, '-o', output],
      ['retag', input, '-o', input, '--conference', 'WTSA-24'],
    ]) {
      const r = await amend(...argv);
      expect(r.code).toBe(2);
      expect(existsSync(output)).toBe(false);
    }
  });
});
