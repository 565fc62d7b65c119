import { formatProposalId, parseProposalId } from '../../../src/core/identifier';
import { follows, labelAt, labelIndex, labelToken, labelValue, nextValue } from '../../../src/core/labels';

describe('proposal identifiers', () => {
  test.each([
    ['APT/44A14/1', { submitter: 'APT', document: '44', addendum: '14', sequence: 1, sequenceText: '1' }],
    ['SEN/56/1', { submitter: 'SEN', document: '56', sequence: 1 }],
    ['ACP/12/01', { submitter: 'ACP', document: '12', sequence: 1, sequenceText: '01' }],
    ['EUR/XX/1', { submitter: 'EUR', document: 'XX', sequence: 1 }],
    ['B/CAN/CLM/USA/12/3', { submitter: 'B/CAN/CLM/USA', document: '12', sequence: 3 }],
  ])('%s', (text, expected) => {
    const id = parseProposalId(` ${text}\t`);
    expect(id).toMatchObject({ text, ...expected });
    expect(formatProposalId(id!)).toBe(text);
  });
  test.each(['APT/44A14', 'apt/44/1', 'APT 44 1', 'APT/44/0', 'APT/44/x', ''])('rejects %p', (text) => {
    expect(parseProposalId(text)).toBeNull();
  });
  test('formats without sequence text or addendum', () => {
    expect(formatProposalId({ submitter: 'USA', document: '7', sequence: 12 })).toBe('USA/7/12');
    expect(
      formatProposalId({ submitter: 'USA', document: '7', addendum: '2', sequence: 3, sequenceText: '03' }),
    ).toBe('USA/7A2/03');
  });
});

describe('label sequences', () => {
  const next = (kind: 'letter' | 'roman' | 'number', token: string) =>
    labelToken(kind, nextValue(labelValue(kind, token)!));
  test('next labels', () => {
    expect(next('letter', 'h')).toBe('i');
    expect(next('letter', 'z')).toBe('aa');
    expect(next('letter', 'aa')).toBe('bb');
    expect(next('letter', 'bbis')).toBe('c');
    expect(next('roman', 'iv')).toBe('v');
    expect(next('roman', 'xxxviii')).toBe('xxxix');
    expect(next('number', '9')).toBe('10');
  });
  test('bis and ter sit between their base and the next label', () => {
    const v = (t: string) => labelValue('letter', t)!;
    expect(follows(v('b'), v('bbis'))).toBe(true);
    expect(follows(v('bbis'), v('bter'))).toBe(true);
    expect(follows(v('bter'), v('c'))).toBe(true);
    expect(follows(v('b'), v('bter'))).toBe(false);
    expect(follows(v('b'), v('d'))).toBe(false);
    expect(follows(v('c'), v('c'))).toBe(false);
  });
  test('invalid tokens', () => {
    expect(labelValue('letter', 'ab')).toBeNull();
    expect(labelValue('letter', 'bis')).toBeNull();
    expect(labelValue('roman', 'iiii')).toBeNull();
    expect(labelValue('roman', 'c')).toBeNull();
    expect(labelValue('number', '0')).toBeNull();
  });
  test('label and index round-trip', () => {
    for (const kind of ['letter', 'roman', 'number'] as const)
      for (let i = 0; i < 39; i++) expect(labelIndex(kind, labelAt(kind, i))).toBe(i);
    expect(labelAt('letter', 8)).toBe('i');
    expect(labelIndex('roman', 'iii')).toBe(2);
  });
});
