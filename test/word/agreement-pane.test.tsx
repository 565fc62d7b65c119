/** @jest-environment jsdom */
import './jsdom-text';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPane } from '../taskpane/ui-helpers';
import { isFixable } from '../../src/core/diagnostic';
import { check } from '../../src/core/engine';
import { readDocx } from '../../src/docx';
import { cliOf, INPUTS, inWord, removeWorkDir, value, viewOf } from './agreement';
import { PERSONALITIES } from './personalities';

// Rendering Fluent in jsdom on a busy machine is slow; a ceiling against hangs, not a timing check.
jest.setTimeout(60_000);

afterAll(removeWorkDir);

/**
 * The pane itself, rendered over the Word host and a fake Word that opened the file: the Issues tab lists
 * the findings `amend check` prints (rule and "¶ n"), and its Fix all button leaves the document
 * `amend fix` writes, with no one else's revision touched. Every input with something to fix, on Word on
 * the web, Windows and the Mac; the web's variants differ only in how the document is read, and the Word
 * door below the pane is held to the same standard on every variant in agreement.test.ts.
 */
const FIXABLE = INPUTS.filter((input) =>
  check(value(readDocx(input.bytes, input.name)).snapshot).diagnostics.some(isFixable),
);

describe.each(FIXABLE.map((input) => ({ input, name: input.name })))('$name', ({ input }) => {
  it.each(PERSONALITIES)(
    'in Word ($name): the pane lists and fixes as the command line does',
    async (variant) => {
      const { findings, fixed, remaining } = cliOf(input, undefined);
      const { word, host, opened } = inWord({ ...variant, label: variant.name, options: {} }, input);
      renderPane(host);
      const errors = findings.filter((f) => f.severity === 'error').length;
      await screen.findByText(`Errors: ${errors} · Warnings: ${findings.length - errors}`);
      const listed = () =>
        screen
          .getAllByRole('listitem')
          .filter((li) => li.hasAttribute('data-rule'))
          .map((li) => `${li.getAttribute('data-rule')} ${/¶ (\d+)/.exec(li.textContent ?? '')?.[1]}`)
          .sort();
      expect(listed()).toEqual(findings.map((f) => `${f.ruleId} ${f.paragraph}`).sort());

      const fixable = findings.filter((f) => f.fixable).length;
      await userEvent.click(screen.getByRole('button', { name: `Fix all (${fixable})` }));
      await screen.findByText(/^Fixed \d+ problems?\./);
      await waitFor(() => expect(screen.queryByRole('button', { name: /^Fix all/ })).toBeNull());
      expect(word.texts('current')).toEqual(viewOf(fixed, 'current'));
      expect(word.texts('original')).toEqual(viewOf(opened, 'original'));
      expect(word.touchedDeletions).toBe(0);
      expect(word.touchedMarks).toBe(0);
      // What the pane says is left is what the command line finds in its own output.
      const left = remaining.filter((f) => f.severity === 'error').length;
      await screen.findByText(`Errors: ${left} · Warnings: ${remaining.length - left}`);
      expect(listed()).toEqual(remaining.map((f) => `${f.ruleId} ${f.paragraph}`).sort());
    },
  );
});
