import { fail, ok, type Result } from './result';

/** The ITU bodies whose texts Amend reads. */
export type Body = 'WTSA' | 'PP' | 'WTDC' | 'WRC' | 'RA';

export interface Conference {
  readonly body: Body;
  /** Canonical English city name, as in the Final Acts. */
  readonly city: string;
  readonly year: number;
  /** Short names users type: `WTSA-24`, `PP-22`; the first is the usual one. */
  readonly short: readonly string[];
}

const c = (body: Body, city: string, year: number, ...extra: string[]): Conference => ({
  body,
  city,
  year,
  short: [`${body}-${String(year).slice(2)}`, ...extra],
});

/** Every conference whose venue and year may appear in a revision tag. */
export const CONFERENCES: readonly Conference[] = [
  c('WTSA', 'Helsinki', 1993, 'WTSC-93'),
  c('WTSA', 'Geneva', 1996, 'WTSC-96'),
  c('WTSA', 'Montreal', 2000),
  c('WTSA', 'Florianópolis', 2004),
  c('WTSA', 'Johannesburg', 2008),
  c('WTSA', 'Dubai', 2012),
  c('WTSA', 'Hammamet', 2016),
  { body: 'WTSA', city: 'Geneva', year: 2022, short: ['WTSA-20', 'WTSA-22'] },
  c('WTSA', 'New Delhi', 2024),
  c('PP', 'Nice', 1989),
  c('PP', 'Geneva', 1992, 'APP-92'),
  c('PP', 'Kyoto', 1994),
  c('PP', 'Minneapolis', 1998),
  c('PP', 'Marrakesh', 2002),
  c('PP', 'Antalya', 2006),
  c('PP', 'Guadalajara', 2010),
  c('PP', 'Busan', 2014),
  c('PP', 'Dubai', 2018),
  c('PP', 'Bucharest', 2022),
  c('WTDC', 'Buenos Aires', 1994),
  c('WTDC', 'Valletta', 1998),
  c('WTDC', 'Istanbul', 2002),
  c('WTDC', 'Doha', 2006),
  c('WTDC', 'Hyderabad', 2010),
  c('WTDC', 'Dubai', 2014),
  c('WTDC', 'Buenos Aires', 2017),
  c('WTDC', 'Kigali', 2022),
  c('WRC', 'Geneva', 1995),
  c('WRC', 'Geneva', 1997),
  c('WRC', 'Istanbul', 2000),
  c('WRC', 'Geneva', 2003),
  c('WRC', 'Geneva', 2007),
  c('WRC', 'Geneva', 2012),
  c('WRC', 'Geneva', 2015),
  c('WRC', 'Sharm el-Sheikh', 2019),
  c('WRC', 'Dubai', 2023),
  c('RA', 'Geneva', 1995),
  c('RA', 'Geneva', 1997),
  c('RA', 'Istanbul', 2000),
  c('RA', 'Geneva', 2003),
  c('RA', 'Geneva', 2007),
  c('RA', 'Geneva', 2012),
  c('RA', 'Geneva', 2015),
  c('RA', 'Sharm el-Sheikh', 2019),
  c('RA', 'Dubai', 2023),
];

export type Language = 'en' | 'fr' | 'es' | 'ru' | 'ar' | 'zh';

/**
 * City names as ITU texts write them in each language (English is the canonical name).
 * Names marked unverified in the domain reference are accepted when reading but never written.
 */
const CITY_NAMES: Record<string, Partial<Record<Language, string>>> = {
  Geneva: { fr: 'Genève', es: 'Ginebra', ru: 'Женева', ar: 'جنيف', zh: '日内瓦' },
  Dubai: { fr: 'Dubaï', es: 'Dubái', ru: 'Дубай', ar: 'دبي', zh: '迪拜' },
  Busan: { es: 'Busán', ru: 'Пусан', ar: 'بوسان', zh: '釜山' },
  Istanbul: { es: 'Estambul' },
  Marrakesh: { es: 'Marrakech' },
  Guadalajara: { ru: 'Гвадалахара' },
  Antalya: { ru: 'Анталия' },
  'Buenos Aires': { ru: 'Буэнос-Айрес', ar: 'بوينس آيرس' },
  Hammamet: { ru: 'Хаммамет', ar: 'الحمامات', zh: '哈马马特' },
};

/** Spellings accepted when reading, beyond CITY_NAMES (unverified or informal forms). */
const CITY_ALIASES: Record<string, readonly string[]> = {
  Montreal: ['Montréal'],
  Valletta: ['La Valette'],
  Johannesburg: ['Johannesburgo'],
  'New Delhi': ['Nueva Delhi', 'Nouvelle-Delhi', 'Nouvelle Delhi'],
  Bucharest: ['Bucarest'],
  Hammamet: ['Yasmine Hammamet'],
  Marrakesh: ['Marrakech'],
  Florianópolis: ['Florianopolis'],
};

