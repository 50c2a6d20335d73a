import type { ReactNode } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { SolutionContact, SolutionContent as Content, SolutionOwner } from '@varde/contracts/solutions-api';
import { AppLink } from '../../../components/app-link';
import { ExternalLink } from '../../../components/external-link';
import { useI18n } from '../../../i18n/i18n';
import { maturityLabel, reuseLabel } from '../labels';
import { NotDescribed } from './solution-notes';

/** A long text as paragraphs (blank lines apart), or "not described yet". */
function LongText({ text, lang }: { text: string | null; lang: string | undefined }) {
  if (!text) return <Paragraph>{<NotDescribed />}</Paragraph>;
  return (
    <>
      {text.split(/\n\s*\n/).map((part, i) => (
        <Paragraph key={i} className="solution-text" lang={lang}>
          {part}
        </Paragraph>
      ))}
    </>
  );
}

function TextSection({ id, heading, text, lang }: { id: string; heading: string; text: string | null; lang: string | undefined }) {
  return (
    <section className="section" aria-labelledby={id}>
      <Heading level={2} data-size="sm" id={id}>
        {heading}
      </Heading>
      <LongText text={text} lang={lang} />
    </section>
  );
}

const fact = (label: string, value: ReactNode) => (
  <div key={label}>
    <dt>{label}</dt>
    <dd>{value}</dd>
  </div>
);

/** The owners by name, each municipality linked to its page; those that withdrew said so. */
export function OwnerNames({ owners }: { owners: SolutionOwner[] }) {
  const { t, dateTime } = useI18n();
  if (owners.length === 0) return <>{t('library.noOwners')}</>;
  return (
    <ul className="plain-list">
      {owners.map((o) => (
        <li key={o.organisationId}>
          {o.municipalityCode ? <AppLink to={`/kommuner/${o.municipalityCode}`}>{o.name}</AppLink> : o.name}
          {o.withdrawnAt ? ` (${t('library.ownerWithdrew', { when: dateTime(o.withdrawnAt) })})` : null}
        </li>
      ))}
    </ul>
  );
}

/** Who to ask: the consenting contact by name and role, otherwise the organisation. */
export function ContactText({ contact }: { contact: SolutionContact | null }) {
  const { t } = useI18n();
  if (!contact) return <NotDescribed />;
  if (contact.fallbackToAdmins) return <>{t('library.contactAdmins', { organisation: contact.organisationName })}</>;
  const who = [contact.name, contact.role].filter(Boolean).join(', ');
  return (
    <>
      {who ? `${who}, ${contact.organisationName}` : t('library.contactHidden', { organisation: contact.organisationName })}
      {contact.name && !contact.public ? <span className="muted"> {t('library.contactNotPublic')}</span> : null}
    </>
  );
}

/**
 * Every field of one version of a solution, with "not described yet" where it is empty. The texts are
 * marked with their language when it is not the page's (a nynorsk text on a bokmål page).
 */
export function SolutionContentView({ content: c, owners, contact }: { content: Content; owners: SolutionOwner[]; contact?: SolutionContact | null }) {
  const { t, number, lang } = useI18n();
  const nok = (value: number | null) => (value === null ? <NotDescribed /> : t('library.nok', { amount: number(value) }));
  const funding = c.funding;
  // The texts are in the language they were written in; the labels in the page's.
  const textLang = c.language !== lang ? c.language : undefined;
  return (
    <div className="stack">
      <section className="section" aria-labelledby="solution-facts-heading">
        <Heading level={2} data-size="sm" id="solution-facts-heading">
          {t('library.factsHeading')}
        </Heading>
        <dl className="participation-facts">
          {fact(t('library.field.owners'), <OwnerNames owners={owners} />)}
          {fact(t('library.field.partners'), c.partners.length ? c.partners.join(', ') : <NotDescribed />)}
          {contact !== undefined ? fact(t('library.field.contact'), <ContactText contact={contact} />) : null}
          {fact(t('library.field.maturity'), c.maturity ? maturityLabel(t, c.maturity) : <NotDescribed />)}
          {fact(t('library.field.themes'), c.themes.length ? c.themes.map((theme) => t(`theme.${theme}`)).join(', ') : <NotDescribed />)}
          {fact(t('library.field.year'), c.year ?? <NotDescribed />)}
          {fact(t('library.field.costOneOff'), nok(c.costs.oneOffNok))}
          {fact(t('library.field.costYearly'), nok(c.costs.yearlyNok))}
          {c.costs.note ? fact(t('library.field.costNote'), c.costs.note) : null}
          {fact(t('library.field.reuse'), c.reuse.kind ? reuseLabel(t, c.reuse.kind) : <NotDescribed />)}
          {c.reuse.terms ? fact(t('library.field.reuseTerms'), c.reuse.terms) : null}
          {fact(
            t('library.field.funding'),
            funding.schemeId ? (
              <AppLink to={`/ordninger/${funding.schemeId}`}>{funding.schemeName ?? funding.schemeId}</AppLink>
            ) : (
              (funding.schemeName ?? <NotDescribed />)
            ),
          )}
          {funding.amountNok !== null ? fact(t('library.field.fundingAmount'), nok(funding.amountNok)) : null}
          {funding.participationRecordId
            ? fact(
                t('library.field.participationRecord'),
                <AppLink to={`/deltakelse/${funding.participationRecordId}`}>{t('library.participationRecordLink')}</AppLink>,
              )
            : null}
        </dl>
      </section>
      <TextSection id="solution-problem-heading" heading={t('library.field.problem')} text={c.problem} lang={textLang} />
      <TextSection id="solution-done-heading" heading={t('library.field.whatWasDone')} text={c.whatWasDone} lang={textLang} />
      <TextSection id="solution-results-heading" heading={t('library.field.results')} text={c.results} lang={textLang} />
      <section className="section" aria-labelledby="solution-links-heading">
        <Heading level={2} data-size="sm" id="solution-links-heading">
          {t('library.field.links')}
        </Heading>
        {c.links.length ? (
          <ul className="link-list">
            {c.links.map((link) => (
              <li key={link.url}>
                <ExternalLink href={link.url}>{link.label}</ExternalLink>
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>
            <NotDescribed />
          </Paragraph>
        )}
      </section>
      {c.source.url || c.source.quote ? (
        <section className="section" aria-labelledby="solution-source-heading">
          <Heading level={2} data-size="sm" id="solution-source-heading">
            {t('library.sourceHeading')}
          </Heading>
          {c.source.url ? (
            <Paragraph>
              <ExternalLink href={c.source.url}>{c.source.url}</ExternalLink>
            </Paragraph>
          ) : null}
          {c.source.quote ? (
            <figure className="participation-quote">
              <blockquote lang="no" {...(c.source.url ? { cite: c.source.url } : {})}>
                <Paragraph>{c.source.quote}</Paragraph>
              </blockquote>
              <figcaption>{t('participation.quoteCaption')}</figcaption>
            </figure>
          ) : null}
          <Paragraph className="source-note">{t('library.sourceNote')}</Paragraph>
        </section>
      ) : null}
    </div>
  );
}
