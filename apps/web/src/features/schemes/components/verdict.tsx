import type { Eligibility, EligibilityReason } from '@varde/contracts/finder-api';
import { reasonKinds, type ReasonKind, type Verdict } from '@varde/contracts/vocabulary';
import { useI18n } from '../../../i18n/i18n';
import { Icon, type IconName } from './icons';

const verdictIcon: Record<Verdict, IconName> = {
  eligible: 'check',
  eligible_with_conditions: 'warning',
  not_eligible: 'cross',
};

/** The verdict as a labelled badge: icon, text and colour say the same thing. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useI18n();
  return (
    <span className={`verdict verdict--${verdict}`}>
      <Icon name={verdictIcon[verdict]} />
      {t(`verdict.${verdict}`)}
    </span>
  );
}

const kindIcon: Record<ReasonKind, IconName> = { blocker: 'cross', condition: 'warning', advantage: 'plus', info: 'info' };

/**
 * The reasons behind a verdict, grouped by kind under a short label ("Dette stopper kommunen",
 * "Dette må være på plass" …), so the kind is told in words as well as by icon and colour.
 */
function ReasonList({ reasons }: { reasons: EligibilityReason[] }) {
  const { t } = useI18n();
  const groups = reasonKinds.map((kind) => ({ kind, items: reasons.filter((r) => r.kind === kind) })).filter((g) => g.items.length > 0);
  if (groups.length === 0) return null;
  return (
    <div className="reasons">
      {groups.map(({ kind, items }) => (
        <div key={kind} className={`reason-group reason-group--${kind}`}>
          <p className="reason-group__label">
            <Icon name={kindIcon[kind]} />
            {t(`finder.reasonKind.${kind}`)}
          </p>
          <ul>
            {items.map((reason, i) => (
              <li key={`${reason.code}-${i}`}>{reason.message}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** A verdict for one role with its reasons: the heart of every finder card and the eligibility panel. */
export function VerdictWithReasons({ eligibility, showRole = true }: { eligibility: Eligibility; showRole?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="verdict-block">
      <p className="verdict-block__line">
        <VerdictBadge verdict={eligibility.verdict} />
        {showRole ? <span className="verdict-block__role">{t(`finder.role.${eligibility.role}`)}</span> : null}
      </p>
      <ReasonList reasons={eligibility.reasons} />
    </div>
  );
}
