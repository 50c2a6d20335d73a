import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { SchemeCard as Card } from '@varde/contracts/finder-api';
import { AppLink } from '../../../components/app-link';
import { useSchemeFormat } from '../format';
import { CallStatusText, DeadlineText } from './call-deadline';
import { VerdictWithReasons } from './verdict';

function schemeHref(id: string, municipality: string | null | undefined) {
  return `/ordninger/${id}${municipality ? `?municipality=${municipality}` : ''}`;
}

/** One finder result: what the scheme is, when to apply, and whether (and why) the municipality can. */
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
  return (
    <article className="scheme-card" aria-labelledby={headingId}>
      <div className="scheme-card__head">
        <Heading level={3} data-size="xs" id={headingId}>
          <AppLink to={schemeHref(card.id, municipalityParam)}>{card.name}</AppLink>
        </Heading>
        <Paragraph data-size="sm" className="muted">
          {card.ownerName}
        </Paragraph>
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
                <span>{call.title}</span>
                <span>
                  <DeadlineText call={call} /> <CallStatusText call={call} short />
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
      {card.eligibility && municipality ? (
        <div className="scheme-card__verdict">
          <p className="scheme-card__verdict-for">{t('finder.card.verdictFor', { municipality: municipality.name })}</p>
          <VerdictWithReasons eligibility={card.eligibility} />
        </div>
      ) : null}
    </article>
  );
}
