import RECORD from './conference-record.json';
import { fail, ok, type Result } from './result';

/** The ITU bodies whose texts Amend reads. */
export type Body = 'WTSA' | 'PP' | 'WTDC' | 'WRC' | 'RA';
export const BODIES: readonly Body[] = ['PP', 'WTSA', 'WTDC', 'WRC', 'RA'];

export type Language = 'en' | 'fr' | 'es' | 'ru' | 'ar' | 'zh';
const LANGUAGE_KEYS: readonly Language[] = ['en', 'fr', 'es', 'ru', 'ar', 'zh'];

export interface Conference {
  readonly body: Body;
  /** Canonical English city name, as in the Final Acts. */
  readonly city: string;
  readonly year: number;
  /** Short names users type: `WTSA-24`, `PP-22`; the first is the usual one. */
  readonly short: readonly string[];
  /** What the body was called then, when not its present name: `CCITT Plenary Assembly`, `WARC-92`'s. */
  readonly name?: string;
  /** Decided but not yet held. */
  readonly scheduled?: boolean;
  readonly note?: string;
}

/** A city's name in each language as ITU texts write it; `en` is the canonical name. */
export interface CityNames extends Partial<Record<Language, string>> {
  /** Languages whose form was not seen in an ITU text: accepted, and written for want of a better one. */
  readonly unverified?: readonly Language[];
  /** Further spellings accepted when reading (`Yasmine Hammamet`, `Florianopolis`). */
  readonly aliases?: readonly string[];
}

/** The record of conferences: the shape of `conference-record.json` and of a `--conferences` file. */
export interface ConferenceRecord {
  readonly cities?: Readonly<Record<string, CityNames>>;
  readonly conferences?: readonly Conference[];
}

/**
 * Every conference whose venue and year may appear in a revision tag, oldest first within each body.
 * The array is the record in use: `extendConferences` adds to it in place, so holders see the additions.
 */
export const CONFERENCES: readonly Conference[] = [];
const cityNames = new Map<string, CityNames>();

/** Every conference of the record in use (with what `extendConferences` added), in registry order. */
export const allConferences = (): readonly Conference[] => CONFERENCES;

/** The record in use, as data of the same shape as the file (for `amend conferences --format json`). */
export function conferenceRecord(): Required<ConferenceRecord> {
  return { cities: Object.fromEntries(cityNames), conferences: [...CONFERENCES] };
}

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
/** The conferences of each city and year (Dubai, 2012 → WTSA-12, WRC-12), in registry order. */
const conferencesByVenue = new Map<string, Map<number, Conference[]>>();
/**
 * Names already folded, as written. Every tag and history entry of a document looks its city up,
 * several times, and a document names a few dozen cities at most; the bound keeps a long-lived
 * process from keeping every name it ever read.
 */
const canonicalCache = new Map<string, string | null>();

function reindex(): void {
  cityIndex.clear();
  conferencesByVenue.clear();
  canonicalCache.clear();
  for (const conf of CONFERENCES) cityIndex.set(foldName(conf.city), conf.city);
  for (const [city, names] of cityNames) {
    cityIndex.set(foldName(city), city);
    for (const lang of LANGUAGE_KEYS) if (names[lang]) cityIndex.set(foldName(names[lang]), city);
    for (const n of names.aliases ?? []) cityIndex.set(foldName(n), city);
  }
  for (const conf of CONFERENCES) {
    let years = conferencesByVenue.get(conf.city);
    if (!years) conferencesByVenue.set(conf.city, (years = new Map()));
    const known = years.get(conf.year);
    if (known) known.push(conf);
    else years.set(conf.year, [conf]);
  }
}

const sameConference = (a: Conference, b: Conference): boolean =>
  a.body === b.body && (a.year === b.year || a.short[0] === b.short[0]);

/** Merge a validated record into the one in use: cities merge by name, a conference replaces its body and year's. */
function merge(record: ConferenceRecord): void {
  const list = CONFERENCES as Conference[];
  for (const [city, names] of Object.entries(record.cities ?? {})) {
    const known = cityNames.get(city);
    // A name the file gives is the file's word for it: verified unless the file itself says otherwise.
    const unverified = [
      ...(known?.unverified ?? []).filter((l) => names[l] === undefined),
      ...(names.unverified ?? []),
    ];
    const merged: { -readonly [K in keyof CityNames]: CityNames[K] } = { ...known, ...names };
    if (unverified.length > 0) merged.unverified = [...new Set(unverified)];
    else delete merged.unverified;
    cityNames.set(city, merged);
  }
  for (const conf of record.conferences ?? []) {
    const at = list.findIndex((x) => sameConference(x, conf));
    if (at >= 0) list[at] = conf;
    else list.push(conf);
  }
  reindex();
}

