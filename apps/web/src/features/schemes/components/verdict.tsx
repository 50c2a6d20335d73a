import type { ReactNode } from 'react';
import type { CheckItem, Eligibility, EligibilityReason } from '@varde/contracts/finder-api';
import type { CheckState, EligibilityRole, ReasonKind, Verdict } from '@varde/contracts/vocabulary';
import { useI18n } from '../../../i18n/i18n';
import { Icon, type IconName } from './icons';

const verdictIcon: Record<Verdict, IconName> = {
  eligible: 'check',
  eligible_with_conditions: 'warning',
  not_eligible: 'cross',
};

/**
 * The verdict as a labelled badge: icon, text and colour say the same thing. A verdict for the
 * partner role reads "Kan være partner", never "Kan søke": a partner does not apply.
 */
export function VerdictBadge({ verdict, eligibilityRole = 'lead' }: { verdict: Verdict; eligibilityRole?: EligibilityRole }) {
  const { t } = useI18n();
  return (
    <span className={`verdict verdict--${verdict}`}>
      <Icon name={verdictIcon[verdict]} />
      {verdictText(t, verdict, eligibilityRole)}
    </span>
  );
}

export function verdictText(t: ReturnType<typeof useI18n>['t'], verdict: Verdict, role: EligibilityRole): string {
  return role === 'partner' ? t(`verdict.partner.${verdict}`) : t(`verdict.${verdict}`);
}

const stateIcon: Record<CheckState, IconName> = { met: 'check', to_check: 'question', blocker: 'cross' };

/**
 * ✓ met, ? to check, ✗ blocker: one line per register fact and condition. The icon is decoration;
 * the state is said in words ("Må sjekkes:", "Stopper:"; "Oppfylt:" for screen readers only, since a
 * met line reads as a plain fact). `extra` adds lines under an item (a confirmation, its actions).
 */
export function Checklist({ items, label, extra }: { items: CheckItem[]; label: string; extra?: (item: CheckItem) => ReactNode }) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <ul className="checklist" aria-label={label}>
      {items.map((item) => (
        <li key={item.conditionId} className={`check check--${item.state}`} data-condition={item.conditionId}>
          <Icon name={stateIcon[item.state]} className="check__icon" />
          <div className="check__body">
            <p className="check__text">
              <span className={item.state === 'met' ? 'ds-sr-only' : 'check__state'}>{t(`checklist.state.${item.state}`)}:</span> {item.label}
            </p>
            {extra?.(item)}
          </div>
        </li>
      ))}
    </ul>
  );
}

const kindIcon: Record<ReasonKind, IconName> = { blocker: 'cross', condition: 'warning', advantage: 'plus', info: 'info' };

/**
 * Reasons the checklist does not already tell — what counts in the municipality's favour and what is
 * good to know — grouped under a short label, so the kind is told in words as well as by icon.
 */
function ReasonList({ reasons }: { reasons: EligibilityReason[] }) {
  const { t } = useI18n();
  const groups = (['advantage', 'info'] as const).map((kind) => ({ kind, items: reasons.filter((r) => r.kind === kind) })).filter((g) => g.items.length > 0);
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

/** Key reasons that only say the verdict again (`eligibility.can_apply`, `eligibility.can_be_partner`). */
const restatesVerdict = new Set(['can_apply', 'can_be_partner']);

/**
 * A verdict for one role: the badge, the key reason, the checklist, then what else is worth knowing.
 * The heart of every finder card and of "Kan kommunen søke?".
 */
export function VerdictWithChecklist({ eligibility, extra }: { eligibility: Eligibility; extra?: (item: CheckItem) => ReactNode }) {
  const { t } = useI18n();
  const [key, ...rest] = eligibility.reasons;
  const verdict = verdictText(t, eligibility.verdict, eligibility.role);
  // "Kommunen kan søke." beside the badge "Kan søke" says nothing new: the checklist tells why.
  const keyShown = key && !restatesVerdict.has(key.code) ? key : null;
  return (
    <div className="verdict-block">
      <p className="verdict-block__line">
        <VerdictBadge verdict={eligibility.verdict} eligibilityRole={eligibility.role} />
        {keyShown ? (
          <span className="verdict-block__reason">
            <span className="ds-sr-only">{t('checklist.keyReason')} </span>
            {keyShown.message}
          </span>
        ) : null}
      </p>
      <Checklist items={eligibility.checklist} label={t('checklist.label', { verdict })} extra={extra} />
      <ReasonList reasons={rest} />
    </div>
  );
}
