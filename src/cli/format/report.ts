import type { Conference } from '../../core/conferences';
import { describeConference } from '../../core/conferences';
import type { Diagnostic } from '../../core/diagnostic';
import { isFixable } from '../../core/diagnostic';
import type { Language } from '../../core/lexicon';
import type { Line, Outline } from '../../core/model';

/** One checked file, as every output format sees it. */
export interface FileReport {
  readonly path: string;
  readonly language: Language;
  readonly conference: Conference | null;
  readonly diagnostics: readonly Diagnostic[];
  /** What a paragraph outside the clauses is ("number line", "preamble"), for findings with no clause. */
  readonly roles?: ReadonlyMap<number, string>;
}

/** Name the paragraphs of each proposal that are not clauses, so findings there say where they are. */
export function paragraphRoles(outline: Outline): Map<number, string> {
  const roles = new Map<number, string>();
  for (const p of outline.proposals) {
    if (p.paragraph !== null) roles.set(p.paragraph, 'proposal line');
    const named: [Line | null, string][] = [
      [p.number, 'number line'],
      [p.title, 'title'],
      [p.history, 'history line'],
      [p.preamble, 'preamble'],
      [p.reasons, 'reasons'],
    ];
    for (const [line, role] of named) if (line) roles.set(line.paragraph, role);
    for (const s of p.sections) roles.set(s.paragraph, `heading ${s.name}`);
  }
  return roles;
}

/**
 * What the finding's paragraph is, as the text output names it: "number line", "history line",
 * "preamble", "proposal line", "title", "reasons", "heading considering", or "clause" inside a section;
 * null for a paragraph outside every proposal (or a finding past the last paragraph).
 */
export function roleOf(report: FileReport, d: Diagnostic): string | null {
  return report.roles?.get(d.paragraph) ?? (d.clause ? 'clause' : null);
}

/** The JSON contract of `amend check --format json`: field names are part of the public interface. */
export function toJson(reports: readonly FileReport[]): string {
  return (
    JSON.stringify(
      {
        files: reports.map((r) => ({
          path: r.path,
          language: r.language,
          conference: r.conference
            ? { body: r.conference.body, city: r.conference.city, year: r.conference.year }
            : null,
          diagnostics: r.diagnostics.map((d) => ({
            ruleId: d.ruleId,
            severity: d.severity,
            message: d.message,
            paragraph: d.paragraph + 1,
            clause: d.clause ?? null,
            role: roleOf(r, d),
            excerpt: d.excerpt,
            fixable: isFixable(d),
          })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** ESLint-like text: the file, one line per finding (paragraph, clause, severity, message, rule), a summary. */
export function toText(reports: readonly FileReport[], color = false): string {
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const r of reports) {
    const target = r.conference ? `, target ${describeConference(r.conference)}` : ', no target conference';
    out += `${paint('4', r.path)}  ${paint('2', `(${r.language}${target})`)}\n`;
    if (r.diagnostics.length === 0) out += '  no problems\n';
    const where = r.diagnostics.map((d) => `¶${d.paragraph + 1}`);
    const clauses = r.diagnostics.map((d) => d.clause || roleOf(r, d) || '');
    const w1 = Math.max(0, ...where.map((s) => s.length));
    const w2 = Math.min(28, Math.max(0, ...clauses.map((s) => s.length)));
    r.diagnostics.forEach((d, i) => {
      const sev = d.severity === 'error' ? paint('31', 'error  ') : paint('33', 'warning');
      out += `  ${pad(where[i], w1)}  ${pad(clauses[i], w2)}  ${sev}  ${d.message}  ${paint('2', d.ruleId)}\n`;
      if (d.severity === 'error') errors++;
      else warnings++;
      if (isFixable(d)) fixable++;
    });
    out += '\n';
  }
  const total = errors + warnings;
  if (total === 0) return out + paint('32', `✔ no problems in ${plural(reports.length, 'file')}`) + '\n';
  out +=
    paint(
      errors ? '31' : '33',
      `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`,
    ) + '\n';
  if (fixable) out += `  ${plural(fixable, 'problem')} can be fixed with \`amend fix\`.\n`;
  return out;
}
