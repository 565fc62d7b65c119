import type { Body, Language } from './conferences';

export type { Language } from './conferences';
export const LANGUAGES: readonly Language[] = ['en', 'fr', 'es', 'ru', 'ar', 'zh'];
/** Each language's name, for messages in English. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  fr: 'French',
  es: 'Spanish',
  ru: 'Russian',
  ar: 'Arabic',
  zh: 'Chinese',
};

/**
 * Section headings by canonical (English) key. A heading may go on to name an addressee
 * ("instructs the Director of …"), so headings are matched as a prefix ending at a word boundary,
 * longest first. Forms the domain reference marks unverified are accepted all the same.
 */
export const HEADINGS: Record<Language, Record<string, readonly string[]>> = {
  en: {
    recognizing: ['recognizing', 'recognising'],
    'recognizing further': ['recognizing further', 'recognizing also', 'further recognizing'],
    considering: ['considering'],
    'considering further': ['considering further', 'considering also', 'further considering'],
    noting: ['noting'],
    'noting further': ['noting further', 'noting also', 'further noting'],
    recalling: ['recalling'],
    'recalling further': ['recalling further', 'recalling also'],
    'bearing in mind': ['bearing in mind'],
    emphasizing: ['emphasizing', 'emphasising'],
    'taking into account': ['taking into account'],
    'having regard': ['having regard'],
    observing: ['observing'],
    resolves: ['resolves'],
    'resolves further': ['resolves further', 'further resolves'],
    'resolves to instruct': ['resolves to instruct'],
    instructs: ['instructs'],
    'further instructs': ['further instructs', 'instructs further'],
    invites: ['invites'],
    'further invites': ['further invites', 'invites further'],
    requests: ['requests'],
    'further requests': ['further requests'],
    encourages: ['encourages'],
    urges: ['urges'],
    decides: ['decides'],
  },
  fr: {
    recognizing: ['reconnaissant'],
    'recognizing further': ['reconnaissant en outre', 'reconnaissant également', 'reconnaissant aussi'],
    considering: ['considérant'],
    'considering further': ['considérant en outre', 'considérant également'],
    noting: ['notant'],
    'noting further': ['notant en outre', 'notant également'],
    recalling: ['rappelant'],
    'bearing in mind': ["ayant à l'esprit", 'ayant à l’esprit'],
    'taking into account': ['tenant compte'],
    resolves: ['décide'],
    'resolves further': ['décide en outre'],
    'resolves to instruct': ['décide de charger'],
    instructs: ['charge'],
    'further instructs': ['charge en outre'],
    invites: ['invite'],
    'further invites': ['invite en outre'],
    requests: ['prie'],
    encourages: ['encourage'],
    urges: ['demande instamment'],
  },
  es: {
    recognizing: ['reconociendo'],
    'recognizing further': ['reconociendo además', 'reconociendo asimismo'],
    considering: ['considerando'],
    'considering further': ['considerando además', 'considerando asimismo'],
    noting: ['observando', 'tomando nota'],
    'noting further': ['observando además'],
    recalling: ['recordando'],
    'bearing in mind': ['teniendo en cuenta'],
    resolves: ['resuelve'],
    'resolves further': ['resuelve además'],
    'resolves to instruct': ['resuelve encargar'],
    instructs: ['encarga'],
    'further instructs': ['encarga además'],
    invites: ['invita'],
    'further invites': ['invita además'],
    requests: ['pide'],
    encourages: ['alienta'],
    urges: ['insta'],
  },
  ru: {
    recognizing: ['признавая'],
    'recognizing further': ['признавая далее', 'признавая также'],
    considering: ['учитывая'],
    'considering further': ['учитывая далее', 'учитывая также'],
    noting: ['отмечая'],
    recalling: ['напоминая'],
    'bearing in mind': ['принимая во внимание'],
    resolves: ['решает'],
    instructs: ['поручает'],
    invites: ['предлагает'],
    requests: ['просит'],
  },
  ar: {
    recognizing: ['وإذ يعترف', 'إذ يعترف'],
    considering: ['وإذ يضع في اعتباره', 'إذ يضع في اعتباره'],
    noting: ['وإذ يلاحظ', 'إذ يلاحظ'],
    recalling: ['إذ يذكّر', 'وإذ يذكّر', 'إذ يذكر'],
    resolves: ['يقرر'],
    instructs: ['يكلف'],
    invites: ['يدعو'],
  },
  zh: {
    recognizing: ['认识到'],
    considering: ['考虑到'],
    noting: ['注意到'],
    recalling: ['忆及'],
    resolves: ['做出决议', '作出决议'],
    instructs: ['责成'],
    invites: ['请'],
  },
};

