import { useState } from 'react';
import { Alert, Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import type { Invitation } from '@varde/contracts';
import { useI18n } from '../../../i18n/i18n';
import { useRevokeInvitation } from '../api/revoke-invitation';
import { roleLabel } from '../labels';

export function InvitationList({ organisationId, invitations }: { organisationId: string; invitations: Invitation[] }) {
  const { t, dateTime } = useI18n();
  const revalidator = useRevalidator();
  const { state, mutate } = useRevokeInvitation();
  const [done, setDone] = useState<string | null>(null);

  async function revoke(invitation: Invitation) {
    setDone(null);
    const result = await mutate({ organisationId, invitationId: invitation.id });
    if (result.ok) {
      setDone(t('invitations.revoked', { email: invitation.email }));
      await revalidator.revalidate();
      // The row and its button are gone; keep keyboard users in the section.
      document.getElementById('invitations-heading')?.focus();
    }
  }

  return (
    <div className="stack">
      <div role="status">
        {done ? (
          <Alert data-color="success">
            <Paragraph>{done}</Paragraph>
          </Alert>
        ) : null}
        {state.status === 'error' ? (
          <Alert data-color="danger">
            <Paragraph>{state.error.message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {invitations.length === 0 ? (
        <Paragraph>{t('invitations.empty')}</Paragraph>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="invitations-caption">
          <Table data-size="sm" zebra>
            <caption id="invitations-caption">{t('invitations.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('field.email')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('field.role')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('invitations.invitedBy')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('invitations.expires')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('members.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {invitations.map((i) => (
                <Table.Row key={i.id}>
                  <th scope="row">{i.email}</th>
                  <Table.Cell>{roleLabel(t, i.role)}</Table.Cell>
                  <Table.Cell>{i.invitedBy}</Table.Cell>
                  <Table.Cell>{dateTime(i.expiresAt)}</Table.Cell>
                  <Table.Cell>
                    <Button data-size="sm" variant="tertiary" data-color="danger" onClick={() => void revoke(i)}>
                      {t('invitations.revoke')}
                      <span className="ds-sr-only"> ({i.email})</span>
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </div>
  );
}