/** Read data in the record's shape; one clear reason when it is not. */
export function readConferenceRecord(data: unknown): Result<ConferenceRecord> {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail('expected an object with "conferences" and/or "cities"');
  const { cities, conferences } = data as { cities?: unknown; conferences?: unknown };
  const out: { cities?: Record<string, CityNames>; conferences?: Conference[] } = {};
  if (cities !== undefined) {
    if (typeof cities !== 'object' || cities === null || Array.isArray(cities))
      return fail('"cities" is an object of city names');
    out.cities = {};
    for (const [city, names] of Object.entries(cities as Record<string, unknown>)) {
      if (typeof names !== 'object' || names === null)
        return fail(`"cities"."${city}": expected names by language`);
      for (const lang of LANGUAGE_KEYS) {
        const n = (names as Record<string, unknown>)[lang];
        if (n !== undefined && (typeof n !== 'string' || n.trim() === ''))
          return fail(`"cities"."${city}".${lang}: expected a name`);
      }
      const unverified = (names as { unverified?: unknown }).unverified;
      if (
        unverified !== undefined &&
        (!Array.isArray(unverified) || unverified.some((l) => !LANGUAGE_KEYS.includes(l as Language)))
      )
        return fail(
          `"cities"."${city}".unverified: expected a list of languages (${LANGUAGE_KEYS.join(', ')})`,
        );
      const aliases = (names as { aliases?: unknown }).aliases;
      if (
        aliases !== undefined &&
        (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string' || a.trim() === ''))
      )
        return fail(`"cities"."${city}".aliases: expected a list of names`);
      out.cities[city] = names as CityNames;
    }
  }
  if (conferences !== undefined) {
    if (!Array.isArray(conferences)) return fail('"conferences" is a list');
    out.conferences = [];
    for (const [k, c] of (conferences as unknown[]).entries()) {
      const where = `"conferences"[${k}]`;
      const x = c as Partial<Record<keyof Conference, unknown>>;
      if (typeof c !== 'object' || c === null) return fail(`${where}: expected an object`);
      if (!BODIES.includes(x.body as Body))
        return fail(`${where}.body: expected one of ${BODIES.join(', ')}`);
      if (typeof x.city !== 'string' || x.city.trim() === '') return fail(`${where}.city: expected a city`);
      if (!Number.isInteger(x.year) || (x.year as number) < 1865 || (x.year as number) > 2100)
        return fail(`${where}.year: expected a year such as 2028`);
      const short =
        x.short === undefined ? [`${x.body as string}-${String(x.year).slice(2)}`] : (x.short as unknown);
      if (!Array.isArray(short) || short.length === 0 || short.some((s) => typeof s !== 'string'))
        return fail(`${where}.short: expected a list of short names such as ["WTSA-28"]`);
      out.conferences.push({ ...(c as Conference), short: short as string[] });
    }
  }
  return ok(out);
}

/**
 * Add conferences and city names to the record in use, or replace those with the same body and year
 * (a venue that changed): what a secretariat's `--conferences` file does. Nothing changes on a bad record.
 */
export function extendConferences(data: unknown): Result<ConferenceRecord> {
  const record = readConferenceRecord(data);
  if (record.ok) merge(record.value);
  return record;
}

merge(RECORD as ConferenceRecord);

/** Back to the record Amend ships with: what `extendConferences` added or replaced is gone. */
export function resetConferences(): void {
  (CONFERENCES as Conference[]).length = 0;
  cityNames.clear();
  merge(RECORD as ConferenceRecord);
}

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
  return cityNames.get(city)?.[language] ?? city;
}

/** A city name a command wrote that the user should check. */
export interface UnconfirmedName {
  readonly city: string;
  /** As written: the record's name in the language, or the English one where it has none. */
  readonly name: string;
  /** The record has no name in the language (a `--conferences` file that gave only some). */
  readonly missing: boolean;
}

/**
 * Whether the city's name in this language was seen in an ITU text: the record has one and does not
 * list the language as `unverified`. English names are the record's own.
 */
export function isCityNameVerified(city: string, language: Language): boolean {
  if (language === 'en') return true;
  const names = cityNames.get(city);
  return names?.[language] !== undefined && !names.unverified?.includes(language);
}

/**
 * The city names of the record in use, as this language writes them, that `text` contains and that no
 * ITU text was seen to use (or that the record lacks, so the English one stands in): what a command
 * that wrote `text` should ask the user to check.
 */
export function unverifiedNamesIn(text: string, language: Language): readonly UnconfirmedName[] {
  const found: UnconfirmedName[] = [];
  if (text === '' || language === 'en') return found;
  const cities = new Set([...cityNames.keys(), ...CONFERENCES.map((c) => c.city)]);
  for (const city of cities) {
    if (isCityNameVerified(city, language)) continue;
    const name = localCity(city, language);
    if (text.includes(name))
      found.push({ city, name, missing: cityNames.get(city)?.[language] === undefined });
  }
  return found;
}

