import { useEffect, useRef } from 'react';
import { Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import type { UserSummary } from '@varde/contracts';
import { ADMIN_PAGE_SIZE } from '@varde/contracts/admin-api';
import { AppLink } from '../../../components/app-link';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { roleLabel } from '../../organisations/labels';
import { ListPagination } from './list-pagination';

interface UserTableProps {
  users: UserSummary[];
  total: number;
  q: string;
  page: number;
  hrefFor: (page: number) => string;
}

/** User accounts searched by name or e-mail with a plain GET form, by name in Norwegian order, a page at a time. */
export function UserTable({ users, total, q, page, hrefFor }: UserTableProps) {
  const { t, number } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const search = formRef.current?.elements.namedItem('userQ');
    if (search instanceof HTMLInputElement) search.value = q;
  }, [q]);
  const first = (page - 1) * ADMIN_PAGE_SIZE + 1;
  return (
    <div className="stack">
      <Form method="get" className="filter-row" preventScrollReset ref={formRef} role="search" aria-label={t('admin.searchUsers')}>
        <TextInput id="user-filter-q" name="userQ" type="search" label={t('admin.searchUsers')} defaultValue={q} maxLength={100} autoComplete="off" />
        <Button type="submit" variant="secondary">
          {t('admin.searchSubmit')}
        </Button>
      </Form>
      <Paragraph role="status">
        {total === 0
          ? t('admin.usersNone')
          : total <= ADMIN_PAGE_SIZE
            ? t('admin.userCount', { count: number(total) })
            : t('admin.userRange', { from: number(first), to: number(first + users.length - 1), count: number(total) })}
      </Paragraph>
      {users.length ? <UserRows users={users} /> : null}
      <ListPagination page={page} total={total} pageSize={ADMIN_PAGE_SIZE} hrefFor={hrefFor} label={t('admin.userPages')} />
    </div>
  );
}

function UserRows({ users }: { users: UserSummary[] }) {
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
