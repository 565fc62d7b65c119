import type { SaxesTagNS } from 'saxes';
import { anyAttr, isOn, isW, wAttr, type XmlSink } from './xml';

/**
 * A reader of a small part: WordprocessingML elements only, with whole subtrees skipped on request
 * (superseded properties, drawings…).
 */
abstract class PartReader implements XmlSink {
  private skipping = 0;

  open(tag: SaxesTagNS): void {
    if (this.skipping > 0) this.skipping++;
    else if (isW(tag.uri)) this.element(tag);
  }

  close(tag: SaxesTagNS): void {
    if (this.skipping > 0) this.skipping--;
    else if (isW(tag.uri)) this.end(tag);
  }

  text(t: string): void {
    if (this.skipping === 0) this.characters(t);
  }

  /** Ignore the element just opened and everything in it. */
  protected skip(): void {
    this.skipping = 1;
  }

  protected abstract element(tag: SaxesTagNS): void;
  protected end(_tag: SaxesTagNS): void {}
  protected characters(_text: string): void {}
}

/** A paragraph or character style as styles.xml defines it. */
export interface StyleDef {
  readonly id: string;
  name?: string;
  basedOn?: string;
  italic?: boolean;
  /** `w:rPr/w:vanish` of the style itself (a toggle property: see styles-hidden.ts). */
  vanish?: boolean;
  /** `w:rPr/w:specVanish` of the style itself. */
  specVanish?: boolean;
  numId?: string;
  ilvl?: number;
}

/**
 * styles.xml: paragraph styles with their name, parent, italic, hidden text and numbering; character
 * styles with their parent and hidden text.
 */
export class StylesReader extends PartReader {
  readonly styles = new Map<string, StyleDef>();
  /** Character styles (`w:rStyle`), apart: a paragraph's style is never one of them. */
  readonly characterStyles = new Map<string, StyleDef>();
  /** The style a paragraph without `w:pStyle` has. */
  defaultStyle?: string;
  /** The style a run without `w:rStyle` has. */
  defaultCharacterStyle?: string;
  /** `w:docDefaults` run italic. */
  defaultItalic = false;
  /** `w:docDefaults` run `w:vanish` and `w:specVanish`. */
  defaultVanish = false;
  defaultSpecVanish = false;
  private style: StyleDef | null = null;
  private inDefaults = false;

  protected element(tag: SaxesTagNS): void {
    switch (tag.local) {
      case 'docDefaults':
        this.inDefaults = true;
        return;
      case 'style': {
        const type = wAttr(tag, 'type');
        if (type !== 'paragraph' && type !== 'character') {
          this.skip();
          return;
        }
        this.style = { id: wAttr(tag, 'styleId') ?? '' };
        const isDefault = onValue(wAttr(tag, 'default'));
        if (type === 'paragraph') {
          this.styles.set(this.style.id, this.style);
          if (isDefault) this.defaultStyle = this.style.id;
        } else {
          this.characterStyles.set(this.style.id, this.style);
          if (isDefault) this.defaultCharacterStyle = this.style.id;
        }
        return;
      }
      case 'rPrChange':
      case 'pPrChange':
        this.skip();
        return;
      case 'i':
        if (this.style) this.style.italic = isOn(tag);
        else if (this.inDefaults) this.defaultItalic = isOn(tag);
        return;
      case 'vanish':
        if (this.style) this.style.vanish = isOn(tag);
        else if (this.inDefaults) this.defaultVanish = isOn(tag);
        return;
      case 'specVanish':
        if (this.style) this.style.specVanish = isOn(tag);
        else if (this.inDefaults) this.defaultSpecVanish = isOn(tag);
        return;
    }
    const s = this.style;
    if (!s) return;
    if (tag.local === 'name') s.name = wAttr(tag, 'val');
    else if (tag.local === 'basedOn') s.basedOn = wAttr(tag, 'val');
    else if (tag.local === 'numId') s.numId = wAttr(tag, 'val');
    else if (tag.local === 'ilvl') s.ilvl = Number(wAttr(tag, 'val') ?? 0);
  }

  protected override end(tag: SaxesTagNS): void {
    if (tag.local === 'style') this.style = null;
    else if (tag.local === 'docDefaults') this.inDefaults = false;
  }
}

const onValue = (v: string | undefined) => v === '1' || v === 'true' || v === 'on';

/** One level of a list definition. */
export interface LevelDef {
  start?: number;
  numFmt?: string;
  lvlText?: string;
  /** `w:lvlRestart`: 0 never restarts; n restarts when a level above n (1-based) is used. */
  restart?: number;
  isLgl?: boolean;
}

export interface AbstractNumDef {
  readonly levels: Map<number, LevelDef>;
  /** `w:numStyleLink`: the definition lives in the numbering of that style. */
  numStyleLink?: string;
}

export interface NumDef {
  abstractId?: string;
  readonly overrides: Map<number, { start?: number; level?: LevelDef }>;
}