/** The word that opens a resolution's number line. */
export const RESOLUTION_WORD: Record<Language, readonly string[]> = {
  en: ['RESOLUTION'],
  fr: ['RÉSOLUTION', 'RESOLUTION'],
  es: ['RESOLUCIÓN', 'RESOLUCION'],
  ru: ['РЕЗОЛЮЦИЯ'],
  ar: ['القرار'],
  zh: ['决议'],
};

/**
 * The number line of a draft new resolution, before its placeholder (`DRAFT NEW RESOLUTION [APT-1]`):
 * what an ADD skeleton writes and the parser reads. Russian puts the word in the genitive.
 */
export const DRAFT_NEW_RESOLUTION: Partial<Record<Language, string>> = {
  en: 'DRAFT NEW RESOLUTION',
  fr: 'PROJET DE NOUVELLE RÉSOLUTION',
  es: 'PROYECTO DE NUEVA RESOLUCIÓN',
  ru: 'ПРОЕКТ НОВОЙ РЕЗОЛЮЦИИ',
};

/** What marks a revised text inside a tag: `(Rev. …)`. Written form first. */
export const REVISED_WORD: Record<Language, readonly string[]> = {
  en: ['Rev.'],
  fr: ['Rév.'],
  es: ['Rev.'],
  ru: ['Пересм.'],
  ar: ['المراجَع في', 'المراجع في'],
  zh: ['修订版'],
};

/** The label opening a reasons paragraph. The first form is the one Amend writes. */
export const REASONS_LABEL: Record<Language, readonly string[]> = {
  en: ['Reasons:', 'Reason:'],
  fr: ['Motifs:', 'Motifs :', 'Motif:'],
  es: ['Motivos:', 'Motivo:'],
  ru: ['Основания:', 'Основание:'],
  ar: ['الأسباب:'],
  zh: ['理由：', '理由:'],
};

/** The preamble's body name by language (the conference follows in parentheses). */
export const BODY_NAMES: Record<Language, Partial<Record<Body, string>>> = {
  en: {
    WTSA: 'The World Telecommunication Standardization Assembly',
    PP: 'The Plenipotentiary Conference of the International Telecommunication Union',
    WTDC: 'The World Telecommunication Development Conference',
    WRC: 'The World Radiocommunication Conference',
    RA: 'The Radiocommunication Assembly',
  },
  fr: {
    WTSA: "L'Assemblée mondiale de normalisation des télécommunications",
    PP: "La Conférence de plénipotentiaires de l'Union internationale des télécommunications",
    WTDC: 'La Conférence mondiale de développement des télécommunications',
    WRC: 'La Conférence mondiale des radiocommunications',
    RA: "L'Assemblée des radiocommunications",
  },
  es: {
    WTSA: 'La Asamblea Mundial de Normalización de las Telecomunicaciones',
    PP: 'La Conferencia de Plenipotenciarios de la Unión Internacional de Telecomunicaciones',
    WTDC: 'La Conferencia Mundial de Desarrollo de las Telecomunicaciones',
    WRC: 'La Conferencia Mundial de Radiocomunicaciones',
    RA: 'La Asamblea de Radiocomunicaciones',
  },
  // Russian and Chinese names as ITU's Final Acts give them (unverified in contributions); Arabic
  // preambles open with `إن` and are told by BODY_KEYWORDS.
  ru: {
    WTSA: 'Всемирная ассамблея по стандартизации электросвязи',
    PP: 'Полномочная конференция Международного союза электросвязи',
    WTDC: 'Всемирная конференция по развитию электросвязи',
    WRC: 'Всемирная конференция радиосвязи',
    RA: 'Ассамблея радиосвязи',
  },
  ar: {},
  zh: {
    WTSA: '世界电信标准化全会',
    PP: '国际电信联盟全权代表大会',
    WTDC: '世界电信发展大会',
    WRC: '世界无线电通信大会',
    RA: '无线电通信全会',
  },
};

