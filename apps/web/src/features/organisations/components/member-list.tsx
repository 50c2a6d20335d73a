import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Member } from '@varde/contracts';
import { ActionStatus, ConfirmStep, useListActions } from '../../../components/list-actions';
import { useI18n } from '../../../i18n/i18n';
import { roleLabel } from '../labels';
import { useRemoveMember } from '../api/remove-member';
import { useUpdateMemberRole } from '../api/update-member';

interface MemberListProps {
  organisationId: string;
  members: Member[];
  currentUserId: string;
  canManage: boolean;
}

/** Members with their role; administrators can change roles and remove members (with a confirm step). */
export function MemberList({ organisationId, members, currentUserId, canManage }: MemberListProps) {
  const { t, date } = useI18n();
  const update = useUpdateMemberRole();
  const remove = useRemoveMember();
  // After a removal the row and its buttons are gone: focus goes to the section's heading.
  const actions = useListActions('members-heading');
  const error = update.state.status === 'error' ? update.state.error : remove.state.status === 'error' ? remove.state.error : null;

  function changeRole(member: Member) {
    const role = member.role === 'admin' ? 'member' : 'admin';
    const message = t('members.roleChanged', { name: member.name, role: t(`role.${role}Lower`) });
    return actions.run(() => update.mutate({ organisationId, userId: member.userId, role }), message, null);
  }

  // The only administrator cannot become a member or be removed (the organisation must keep one): nothing to offer.
  const adminCount = members.filter((m) => m.role === 'admin').length;
  const isOnlyAdmin = (m: Member) => m.role === 'admin' && adminCount === 1;

  if (members.length === 0) return <Paragraph>{t('members.empty')}</Paragraph>;
  return (
    <div className="stack">
      <ActionStatus done={actions.done} error={error} alert />
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="members-caption">
        <Table data-size="sm" zebra>
          <caption id="members-caption">{t('members.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('field.name')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('field.email')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('field.role')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('members.joined')}</Table.HeaderCell>
              {canManage ? <Table.HeaderCell scope="col">{t('members.actions')}</Table.HeaderCell> : null}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {members.map((m) => (
              <Table.Row key={m.userId}>
                <th scope="row">
                  {m.name}
                  {m.userId === currentUserId ? <span className="muted"> ({t('members.you')})</span> : null}
                </th>
                <Table.Cell>{m.email}</Table.Cell>
                <Table.Cell>{roleLabel(t, m.role)}</Table.Cell>
                <Table.Cell>{date(m.joinedAt)}</Table.Cell>
                {canManage && isOnlyAdmin(m) ? (
                  <Table.Cell>
                    <span className="muted">{t('members.onlyAdmin')}</span>
                  </Table.Cell>
                ) : canManage ? (
                  <Table.Cell>
                    <div className="inline-actions">
                      <ConfirmStep
                        actions={actions}
                        rowKey={m.userId}
                        id={`remove-${m.userId}`}
                        label={t('members.remove')}
                        confirmLabel={t('members.confirmRemove')}
                        name={m.name}
                        pending={remove.state.status === 'pending'}
                        onConfirm={() => void actions.run(() => remove.mutate({ organisationId, userId: m.userId }), t('members.removed', { name: m.name }))}
                      >
                        <Button key="role" data-size="sm" variant="secondary" onClick={() => void changeRole(m)}>
                          {m.role === 'admin' ? t('members.makeMember') : t('members.makeAdmin')}
                          <span className="ds-sr-only"> ({m.name})</span>
                        </Button>
                      </ConfirmStep>
                    </div>
                  </Table.Cell>
                ) : null}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}
