import { ok } from '../../src/core/result';
import { readDocx, readFlatOpc } from '../../src/docx';
import { WordHost, type WordHostOptions } from '../../src/word/word-host';
import type { FakeWord } from './fake-word';

/**
 * The Word host as the pane builds it in Word, over a fake Word: Word's OOXML read through the Flat
 * OPC reader, and the whole file (getFileAsync) through the .docx reader when Word refuses the OOXML.
 */
export function hostOn(word: FakeWord, options: Partial<WordHostOptions> & { name?: string } = {}): WordHost {
  const { name = 'proposal.docx', ...rest } = options;
  return new WordHost({
    run: word.run,
    requirements: { isSetSupported: () => true },
    readOoxml: (xml) => {
      const r = readFlatOpc(xml);
      return r.ok ? ok(r.value.snapshot) : r;
    },
    file: word.officeDocument,
    readDocx: (bytes) => {
      const r = readDocx(bytes, name);
      return r.ok ? ok(r.value.snapshot) : r;
    },
    ...rest,
  });
}
