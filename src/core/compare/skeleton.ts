import type { Conference, Language } from '../conferences';
import { firstValue, labelToken, type Script } from '../labels';
import { BODY_NAMES, DRAFT_NEW_RESOLUTION, HEADINGS, REASONS_LABEL } from '../lexicon';
import { fail, ok, type Result } from '../result';
import { formatPreambleTag } from '../tags';

/** What a line of a draft new resolution is, so a writer can shape it like the same line of an existing text. */
export type SkeletonRole = 'proposal' | 'number' | 'title' | 'preamble' | 'heading' | 'item' | 'reasons';

export interface SkeletonLine {
  readonly role: SkeletonRole;
  readonly text: string;
}

const TITLE: Partial<Record<Language, string>> = {
  en: '[Title]',
  fr: '[Titre]',
  es: '[Título]',
  ru: '[Название]',
};

/** The usual sections of a resolution, preambular then operative. */
const SECTIONS = ['recognizing', 'considering', 'noting', 'resolves', 'instructs', 'invites'] as const;

/** The operative sections, whose items are numbered 1, 2 …; the preambular ones are lettered a), b) …. */
const OPERATIVE = new Set<string>(['resolves', 'instructs', 'invites']);

/** The letters of a Russian text are Cyrillic (`а)`), of an Arabic one Arabic (`أ)`). */
const SCRIPT: Partial<Record<Language, Script>> = { ru: 'cyrillic', ar: 'arabic' };

/** The label of a section's first item: `a)`, `а)`, `أ)` in the preambular part, `1` in the operative part. */
function firstLabel(section: string, language: Language): string {
  if (OPERATIVE.has(section)) return '1';
  const script = SCRIPT[language];
  return `${labelToken('letter', { ...firstValue('letter'), ...(script ? { script } : {}) })})`;
}

/**
 * The skeleton of a draft new resolution (`ADD`) in a language: proposal line, `DRAFT NEW RESOLUTION
 * [APT-1]` (the bracketed placeholder is the submitter and 1), a title to write, the preamble naming
 * the target conference, the usual section headings each with an item to write, and the reasons label.
 */
export function draftSkeleton(
  language: Language,
  conference: Conference,
  marker: string,
  id: string,
): Result<SkeletonLine[]> {
  const draft = DRAFT_NEW_RESOLUTION[language];
  const body = BODY_NAMES[language][conference.body];
  if (draft === undefined || body === undefined)
    return fail(
      `Amend has no wording for a draft new resolution of ${conference.body} in this language (${language})`,
    );
  const submitter = id.split('/')[0];
  const lines: SkeletonLine[] = [
    { role: 'proposal', text: `${marker}\t${id}` },
    { role: 'number', text: `${draft} [${submitter}-1]` },
    { role: 'title', text: TITLE[language] ?? '[…]' },
    { role: 'preamble', text: `${body} ${formatPreambleTag(conference, language)},` },
  ];
  SECTIONS.forEach((key, i) => {
    const heading = HEADINGS[language][key]?.[0];
    if (heading === undefined) return;
    lines.push({ role: 'heading', text: heading });
    // Each section's items start again at a) (1 in the operative part), typed as ITU texts type them.
    lines.push({
      role: 'item',
      text: `${firstLabel(key, language)}\t${i === SECTIONS.length - 1 ? '….' : '…,'}`,
    });
  });
  lines.push({ role: 'reasons', text: `${REASONS_LABEL[language][0]}\t` });
  return ok(lines);
}