/** Lower-case, accents stripped, spaces and hyphens folded: how city names are compared. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0\u2011-]+/g, ' ')
    .trim();
}

const cityIndex = new Map<string, string>();
for (const conf of CONFERENCES) cityIndex.set(foldName(conf.city), conf.city);
for (const [city, names] of Object.entries(CITY_NAMES))
  for (const n of Object.values(names)) if (n) cityIndex.set(foldName(n), city);
for (const [city, names] of Object.entries(CITY_ALIASES))
  for (const n of names) cityIndex.set(foldName(n), city);

/**
 * Names already folded, as written. Every tag and history entry of a document looks its city up,
 * several times, and a document names a few dozen cities at most; the bound keeps a long-lived
 * process from keeping every name it ever read.
 */
const canonicalCache = new Map<string, string | null>();

/** The canonical English city for a name in any language, or undefined when no ITU conference met there. */
export function canonicalCity(name: string): string | undefined {
  let city = canonicalCache.get(name);
  if (city === undefined) {
    city = cityIndex.get(foldName(name)) ?? null;
    if (canonicalCache.size >= 512) canonicalCache.clear();
    canonicalCache.set(name, city);
  }
  return city ?? undefined;
}

/** The city's name as the document's language writes it. */
export function localCity(city: string, language: Language): string {
  return CITY_NAMES[city]?.[language] ?? city;
}

/** The conferences of each city and year (Dubai, 2012 → WTSA-12, WRC-12), in registry order. */
const conferencesByVenue = new Map<string, Map<number, Conference[]>>();
for (const conf of CONFERENCES) {
  let years = conferencesByVenue.get(conf.city);
  if (!years) conferencesByVenue.set(conf.city, (years = new Map()));
  const known = years.get(conf.year);
  if (known) known.push(conf);
  else years.set(conf.year, [conf]);
}
const NONE: readonly Conference[] = [];

/** Conferences that met in this city (any spelling) in this year, in registry order. */
export function conferencesAt(cityName: string, year: number): readonly Conference[] {
  const city = canonicalCity(cityName);
  if (city === undefined) return NONE;
  return conferencesByVenue.get(city)?.get(year) ?? NONE;
}

/** Whether any ITU conference met at this city in this year. */
export const isConferenceVenue = (cityName: string, year: number): boolean =>
  conferencesAt(cityName, year).length > 0;

/**
 * Parse what a user types for a target conference: `WTSA-24`, `wtsa-2024`, `"New Delhi, 2024"`,
 * `"WTSA New Delhi 2024"`. A city/year pair shared by several bodies (Dubai 2012: WTSA and WRC-12)
 * resolves to the first in registry order unless the body is named; `preferBody` breaks the tie.
 */
export function parseConference(input: string, preferBody?: Body): Result<Conference> {
  const text = input.trim();
  const short = /^(WTSA|WTSC|PP|APP|WTDC|WRC|RA)[- ]?(\d{2}|\d{4})$/i.exec(text);
  if (short) {
    const body = short[1].toUpperCase();
    const yy = short[2].length === 4 ? short[2].slice(2) : short[2];
    const name = `${body}-${yy}`;
    const found = CONFERENCES.find((x) => x.short.includes(name));
    if (found) return ok(found);
    const year = short[2].length === 4 ? short[2] : `${Number(yy) > 80 ? '19' : '20'}${yy}`;
    const held = CONFERENCES.filter((x) => x.short[0].startsWith(`${body}-`)).map((x) => x.short[0]);
    return fail(
      `unknown conference "${input}": No ${body} met in ${year}` +
        (held.length ? ` (known: ${held.join(', ')})` : ''),
    );
  }
  const full = /^(?:(WTSA|PP|WTDC|WRC|RA)\s+)?(.+?),?\s+(\d{4})$/i.exec(text);
  if (full) {
    const body = full[1]?.toUpperCase() as Body | undefined;
    const at = conferencesAt(full[2], Number(full[3]));
    const pick =
      (body ? at.find((x) => x.body === body) : undefined) ??
      (!body && preferBody ? at.find((x) => x.body === preferBody) : undefined) ??
      (!body ? at[0] : undefined);
    if (pick) return ok(pick);
    const city = canonicalCity(full[2]);
    if (city !== undefined) {
      const there = CONFERENCES.filter((x) => x.city === city && (!body || x.body === body)).map(
        describeConference,
      );
      return fail(
        `unknown conference "${input}": No ITU ${body ?? 'conference'} met in ${city} in ${full[3]}` +
          (there.length ? ` (there: ${there.join(', ')})` : ''),
      );
    }
  }
  return fail(
    `unknown conference "${input}": Give a short name such as WTSA-24 or a venue and year such as "New Delhi, 2024"`,
  );
}

/** How a conference is named to users: `WTSA-24 (New Delhi, 2024)`. */
export const describeConference = (x: Conference): string => `${x.short[0]} (${x.city}, ${x.year})`;
