import type { ParticipationRole, ParticipationStatus, Provenance } from '@varde/contracts/participation-vocabulary';
import type { Translate } from '../../i18n/i18n';

export const roleLabel = (t: Translate, role: ParticipationRole) => t(`participationRole.${role}`);
export const statusLabel = (t: Translate, status: ParticipationStatus) => t(`participationStatus.${status}`);
export const provenanceLabel = (t: Translate, provenance: Provenance) => t(`provenance.${provenance}`);

/** Whole kroner as people in Norway read them: "1 500 000 kr". */
export const amountText = (number: (value: number) => string, t: Translate, amount: number) => t('participation.amount', { amount: number(amount) });
