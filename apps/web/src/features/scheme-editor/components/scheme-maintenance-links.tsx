import type { SchemeDetail } from '@varde/contracts/schemes-api';
import { AppLink } from '../../../components/app-link';
import { useSession } from '../../auth/api/get-session';
import { useI18n } from '../../../i18n/i18n';
import { canEditScheme } from '../can-edit';

/**
 * For a scheme's page: "Edit the scheme" for its owners and platform admins, "Change history" for
 * anyone signed in. Renders nothing for visitors who are not signed in.
 */
export function SchemeMaintenanceLinks({ schemeId, ownerOrganisation }: { schemeId: string; ownerOrganisation: SchemeDetail['ownerOrganisation'] }) {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  return (
    <ul className="link-list">
      {canEditScheme(user, { ownerOrganisation }) ? (
        <li>
          <AppLink to={`/ordninger/${schemeId}/rediger`}>{t('editor.link')}</AppLink>
        </li>
      ) : null}
      <li>
        <AppLink to={`/ordninger/${schemeId}/historikk`}>{t('history.link')}</AppLink>
      </li>
    </ul>
  );
}
