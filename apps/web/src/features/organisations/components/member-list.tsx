import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useRevalidator } from 'react-router';
import type { Member } from '@varde/contracts';
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
  const revalidator = useRevalidator();
  const update = useUpdateMemberRole();
  const remove = useRemoveMember();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // "Cancel" removes the focused button; give focus back to the button that opened the confirm step.
  const returnFocus = useRef<string | null>(null);
  useEffect(() => {
    if (confirming !== null || !returnFocus.current) return;
    document.getElementById(returnFocus.current)?.focus();
    returnFocus.current = null;
  }, [confirming]);
  const error = update.state.status === 'error' ? update.state.error : remove.state.status === 'error' ? remove.state.error : null;

  async function changeRole(member: Member) {
    const role = member.role === 'admin' ? 'member' : 'admin';
    setDone(null);
    const result = await update.mutate({ organisationId, userId: member.userId, role });
    if (result.ok) {
      setDone(t('members.roleChanged', { name: member.name, role: t(`role.${role}Lower`) }));
      await revalidator.revalidate();
    }
  }

  async function removeMember(member: Member) {
    setDone(null);
    const result = await remove.mutate({ organisationId, userId: member.userId });
    setConfirming(null);
    if (result.ok) {
      setDone(t('members.removed', { name: member.name }));
      await revalidator.revalidate();
      // The row and its buttons are gone; keep keyboard users in the section.
      document.getElementById('members-heading')?.focus();
    }
  }

  if (members.length === 0) return <Paragraph>{t('members.empty')}</Paragraph>;
  return (
    <div className="stack">
      <div role="status">
        {done ? (
          <Alert data-color="success">
            <Paragraph>{done}</Paragraph>
          </Alert>
        ) : null}
        {error ? (
          <Alert data-color="danger">
            <Paragraph>{error.message}</Paragraph>
          </Alert>
        ) : null}
      </div>
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
                {canManage ? (
                  <Table.Cell>
                    <div className="inline-actions">
                      {confirming === m.userId ? (
                        <>
                          <Button
                            key="confirm"
                            data-size="sm"
                            data-color="danger"
                            autoFocus
                            onClick={() => void removeMember(m)}
                            loading={remove.state.status === 'pending'}
                          >
                            {t('members.confirmRemove')}
                            <span className="ds-sr-only"> ({m.name})</span>
                          </Button>
                          <Button
                            key="cancel"
                            data-size="sm"
                            variant="tertiary"
                            onClick={() => {
                              setConfirming(null);
                              returnFocus.current = `remove-${m.userId}`;
                            }}
                          >
                            {t('common.cancel')}
                          </Button>
                        </>
                      ) : (
                        <>
                          <Button key="role" data-size="sm" variant="secondary" onClick={() => void changeRole(m)}>
                            {m.role === 'admin' ? t('members.makeMember') : t('members.makeAdmin')}
                            <span className="ds-sr-only"> ({m.name})</span>
                          </Button>
                          <Button
                            key="remove"
                            id={`remove-${m.userId}`}
                            data-size="sm"
                            variant="tertiary"
                            data-color="danger"
                            onClick={() => setConfirming(m.userId)}
                          >
                            {t('members.remove')}
                            <span className="ds-sr-only"> ({m.name})</span>
                          </Button>
                        </>
                      )}
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
