import type { MembershipRole, OrganisationType } from '@varde/contracts/vocabulary';
import type { Translate } from '../../i18n/i18n';

export const organisationTypeLabel = (t: Translate, type: OrganisationType) => t(`organisationType.${type}`);

export const roleLabel = (t: Translate, role: MembershipRole) => t(`role.${role}`);
