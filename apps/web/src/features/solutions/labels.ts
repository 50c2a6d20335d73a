import type { AdoptionState, ReuseKind, SolutionMaturity, SolutionStatus } from '@varde/contracts/solutions-vocabulary';
import type { Translate } from '../../i18n/i18n';

export const maturityLabel = (t: Translate, maturity: SolutionMaturity) => t(`library.maturity.${maturity}`);
export const reuseLabel = (t: Translate, kind: ReuseKind) => t(`library.reuse.${kind}`);
export const adoptionStateLabel = (t: Translate, state: AdoptionState) => t(`library.adoptionState.${state}`);
export const statusLabel = (t: Translate, status: SolutionStatus) => t(`library.status.${status}`);

/** A share 0–1 as a whole percentage ("40 %"), or null when there is nothing to share. */
export const percent = (share: number | null, number: (n: number) => string) => (share === null ? null : `${number(Math.round(share * 100))} %`);
