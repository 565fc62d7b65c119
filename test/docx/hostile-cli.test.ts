import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { fromMarkup } from '../../src/core/markup';
import { paragraphText } from '../../src/core/snapshot';
import { buildDocx, MAX_PACKAGE_BYTES, readDocx } from '../../src/docx';
import { editDocument } from './package-edit';

/** The command line on hostile files and file systems: devices, modes, links, a reader that goes away. */

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'amend.js');
const built = existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'));

async function amend(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

/** A proposal with one fixable finding (a comma-less revision tag). */
const FIXABLE = [
  'MOD\tAPT/44A14/1',
  'RESOLUTION 52 (Rev. [-Dubai, 2012-]{+Hammamet 2016+})',
  'Countering and combating spam',
  '(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012{+; Hammamet, 2016+})',
  'The World Telecommunication Standardization Assembly ([-Dubai, 2012-]{+Hammamet, 2016+}),',
].join('\n');

const firstLine = (file: string) => {
  const r = readDocx(new Uint8Array(readFileSync(file)), file);
  if (!r.ok) throw new Error(r.reason);
  return paragraphText(r.value.snapshot.paragraphs[1]);
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'amend-hostile-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Uint8Array = buildDocx(fromMarkup(FIXABLE))) => {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
};

test('a device (/dev/zero) is refused at once: only regular files are read', async () => {
  const r = await amend('check', '/dev/zero');
  expect(r).toEqual({
    code: 2,
    stdout: '',
    stderr: 'amend: /dev/zero: not a regular file (a device, pipe or socket); refusing it\n',
  });
});

test('a named pipe is refused without opening it (opening would wait for a writer)', async () => {
  const fifo = path.join(dir, 'pipe.docx');
  execFileSync('mkfifo', [fifo]);
  const r = await amend('check', fifo);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`amend: ${fifo}: not a regular file (a device, pipe or socket); refusing it\n`);
});

test('a file larger than a package may be is refused before it is read', async () => {
  const big = path.join(dir, 'big.docx');
  writeFileSync(big, '');
  truncateSync(big, MAX_PACKAGE_BYTES + 1);
  const r = await amend('check', big);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`amend: ${big}: larger than 256 MiB; refusing it\n`);
});

test('--in-place keeps a 0600 document 0600, and -o over an existing 0600 file too', async () => {
  const input = file('in.docx');
  chmodSync(input, 0o600);
  const out = file('out.docx');
  chmodSync(out, 0o600);
  expect((await amend('fix', input, '-o', out)).code).toBe(0);
  expect(statSync(out).mode & 0o777).toBe(0o600);
  expect(firstLine(out)).toBe('RESOLUTION 52 (Rev. Hammamet, 2016)');
  expect((await amend('fix', input, '--in-place')).code).toBe(0);
  expect(statSync(input).mode & 0o777).toBe(0o600);
  expect(firstLine(input)).toBe('RESOLUTION 52 (Rev. Hammamet, 2016)');
});

test('--in-place through a symbolic link fixes the real document and keeps the link', async () => {
  const real = file('real.docx');
  const link = path.join(dir, 'link.docx');
  symlinkSync('real.docx', link);
  expect((await amend('fix', link, '--in-place')).code).toBe(0);
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(firstLine(real)).toBe('RESOLUTION 52 (Rev. Hammamet, 2016)');
  expect(readdirSync(dir).sort()).toEqual(['link.docx', 'real.docx']);
});

test('fix on a document whose WordprocessingML prefix is not w writes it, naming no file twice', async () => {
  const xPrefixed = editDocument(buildDocx(fromMarkup(FIXABLE)), (xml) =>
    xml
      .replace(/<(\/?)w:/g, '<$1x:')
      .replace(/ w:/g, ' x:')
      .replace('xmlns:w=', 'xmlns:x='),
  );
  const input = file('x.docx', xPrefixed);
  const out = path.join(dir, 'out.docx');
  const r = await amend('fix', input, '-o', out);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('fixed');
  expect(firstLine(out)).toBe('RESOLUTION 52 (Rev. Hammamet, 2016)');
});

// The real binary, as a shell runs it: `amend fix IN -o OUT | head -1` closes the pipe early.
(built || process.env.CI ? test : test.skip)(
  'a closed stdout (EPIPE) ends fix quietly: exit 0, the output written, no temporary file',
  async () => {
    const input = file('in.docx');
    const out = path.join(dir, 'out.docx');
    const child = spawn(process.execPath, [BIN, 'fix', input, '-o', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Close the reading end before the CLI has started: every write it makes meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(firstLine(out)).toBe('RESOLUTION 52 (Rev. Hammamet, 2016)');
    expect(readdirSync(dir).sort()).toEqual(['in.docx', 'out.docx']);
  },
  30_000,
);