/** What a list mark says: another item follows, the section ends, the resolution ends, sub-items follow. */
export type ListMarkRole = 'item' | 'last' | 'end' | 'introduces';

/**
 * The marks that close list items in each language: `; , . :` in Latin and Cyrillic scripts, full-width
 * `；，。：` in Chinese, `؛ ، .` and `:` in Arabic. A fix writes only the document language's marks.
 */
export const LIST_MARKS: Record<Language, Record<ListMarkRole, string>> = {
  en: { item: ';', last: ',', end: '.', introduces: ':' },
  fr: { item: ';', last: ',', end: '.', introduces: ':' },
  es: { item: ';', last: ',', end: '.', introduces: ':' },
  ru: { item: ';', last: ',', end: '.', introduces: ':' },
  ar: { item: '؛', last: '،', end: '.', introduces: ':' },
  zh: { item: '；', last: '，', end: '。', introduces: '：' },
};

/** What a closing mark of any script says. */
export const LIST_MARK_ROLE: Readonly<Record<string, ListMarkRole>> = {
  ';': 'item',
  '；': 'item',
  '؛': 'item',
  ',': 'last',
  '，': 'last',
  '،': 'last',
  '.': 'end',
  '。': 'end',
  ':': 'introduces',
  '：': 'introduces',
};

/** Markers a proposal line may carry. Symbols are never translated. */
export const MARKERS = ['MOD', '(MOD)', 'ADD', 'ADD*', 'SUP', 'SUP*', 'NOC'] as const;
export type Marker = (typeof MARKERS)[number];

/**
 * Words that tell which body adopted a text, read in its preamble when the full body name (BODY_NAMES)
 * is not there: the standardization assembly is WTSA whatever the wording. Russian, Arabic and Chinese
 * forms follow ITU's published names and are unverified in contributions.
 */
export const BODY_KEYWORDS: readonly { readonly body: Body; readonly pattern: RegExp }[] = [
  {
    body: 'WTSA',
    pattern: /standardi[sz]ation|normalisation|normalizaci[oó]n|стандартизации|لتقييس|标准化/iu,
  },
  {
    body: 'PP',
    pattern: /plenipotentiar|plénipotentiaires|plenipotenciarios|полномочных|المندوبين المفوضين|全权代表/iu,
  },
  {
    body: 'WTDC',
    pattern:
      /development conference|développement des télécommunications|desarrollo de las telecomunicaciones|развитию электросвязи|لتنمية الاتصالات|电信发展/iu,
  },
  {
    body: 'RA',
    pattern:
      /radiocommunication assembly|assemblée des radiocommunications|asamblea de radiocomunicaciones|ассамблея радиосвязи|للاتصالات الراديوية.*جمعية|无线电通信全会/iu,
  },
  {
    body: 'WRC',
    pattern:
      /radiocommunication conference|conférence mondiale des radiocommunications|conferencia mundial de radiocomunicaciones|конференция радиосвязи|المؤتمر العالمي للاتصالات الراديوية|无线电通信大会/iu,
  },
];

/** The body a preamble names, from its full name first, then from its keywords; null when none. */
export function bodyOfPreamble(text: string, language: Language): Body | null {
  const folded = text.replace(/[’`]/g, "'").trim().toLowerCase();
  for (const [body, name] of Object.entries(BODY_NAMES[language]))
    if (name && folded.startsWith(name.toLowerCase())) return body as Body;
  return BODY_KEYWORDS.find((k) => k.pattern.test(text))?.body ?? null;
}
