import { Table, Tag } from '@digdir/designsystemet-react';
import type { UserSummary } from '@varde/contracts';
import { AppLink } from '../../../components/app-link';
import { useI18n } from '../../../i18n/i18n';
import { roleLabel } from '../../organisations/labels';

export function UserTable({ users }: { users: UserSummary[] }) {
  const { t, date } = useI18n();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="users-caption">
      <Table data-size="sm" zebra>
        <caption id="users-caption">{t('admin.usersCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('field.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('field.email')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('admin.memberships')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('admin.userCreated')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {users.map((u) => (
            <Table.Row key={u.id}>
              <th scope="row">
                {u.name}{' '}
                {u.isPlatformAdmin ? (
                  <Tag data-color="info" data-size="sm">
                    {t('account.platformAdmin')}
                  </Tag>
                ) : null}
              </th>
              <Table.Cell>{u.email}</Table.Cell>
              <Table.Cell>
                {u.memberships.length === 0 ? (
                  '–'
                ) : (
                  <ul className="plain-list">
                    {u.memberships.map((m) => (
                      <li key={m.organisationId}>
                        <AppLink to={`/organisasjoner/${m.organisationId}`}>{m.organisationName}</AppLink> ({roleLabel(t, m.role).toLocaleLowerCase()})
                      </li>
                    ))}
                  </ul>
                )}
              </Table.Cell>
              <Table.Cell>{date(u.createdAt)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
