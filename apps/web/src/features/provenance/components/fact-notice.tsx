import type { SchemeDetail } from '@varde/contracts/finder-api';
import type { FactGroup } from '@varde/contracts/vocabulary';
import { Icon } from '../../schemes/components/icons';
import { useI18n } from '../../../i18n/i18n';

type Provenance = Pick<SchemeDetail, 'facts' | 'lastCheckedAt'>;

/**
 * True when some group was checked in Varde in the last 12 months. Only then are the other groups
 * flagged one by one; otherwise the top of the page already says it, once (never checked, or more
 * than 12 months ago).
 */
export const checkedRecently = (detail: Provenance) => detail.lastCheckedAt !== null && detail.facts.some((f) => !f.stale);

/**
 * Under a group of facts: "reported as possibly outdated" while a report of it is open (nobody is
 * named), and "not checked in Varde in the last 12 months" when other groups were.
 */
export function FactNotice({ detail, groups }: { detail: Provenance; groups: readonly FactGroup[] }) {
  const { t } = useI18n();
  const states = detail.facts.filter((f) => groups.includes(f.group));
  const reported = states.some((f) => f.reported);
  const stale = checkedRecently(detail) && states.some((f) => f.stale);
  if (!reported && !stale) return null;
  return (
    <div className="fact-notices">
      {reported ? (
        <p className="fact-notice fact-notice--reported">
          <Icon name="warning" />
          {t('scheme.facts.reported')}
        </p>
      ) : null}
      {stale ? (
        <p className="fact-notice">
          <Icon name="clock" />
          {t('scheme.facts.stale')}
        </p>
      ) : null}
    </div>
  );
}
