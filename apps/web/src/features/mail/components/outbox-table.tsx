import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { OutboxItem } from '@varde/contracts/mail-api';
import { useI18n } from '../../../i18n/i18n';

/** The newest mail: recipient, subject (hidden when personal), kind and state; a body only where the API gives one. */
export function OutboxTable({ items }: { items: OutboxItem[] }) {
  const { t, dateTime } = useI18n();
  if (items.length === 0) return <Paragraph>{t('outbox.empty')}</Paragraph>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="outbox-caption">
      <Table data-size="sm" zebra>
        <caption id="outbox-caption">{t('outbox.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('outbox.to')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('outbox.subject')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('outbox.kind')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('outbox.state')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('outbox.created')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((item) => (
            <Table.Row key={item.id}>
              <th scope="row">{item.to}</th>
              <Table.Cell>
                {item.subject ?? <span className="muted">{t('outbox.hiddenSubject')}</span>}
                {item.body ? (
                  <details>
                    <summary>{t('outbox.body')}</summary>
                    <pre className="outbox-body">{item.body}</pre>
                  </details>
                ) : null}
              </Table.Cell>
              <Table.Cell>{t(`mailKind.${item.kind}`)}</Table.Cell>
              <Table.Cell>
                {t(`mailState.${item.state}`)}
                {item.attempts > 1 ? <span className="muted"> ({t('outbox.attempts', { count: item.attempts })})</span> : null}
                {item.lastError && item.state !== 'sent' ? (
                  <Paragraph data-size="sm" className="muted">
                    {t('outbox.lastError', { error: item.lastError })}
                  </Paragraph>
                ) : null}
              </Table.Cell>
              <Table.Cell>{dateTime(item.createdAt)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
