import { check } from '../../../src/core/engine';
import { fromMarkup } from '../../../src/core/markup';

/** The conference check() infers for a document (inference runs when no conference is given). */
const inferred = (markup: string): string | null =>
  check(fromMarkup(markup), { rules: [] }).conference?.short[0] ?? null;

describe('inferConference', () => {
  test('the new tags of a MOD name the target: Hammamet 2016 is WTSA-16', () => {
    expect(
      inferred(`MOD\tAPT/44A14/1
RESOLUTION 52 (Rev. [-Dubai, 2012-]{+Hammamet, 2016+})
Countering and combating spam
(Florianópolis, 2004; Johannesburg, 2008; Dubai, 2012{+; Hammamet, 2016+})
The World Telecommunication Standardization Assembly ([-Dubai, 2012-]{+Hammamet, 2016+}),
recognizing
a)\tthe basic instruments of ITU.`),
    ).toBe('WTSA-16');
  });

  test('Dubai 2012 under a WTSA preamble is WTSA-12, not WRC-12', () => {
    expect(
      inferred(`MOD\tAPT/44A14/1
RÉSOLUTION 52 (Rév. Dubaï, 2012)
Lutter contre le spam
(Florianópolis, 2004; Johannesburg, 2008; Dubaï, 2012)
L'Assemblée mondiale de normalisation des télécommunications (Dubaï, 2012),
reconnaissant
a)\tles dispositions.`),
    ).toBe('WTSA-12');
  });

  test('Dubai under a Plenipotentiary preamble is PP-18; the newest venue named wins over a stale one', () => {
    expect(
      inferred(`MOD\tB/1/1
RESOLUTION 130 (Rev. Busan, 2014)
Strengthening the role of ITU
(Kyoto, 1994; Busan, 2014; Dubai, 2018)
The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),
recognizing
a)\tthe basic instruments of ITU.`),
    ).toBe('PP-18');
  });

  test('nothing names a conference: null', () => {
    expect(inferred(`Countering spam\nrecognizing\na)\tsomething.`)).toBeNull();
  });
});
