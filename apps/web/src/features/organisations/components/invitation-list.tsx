import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Invitation } from '@varde/contracts';
import { ActionStatus, useListActions } from '../../../components/list-actions';
import { useI18n } from '../../../i18n/i18n';
import { useRevokeInvitation } from '../api/revoke-invitation';
import { roleLabel } from '../labels';

export function InvitationList({ organisationId, invitations }: { organisationId: string; invitations: Invitation[] }) {
  const { t, dateTime } = useI18n();
  const { state, mutate } = useRevokeInvitation();
  // After a revocation the row and its button are gone: focus goes to the section's heading.
  const actions = useListActions('invitations-heading');
  const revoke = (invitation: Invitation) =>
    actions.run(() => mutate({ organisationId, invitationId: invitation.id }), t('invitations.revoked', { email: invitation.email }));

  return (
    <div className="stack">
      <ActionStatus done={actions.done} error={state.status === 'error' ? state.error : null} alert />
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
