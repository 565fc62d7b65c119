/**
 * Realistic proceedings-scale documents for benchmarks: a cover, then many proposals, each a resolution
 * with tracked changes (retagged number line, history and preamble, inserted clauses and re-lettering,
 * word-level edits), typed and automatic numbering, footnotes, citations and reasons.
 */
const SECTIONS = [
  ['recognizing', 'letter'],
  ['considering', 'letter'],
  ['noting', 'single'],
  ['resolves to instruct the relevant study groups', 'number'],
  ['instructs the Director of the Telecommunication Standardization Bureau', 'number'],
  ['invites Member States', 'single'],
] as const;

const WORDS = (
  'that the telecommunication networks of developing countries require assistance in the deployment of ' +
  'standards relating to security spam numbering quality of service conformance and interoperability ' +
  'through the work of study groups regional groups workshops and training sessions for Member States'
).split(' ');

/** A small deterministic generator, so every run measures the same documents. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const letter = (i: number) => String.fromCharCode(97 + (i % 26)).repeat(1 + Math.floor(i / 26));

/** Markup (src/core/markup.ts) of a contribution with about `paragraphs` paragraphs. */
export function generateContribution(paragraphs: number, seed = 1): string {
  const r = rng(seed);
  const sentence = (n: number) =>
    Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
  const lines: string[] = [
    'Summary:',
    '\\tThis contribution proposes amendments to resolutions of the Assembly.',
    'Introduction',
    `${sentence(40)}.`,
  ];
  let footnote = 0;
  const notes: string[] = [];
  for (let n = 1; lines.length < paragraphs; n++) {
    const resolution = 10 + n;
    lines.push(`MOD\\tAPT/44A14/${n}`);
    lines.push(`RESOLUTION ${resolution} (REV. [-DUBAI, 2012-]{+HAMMAMET, 2016+})`);
    lines.push(`Resolution on ${sentence(4)}`);
    lines.push('(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012{+; Hammamet, 2016+})');
    lines.push('The World Telecommunication Standardization Assembly ([-Dubai, 2012-]{+Hammamet, 2016+}),');
    for (const [section, [heading, kind]] of SECTIONS.entries()) {
      lines.push(`<<Call>> ${heading}`);
      if (kind === 'single') {
        lines.push(`${sentence(20)},`);
        continue;
      }
      const count = 4 + Math.floor(r() * 8);
      const automatic = kind === 'number' && r() < 0.5;
      const inserted = kind === 'letter' && r() < 0.5 ? 1 + Math.floor(r() * (count - 2)) : -1;
      for (let i = 0; i < count; i++) {
        const end = i === count - 1 ? ',' : ';';
        let body = sentence(15 + Math.floor(r() * 30));
        if (r() < 0.3) body = body.replace(/ (\w+) /, ' [-$1-]{+$1 and the relevant sectors+} ');
        if (r() < 0.1) {
          footnote++;
          body += `[^${footnote}]`;
          notes.push(`[^${footnote}]: ${sentence(12)}.`);
        }
        if (r() < 0.1) body += ' in Resolution 130 (Rev. Busan, 2014) of the Plenipotentiary Conference';
        if (automatic) {
          lines.push(`#n:${n * 10 + section}:0:${i + 1} ${body}${end}`);
        } else if (kind === 'number') {
          lines.push(`${i + 1}\\t${body}${end}`);
        } else if (i === inserted) {
          lines.push(`+¶ {+${letter(i)})\\t${body}${end}+}`);
        } else if (inserted >= 0 && i > inserted) {
          lines.push(`[-${letter(i - 1)}-]{+${letter(i)}+})\\t${body}${end}`);
        } else {
          lines.push(`${letter(i)})\\t${body}${end}`);
        }
      }
    }
    lines[lines.length - 1] = lines[lines.length - 1].replace(/,$/, '.');
    lines.push(`Reasons:\\t${sentence(25)}.`);
  }
  return [...lines, ...notes].join('\n');
}
