import { makeStyles } from '@fluentui/react-components';
import { forwardRef } from 'react';

const useStyles = makeStyles({ hidden: { display: 'none' } });

const DOCX = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The hidden file input behind a "Choose a .docx" button: the button calls `click()` on it through the
 * ref, and the picked file comes back as bytes. Choosing the same file again fires again.
 */
export const DocxInput = forwardRef<
  HTMLInputElement,
  {
    onFile: (bytes: Uint8Array, name: string) => void;
    testId?: string;
    /** What the picker offers; a Word document unless said otherwise. */
    accept?: string;
  }
>(function DocxInput({ onFile, testId, accept = DOCX }, ref) {
  const styles = useStyles();
  return (
    <input
      ref={ref}
      type="file"
      accept={accept}
      className={styles.hidden}
      aria-hidden="true"
      tabIndex={-1}
      data-testid={testId}
      onChange={(e) => {
        const picked = e.target.files?.[0];
        e.target.value = '';
        if (picked) void picked.arrayBuffer().then((b) => onFile(new Uint8Array(b), picked.name));
      }}
    />
  );
});
