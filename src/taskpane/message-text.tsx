import { makeStyles, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';

/**
 * Findings quote document text between backticks, as lint messages do ("Unexpected `h)`, expected `i)`").
 * The pane shows those quotes as inline code instead of raw backticks.
 */

/** A message cut into plain text and quoted code, in order. A lone backtick stays plain text. */
export function messageParts(message: string): { readonly text: string; readonly code: boolean }[] {
  const parts: { text: string; code: boolean }[] = [];
  let at = 0;
  for (const m of message.matchAll(/`([^`]+)`/g)) {
    if (m.index > at) parts.push({ text: message.slice(at, m.index), code: false });
    parts.push({ text: m[1], code: true });
    at = m.index + m[0].length;
  }
  if (at < message.length) parts.push({ text: message.slice(at), code: false });
  return parts;
}

/** The message without its backticks, for accessible names and tooltips, where markup cannot go. */
export function plainMessage(message: string): string {
  return messageParts(message)
    .map((p) => p.text)
    .join('');
}

const useStyles = makeStyles({
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: '0.93em',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    // Quoted text keeps its spaces and TABs visible, but may still break inside a narrow pane.
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    '@media (forced-colors: active)': {
      // System colours only: the surrounding button's text colour, a visible outline instead of a tint.
      color: 'inherit',
      backgroundColor: 'transparent',
      border: `${tokens.strokeWidthThin} solid currentColor`,
    },
  },
});

/** A finding's message with its backtick quotes shown as `<code>`. */
export function MessageText({ message }: { message: string }) {
  const styles = useStyles();
  return (
    <>
      {messageParts(message).map((p, i) =>
        p.code ? (
          // Quoted document text keeps its own direction (Arabic reads right to left) inside the message.
          <code key={i} className={styles.code} dir="auto">
            {p.text}
          </code>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