/** Every name of a city the record knows, in any language (canonical first). */
export function namesOfCity(city: string): readonly string[] {
  const names = cityNames.get(city);
  if (!names) return [city];
  const all = [city, ...LANGUAGE_KEYS.map((l) => names[l]), ...(names.aliases ?? [])];
  return [...new Set(all.filter((n): n is string => !!n))];
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

/** The conference of a body in a year (`WRC`, 2019 → WRC-19), for tags that name no city. */
export const conferenceOf = (body: Body, year: number): Conference | undefined =>
  CONFERENCES.find((c) => c.body === body && c.year === year);

/** Edit distance, bounded: names more than `max` apart are not worth suggesting. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/**
 * The city of the record a misspelt name most likely means (`New Dehli` → New Delhi), as the name is
 * written in the language it was closest to; undefined when no name is near enough.
 */
export function suggestCity(name: string): string | undefined {
  const folded = foldName(name);
  if (folded.length < 3) return undefined;
  const max = Math.max(1, Math.floor(folded.length / 4));
  let best: { name: string; d: number } | undefined;
  for (const city of cityNames.keys())
    for (const n of namesOfCity(city)) {
      const d = distance(folded, foldName(n), max);
      if (d <= max && (!best || d < best.d)) best = { name: n, d };
    }
  return best?.name;
}

/**
 * What to tell a user who named a venue and year where no ITU conference met: the city they likely
 * meant (`did you mean New Delhi, 2024?`), or the conferences that did meet there.
 */
export function unknownVenueHint(cityName: string, year: number): string {
  const city = canonicalCity(cityName);
  if (city === undefined) {
    const guess = suggestCity(cityName);
    if (guess === undefined) return '';
    const at = conferencesAt(guess, year);
    return at.length > 0
      ? `did you mean ${guess}, ${year}?`
      : `did you mean ${guess} (${CONFERENCES.filter((c) => c.city === canonicalCity(guess))
          .map(describeConference)
          .join(', ')})?`;
  }
  const there = CONFERENCES.filter((c) => c.city === city).map(describeConference);
  return there.length ? `there: ${there.join(', ')}` : '';
}

/**
 * Parse what a user types for a target conference: `WTSA-24`, `wtsa-2024`, `"New Delhi, 2024"`,
 * `"WTSA New Delhi 2024"`, `CCITT-84`, `WARC-92`. A city/year pair shared by several bodies (Dubai 2012:
 * WTSA and WRC-12) resolves to the first in registry order unless the body is named; `preferBody`
 * breaks the tie.
 */
export function parseConference(input: string, preferBody?: Body): Result<Conference> {
  const text = input.trim();
  const short = /^([A-Z]+(?:-[A-Z]+)?)[- ]?(\d{2}|\d{4})$/i.exec(text);
  if (short && shortPrefixes().has(short[1].toUpperCase())) {
    const body = short[1].toUpperCase();
    const digits = short[2];
    const yy = digits.length === 4 ? digits.slice(2) : digits;
    const names = [`${body}-${yy}`, `${body}-${digits}`];
    const found = CONFERENCES.find((x) => x.short.some((s) => names.includes(s.toUpperCase())));
    if (found) return ok(found);
    const year = digits.length === 4 ? digits : `${Number(yy) > 60 ? '19' : '20'}${yy}`;
    const held = CONFERENCES.filter((x) => x.short.some((s) => s.toUpperCase().startsWith(`${body}-`))).map(
      (x) => x.short[0],
    );
    return fail(
      `unknown conference "${input}": No ${body} met in ${year}` +
        (held.length ? ` (known: ${held.join(', ')})` : ''),
    );
  }
  const full = /^(?:(WTSA|PP|WTDC|WRC|RA)\s+)?(.+?),?\s+(\d{4})$/i.exec(text);
  if (full) {
    const body = full[1]?.toUpperCase() as Body | undefined;
    const year = Number(full[3]);
    const at = conferencesAt(full[2], year);
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
    const hint = unknownVenueHint(full[2], year);
    if (hint)
      return fail(`unknown conference "${input}": No ITU conference met in ${full[2].trim()}; ${hint}`);
  }
  return fail(
    `unknown conference "${input}": Give a short name such as WTSA-24 or a venue and year such as "New Delhi, 2024"`,
  );
}

/** What short names start with: `WTSA`, `CCITT`, `WARC-MOB`. */
function shortPrefixes(): Set<string> {
  const prefixes = new Set<string>(BODIES);
  for (const c of CONFERENCES) for (const s of c.short) prefixes.add(s.replace(/-\d+$/, '').toUpperCase());
  return prefixes;
}

/** How a conference is named to users: `WTSA-24 (New Delhi, 2024)`. */
export const describeConference = (x: Conference): string => `${x.short[0]} (${x.city}, ${x.year})`;
