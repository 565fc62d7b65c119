import { InvalidArgumentError, Option } from 'commander';
import { parseConference, type Conference } from '../core/conferences';
import { RULES } from '../core/rules';

export const VERSION: string = (require('../../package.json') as { version: string }).version;

/** `--conference` as users type it; an unknown one is a usage error (exit 2). */
export function conferenceOption(value: string): Conference {
  const r = parseConference(value);
  if (!r.ok) throw new InvalidArgumentError(r.reason.replace(/^unknown conference "[^"]*": /, ''));
  return r.value;
}

/** `--format`, checked by commander. */
export const formatOption = (formats: string[], fallback: string): Option =>
  new Option('-f, --format <format>', 'output format').choices(formats).default(fallback);

/** `--rule ID...`: only these rules; an unknown id is a usage error. */
export const ruleOption = (): Option =>
  new Option('-r, --rule <ids...>', 'only these rules').choices(RULES.map((r) => r.meta.id));