/** numbering.xml: abstract list definitions and the list instances that use them. */
export class NumberingReader extends PartReader {
  readonly abstracts = new Map<string, AbstractNumDef>();
  readonly nums = new Map<string, NumDef>();
  private abstract: AbstractNumDef | null = null;
  private num: NumDef | null = null;
  private override: { start?: number; level?: LevelDef } | null = null;
  private level: LevelDef | null = null;

  protected element(tag: SaxesTagNS): void {
    const val = () => wAttr(tag, 'val');
    switch (tag.local) {
      case 'abstractNum':
        this.abstract = { levels: new Map() };
        this.abstracts.set(wAttr(tag, 'abstractNumId') ?? '', this.abstract);
        return;
      case 'num':
        this.num = { overrides: new Map() };
        this.nums.set(wAttr(tag, 'numId') ?? '', this.num);
        return;
      case 'abstractNumId':
        if (this.num) this.num.abstractId = val();
        return;
      case 'lvlOverride':
        if (this.num) {
          this.override = {};
          this.num.overrides.set(Number(wAttr(tag, 'ilvl') ?? 0), this.override);
        }
        return;
      case 'startOverride':
        if (this.override) this.override.start = Number(val() ?? 0);
        return;
      case 'numStyleLink':
        if (this.abstract) this.abstract.numStyleLink = val();
        return;
      case 'lvl': {
        this.level = {};
        const ilvl = Number(wAttr(tag, 'ilvl') ?? 0);
        if (this.override) this.override.level = this.level;
        else this.abstract?.levels.set(ilvl, this.level);
        return;
      }
      case 'pPr':
      case 'rPr':
        this.skip();
        return;
    }
    const l = this.level;
    if (!l) return;
    if (tag.local === 'start') l.start = Number(val() ?? 0);
    else if (tag.local === 'numFmt') l.numFmt = val();
    else if (tag.local === 'lvlText') l.lvlText = val() ?? '';
    else if (tag.local === 'lvlRestart') l.restart = Number(val() ?? 0);
    else if (tag.local === 'isLgl') l.isLgl = isOn(tag);
  }

  protected override end(tag: SaxesTagNS): void {
    if (tag.local === 'lvl') this.level = null;
    else if (tag.local === 'lvlOverride') this.override = null;
    else if (tag.local === 'num') this.num = null;
    else if (tag.local === 'abstractNum') this.abstract = null;
  }
}

/** footnotes.xml: the text of each real footnote (separators left out), paragraphs joined by `\n`. */
export class FootnotesReader extends PartReader {
  readonly notes: Record<string, string> = {};
  maxId = 0;
  private id: string | null = null;
  private paragraphs: string[] = [];
  private current = '';
  private inText = false;

  protected element(tag: SaxesTagNS): void {
    switch (tag.local) {
      case 'footnote':
        this.id = wAttr(tag, 'type') && wAttr(tag, 'type') !== 'normal' ? null : (wAttr(tag, 'id') ?? null);
        this.paragraphs = [];
        return;
      case 'ins':
      case 'del':
      case 'moveFrom':
      case 'moveTo': {
        const id = Number(wAttr(tag, 'id'));
        if (id > this.maxId) this.maxId = id;
        return;
      }
      case 'p':
        this.current = '';
        return;
      case 't':
        this.inText = true;
        return;
      case 'tab':
        this.current += '\t';
        return;
      case 'br':
      case 'cr':
        this.current += '\n';
        return;
      case 'drawing':
      case 'pict':
      case 'instrText':
      case 'pPr':
      case 'rPr':
        this.skip();
        return;
    }
  }

  protected override end(tag: SaxesTagNS): void {
    if (tag.local === 't') this.inText = false;
    else if (tag.local === 'p') this.paragraphs.push(this.current);
    else if (tag.local === 'footnote' && this.id !== null)
      this.notes[this.id] = this.paragraphs.join('\n').trim();
  }

  protected override characters(t: string): void {
    if (this.inText && this.id !== null) this.current += t;
  }
}

/** [Content_Types].xml overrides: part name (without leading slash) → content type. */
export class ContentTypesReader implements XmlSink {
  readonly overrides = new Map<string, string>();

  open(tag: SaxesTagNS): void {
    if (tag.local !== 'Override') return;
    const part = anyAttr(tag, 'PartName');
    const type = anyAttr(tag, 'ContentType');
    if (part && type) this.overrides.set(part.replace(/^\//, ''), type);
  }

  close(): void {}
  text(): void {}
}

/** The parts the reader needs, by content type. */
export type PartRole = 'document' | 'styles' | 'numbering' | 'footnotes';

/** Which part a content type names, ignoring the glossary document's own copies. */
export function roleOf(contentType: string, partName: string): PartRole | undefined {
  if (/(^|\/)glossary\//i.test(partName)) return undefined;
  if (/(wordprocessingml|ms-word)\..*main\+xml$/.test(contentType)) return 'document';
  if (contentType.endsWith('wordprocessingml.styles+xml')) return 'styles';
  if (contentType.endsWith('wordprocessingml.numbering+xml')) return 'numbering';
  if (contentType.endsWith('wordprocessingml.footnotes+xml')) return 'footnotes';
  return undefined;
}
