import type { Log, ReportingDescriptor, Result as SarifResult } from 'sarif';
import { isFixable } from '../../core/diagnostic';
import type { Rule } from '../../core/rule';
import type { FileReport } from './report';

/**
 * SARIF 2.1.0 for code-scanning pipelines. A .docx has no lines: a finding's region uses the paragraph
 * number as its line (Word's own paragraph count), and the clause as a logical location.
 */
export function toSarif(reports: readonly FileReport[], rules: readonly Rule[], version: string): string {
  const descriptors: ReportingDescriptor[] = rules.map((r) => ({
    id: r.meta.id,
    shortDescription: { text: r.meta.description },
    defaultConfiguration: { level: r.meta.severity === 'error' ? 'error' : 'warning' },
    properties: { fixable: r.meta.fixable },
  }));
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  const results: SarifResult[] = reports.flatMap((r) =>
    r.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      ruleIndex: index.get(d.ruleId),
      level: d.severity === 'error' ? ('error' as const) : ('warning' as const),
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(r.path.replace(/\\/g, '/')) },
            region: { startLine: d.paragraph + 1, snippet: { text: d.excerpt } },
          },
          ...(d.clause ? { logicalLocations: [{ name: d.clause, kind: 'member' }] } : {}),
        },
      ],
      properties: { paragraph: d.paragraph + 1, fixable: isFixable(d) },
    })),
  );
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'amend', version, rules: descriptors } },
        artifacts: reports.map((r) => ({
          location: { uri: encodeURI(r.path.replace(/\\/g, '/')) },
          sourceLanguage: r.language,
        })),
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
