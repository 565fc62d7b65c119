import fc from 'fast-check';

/**
 * Generated resolutions in markup (src/core/markup.ts): an English WTSA resolution with lettered and
 * numbered sections whose clauses carry random tracked insertions and deletions, and label errors the
 * way authors make them — a clause inserted without re-lettering the ones after it, a letter skipped,
 * a comma-less tag.
 */

const WORDS = [
  'spam',
  'networks',
  'users',
  'operators',
  'measures',
  'technical',
  'national',
  'cooperation',
  'the',
  'relevant',
  'studies',
  'security',
  'information',
  'work',
];

const words = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));

/** A clause body: plain words with some tracked insertions and deletions between them. */
const body = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: words(1, 3) },
      { weight: 1, arbitrary: words(1, 2).map((w) => `{+${w} +}`) },
      { weight: 1, arbitrary: words(1, 2).map((w) => `[-${w} -]`) },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => `that ${parts.join(' ')}`);

export type LabelError = 'none' | 'inserted-not-relettered' | 'skipped' | 'relettered';

interface SectionSpec {
  readonly count: number;
  readonly error: LabelError;
  readonly at: number;
  readonly bodies: readonly string[];
}

const section = fc
  .record({
    count: fc.integer({ min: 2, max: 6 }),
    error: fc.constantFrom<LabelError>('none', 'inserted-not-relettered', 'skipped', 'relettered'),
    at: fc.nat(),
    bodies: fc.array(body, { minLength: 7, maxLength: 7 }),
  })
  .map((s): SectionSpec => ({ ...s, at: 1 + (s.at % (s.count - 1)) }));

const letter = (i: number) => String.fromCharCode(97 + i);

/** The clause lines of a lettered section, the error applied; every item ends like a middle item (`;`) but the last (`,`). */
function clauses(s: SectionSpec, last: boolean): string[] {
  const end = (i: number, n: number) => (i === n - 1 ? (last ? '.' : ',') : ';');
  const n = s.count;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const text = `${s.bodies[i]}${end(i, n)}`;
    if (s.error === 'skipped' && i >= s.at) out.push(`${letter(i + 1)})\\t${text}`);
    else if ((s.error === 'inserted-not-relettered' || s.error === 'relettered') && i === s.at) {
      out.push(`+¶ {+${letter(i)})\\t${s.bodies[6]};+}`);
      out.push(
        s.error === 'relettered'
          ? `[-${letter(i)}-]{+${letter(i + 1)}+})\\t${text}`
          : `${letter(i)})\\t${text}`,
      );
    } else if (s.error === 'inserted-not-relettered' && i > s.at) out.push(`${letter(i)})\\t${text}`);
    else if (s.error === 'relettered' && i > s.at)
      out.push(`[-${letter(i)}-]{+${letter(i + 1)}+})\\t${text}`);
    else out.push(`${letter(i)})\\t${text}`);
  }
  return out;
}

/** A whole resolution: proposal line, tags (maybe comma-less), two lettered sections, an operative one. */
export const resolution = fc
  .record({
    considering: section,
    noting: section,
    commaless: fc.boolean(),
    reasons: fc.boolean(),
    reference: fc.boolean(),
    operative: fc.array(body, { minLength: 1, maxLength: 3 }),
  })
  .map((r) => {
    const venue = r.commaless ? 'Hammamet 2016' : 'Hammamet, 2016';
    // A cross-reference to the considering's original c): renumbering that section must carry it along.
    const noting =
      r.reference && r.considering.count >= 3
        ? {
            ...r.noting,
            bodies: [
              `${r.noting.bodies[0]} as mentioned in considering c) above`,
              ...r.noting.bodies.slice(1),
            ],
          }
        : r.noting;
    const ops = r.operative.map(
      (b, i) => `${i + 1}\\t${b.replace(/^that /, 'to ')}${i === r.operative.length - 1 ? '.' : ';'}`,
    );
    return [
      'MOD\tAPT/44A14/1',
      `RESOLUTION 52 (Rev. [-Dubai, 2012-]{+${venue}+})`,
      'Countering and combating spam',
      `(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012{+; ${venue}+})`,
      `The World Telecommunication Standardization Assembly ([-Dubai, 2012-]{+${venue}+}),`,
      'considering',
      ...clauses(r.considering, false),
      'noting',
      ...clauses(noting, false),
      'resolves',
      ...ops,
      ...(r.reasons ? ['Reasons:\tSpam grows.'] : []),
    ].join('\n');
  });
