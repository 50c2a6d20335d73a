import { Details, Paragraph, Table } from '@digdir/designsystemet-react';
import type { SchemeChange, SchemeVersion } from '@varde/contracts/catalogue-api';
import type { LocalizedText } from '@varde/contracts/schemes';
import { describeSchemeChange, fieldLabel, isLongTextChange, type ChangeFormat } from '@varde/contracts/scheme-change-text';
import { formatCalendarDate, formatCalendarDateTime } from '../../../i18n/format-date';
import { useSchemeFormat } from '../../schemes/format';

/** How the page writes the values of a change: the scheme page's amounts, shares and dates. */
function useChangeFormat(): ChangeFormat {
  const { t, lang, nok, percent } = useSchemeFormat();
  return {
    t,
    text: (value) => value[lang],
    date: (isoDate) => formatCalendarDate(isoDate, lang),
    deadline: (d) => (d.time ? formatCalendarDateTime(d.date, d.time, lang) : formatCalendarDate(d.date, lang)),
    nok,
    percent,
  };
}

const isText = (v: unknown): v is LocalizedText => typeof v === 'object' && v !== null && 'nb' in v;

/** One change as a sentence; a long text with its old and new wording behind a disclosure. */
function ChangeItem({ change, format, lang }: { change: SchemeChange; format: ChangeFormat; lang: keyof LocalizedText }) {
  const sentence = describeSchemeChange(change, format);
  if (!isLongTextChange(change) || !isText(change.from) || !isText(change.to)) return <li>{sentence}</li>;
  return (
    <li>
      {sentence}
      <Details data-size="sm">
        <Details.Summary>{format.t('history.showTexts')}</Details.Summary>
        <Details.Content>
          <Paragraph data-size="sm">
            <strong>{format.t('history.before')}:</strong> {change.from[lang]}
          </Paragraph>
          <Paragraph data-size="sm">
            <strong>{format.t('history.after')}:</strong> {change.to[lang]}
          </Paragraph>
        </Details.Content>
      </Details>
    </li>
  );
}

/**
 * Newest version first: when, who, the comment and what changed, field by field (old and new values
 * as the scheme page writes them; long texts as "changed", with the texts behind a disclosure). "Who"
 * is the catalogue, the editor's name (for signed-in users), or just "saved in Varde" when the API
 * leaves the name out.
 */
export function VersionTable({ versions, caption }: { versions: SchemeVersion[]; caption: string }) {
  const { t, dateTime, number, lang } = useSchemeFormat();
  const format = useChangeFormat();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="versions-caption">
      <Table data-size="sm" zebra className="version-table">
        <caption id="versions-caption">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('history.version')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('history.when')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('history.who')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('field.comment')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('history.changed')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {versions.map((v) => (
            <Table.Row key={v.version}>
              <th scope="row" className="num">
                {number(v.version)}
              </th>
              <Table.Cell>{dateTime(v.changedAt)}</Table.Cell>
              <Table.Cell>{v.changedBy ? (v.changedBy.name ?? t('history.savedInVarde')) : t('history.fromCatalogue')}</Table.Cell>
              <Table.Cell>{v.comment ?? '–'}</Table.Cell>
              <Table.Cell className="version-table__changes">
                {(v.changes ?? []).length > 0 ? (
                  <ul className="change-list">
                    {v.changes.map((change, i) => (
                      <ChangeItem key={`${change.code}-${i}`} change={change} format={format} lang={lang} />
                    ))}
                  </ul>
                ) : v.changedFields.length ? (
                  v.changedFields.map((f) => fieldLabel(f, t)).join(', ')
                ) : v.version === versions.at(-1)?.version ? (
                  t('history.firstVersion')
                ) : (
                  t('history.noChanges')
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
