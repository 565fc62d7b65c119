import type { Proposal } from '../core/model';
import { proposalName } from './grouping';

/**
 * A proposal as `proposalName` names it, the number line isolated in its own direction: `MOD ARB/42A3/1 ·`
 * stays left to right while an Arabic number line reads right to left.
 */
export function ProposalName({ proposal: p, fallback }: { proposal: Proposal; fallback: string }) {
  const full = proposalName(p, fallback);
  const number = p.number?.text;
  if (!number || !full.endsWith(number)) return <bdi>{full}</bdi>;
  return (
    <>
      {full.slice(0, full.length - number.length)}
      <bdi>{number}</bdi>
    </>
  );
}
