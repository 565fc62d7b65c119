import type { StyleDef, StylesReader } from './parts';

/**
 * Whether text is hidden by its styles, for a run without direct `w:vanish` (ECMA-376 Part 1,
 * §17.3.2.41 vanish, §17.7.3 toggle properties, §17.7.2 style hierarchy):
 *
 * - `w:vanish` is a toggle property. Each level of the hierarchy (paragraph style, character style)
 *   contributes one value: the first found walking the style's `w:basedOn` chain, nearest first; a
 *   level with no value contributes off. The levels combine by exclusive or, so a hidden character
 *   style over a hidden paragraph style shows its text again; the document defaults, when on, hide
 *   everything whatever the levels say. Direct formatting on the run is absolute and is decided by
 *   the body reader before it asks here. Numbering and table styles are not read: they do not carry
 *   the text of a clause.
 * - `w:specVanish` makes a run "always behave as if hidden" (§17.3.2.36): not a toggle, so the nearest
 *   value wins, character style over paragraph style over the document defaults.
 * - `w:webHidden` (§17.3.2.44) hides text only in Web layout; in print layout, which is what check and
 *   fix read, the text is visible, so it is not read at all.
 *
 * Each style's value is worked out once, at its first use; a run costs two map lookups.
 */
export class StyleVisibility {
  private readonly paragraphLevels = new Map<string, Level>();
  private readonly characterLevels = new Map<string, Level>();
  /** Nothing in styles.xml hides text: every run without direct formatting is visible. */
  private readonly none: boolean;

  constructor(private readonly styles: StylesReader) {
    const hides = (s: StyleDef) => s.vanish === true || s.specVanish === true;
    this.none =
      !styles.defaultVanish &&
      !styles.defaultSpecVanish &&
      ![...styles.styles.values()].some(hides) &&
      ![...styles.characterStyles.values()].some(hides);
  }

  /** Whether a run in a paragraph of style `paragraphStyle`, of character style `characterStyle`, is hidden. */
  hidden(paragraphStyle: string | undefined, characterStyle: string | undefined): boolean {
    if (this.none) return false;
    const s = this.styles;
    const p = levelOf(this.paragraphLevels, s.styles, paragraphStyle ?? s.defaultStyle);
    const c = levelOf(this.characterLevels, s.characterStyles, characterStyle ?? s.defaultCharacterStyle);
    if (c.specVanish ?? p.specVanish ?? s.defaultSpecVanish) return true;
    return s.defaultVanish || p.vanish !== c.vanish;
  }
}

/** What one level of the style hierarchy says: its `w:vanish` (off when unset) and `w:specVanish`. */
interface Level {
  readonly vanish: boolean;
  readonly specVanish: boolean | undefined;
}

const NO_LEVEL: Level = { vanish: false, specVanish: undefined };

function levelOf(
  memo: Map<string, Level>,
  styles: ReadonlyMap<string, StyleDef>,
  id: string | undefined,
): Level {
  if (id === undefined) return NO_LEVEL;
  let level = memo.get(id);
  if (level === undefined) {
    let vanish: boolean | undefined;
    let specVanish: boolean | undefined;
    const seen = new Set<StyleDef>();
    for (
      let st = styles.get(id);
      st && !seen.has(st) && (vanish === undefined || specVanish === undefined);
      st = st.basedOn !== undefined ? styles.get(st.basedOn) : undefined
    ) {
      seen.add(st);
      vanish ??= st.vanish;
      specVanish ??= st.specVanish;
    }
    level = { vanish: vanish === true, specVanish };
    memo.set(id, level);
  }
  return level;
}
