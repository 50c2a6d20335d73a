import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { SchemeCard as Card } from '@varde/contracts/finder-api';
import { AppLink } from '../../../components/app-link';
import { useSchemeFormat } from '../format';
import { CallStatusText, DeadlineText } from './call-deadline';
import { ConfirmationLine } from './condition-confirmation';
import { VerdictWithChecklist } from './verdict';

function schemeHref(id: string, municipality: string | null | undefined) {
  return `/ordninger/${id}${municipality ? `?municipality=${municipality}` : ''}`;
}

/**
 * One finder result, compact. The answer comes first — the verdict and its checklist (✓ met, ? to
 * check, ✗ blocker) — then one line on why the scheme is placed here, then what the scheme is and when
 * to apply (one line per fact). On a wide screen the answer is a column beside the rest
 * (`scheme-card--answered`, schemes.css). Ended and paused schemes are marked beside the name.
 */
export function SchemeCard({
  card,
  municipality,
  municipalityParam,
}: {
  card: Card;
  municipality: { code: string; name: string } | null;
  municipalityParam: string;
}) {
  const { t, nokRange } = useSchemeFormat();
  const headingId = `scheme-card-${card.id}`;
  const amount = card.isGrant ? (nokRange(card.minGrantNok, card.maxGrantNok) ?? t('finder.amountUnknown')) : t('finder.noGrant');
  const call = card.nextCall;
  const answered = Boolean(card.eligibility && municipality);
  return (
    <article className={`scheme-card scheme-card--${card.lifecycle}${answered ? ' scheme-card--answered' : ''}`} aria-labelledby={headingId}>
      {card.eligibility && municipality ? (
        <div className={`scheme-card__answer scheme-card__answer--${card.eligibility.verdict}`}>
          <VerdictWithChecklist
            eligibility={card.eligibility}
            // A line met by a member's confirmation says whose, and until when (signed-in members only get these).
            extra={(item) => (item.confirmation ? <ConfirmationLine item={item} confirmation={item.confirmation} state={null} /> : null)}
          />
        </div>
      ) : null}
      {card.rankReason ? (
        <p className="scheme-card__rank">
          <span className="scheme-card__rank-label">{t('finder.card.rankReason')}</span> {card.rankReason}
        </p>
      ) : null}
      <div className="scheme-card__body">
        <div className="scheme-card__head">
          <Heading level={3} data-size="xs" id={headingId}>
            <AppLink to={schemeHref(card.id, municipalityParam)}>{card.name}</AppLink>
          </Heading>
          <p className="scheme-card__owner">
            <span>{card.ownerName}</span>
            {card.lifecycle !== 'active' ? (
              <Tag data-color={card.lifecycle === 'ended' ? 'danger' : 'warning'} data-size="sm" className="lifecycle-tag">
                {t(`lifecycle.${card.lifecycle}`)}
              </Tag>
            ) : null}
          </p>
        </div>
        <Paragraph data-size="sm">{card.summary}</Paragraph>
        <dl className="card-facts">
          <div>
            <dt>{t('finder.card.themes')}</dt>
            <dd>{card.themes.map((theme) => t(`theme.${theme}`)).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('finder.card.funding')}</dt>
            <dd>{amount}</dd>
          </div>
          <div>
            <dt>{call && call.status === 'closed' && !call.predicted ? t('finder.card.lastCall') : t('finder.card.nextCall')}</dt>
            <dd>
              {call ? (
                <span className="card-call">
                  <span>
                    {call.title}
                    {call.region ? <span className="muted"> ({call.region})</span> : null}
                  </span>
                  <span>
                    <DeadlineText deadline={call.deadline} /> <CallStatusText call={call} short />
                  </span>
                </span>
              ) : (
                t('finder.card.noCall')
              )}
            </dd>
          </div>
          {card.matchedNeeds.length > 0 ? (
            <div>
              <dt>{t('finder.card.matchedNeeds')}</dt>
              <dd>{card.matchedNeeds.map((theme) => t(`theme.${theme}`)).join(', ')}</dd>
            </div>
          ) : null}
          {card.pipelineStatus ? (
            <div>
              <dt>{t('finder.card.pipeline')}</dt>
              <dd>{t(`pipelineStatus.${card.pipelineStatus}`)}</dd>
            </div>
          ) : null}
        </dl>
      </div>
    </article>
  );
}
