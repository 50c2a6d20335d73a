import { Paragraph, Table } from '@digdir/designsystemet-react';
import type { AuditEntry, MessageKey } from '@varde/contracts';
import { organisationTypes, type OrganisationType } from '@varde/contracts/vocabulary';
import { useI18n, type Translate } from '../../../i18n/i18n';

export const actionKeys: Record<string, MessageKey> = {
  'session.login': 'audit.action.session.login',
  'user.created': 'audit.action.user.created',
  'user.password_changed': 'audit.action.user.password_changed',
  'user.password_reset_requested': 'audit.action.user.password_reset_requested',
  'user.password_reset': 'audit.action.user.password_reset',
  'user.platform_admin_granted': 'audit.action.user.platform_admin_granted',
  'organisation.created': 'audit.action.organisation.created',
  'invitation.created': 'audit.action.invitation.created',
  'invitation.revoked': 'audit.action.invitation.revoked',
  'invitation.accepted': 'audit.action.invitation.accepted',
  'membership.role_changed': 'audit.action.membership.role_changed',
  'membership.removed': 'audit.action.membership.removed',
  'scheme.facts_checked': 'audit.action.scheme.facts_checked',
  'fact_report.resolved': 'audit.action.fact_report.resolved',
  'fact_report.rejected': 'audit.action.fact_report.rejected',
  'participation.flagged': 'audit.action.participation.flagged',
  'participation.flag_resolved': 'audit.action.participation.flag_resolved',
  'participation.import_committed': 'audit.action.participation.import_committed',
  'participation.import_undone': 'audit.action.participation.import_undone',
  'participation.removed': 'audit.action.participation.removed',
  'participation.verified': 'audit.action.participation.verified',
  'region_scope.changed': 'audit.action.region_scope.changed',
  'pipeline_sharing.changed': 'audit.action.pipeline_sharing.changed',
  'solution.created': 'audit.action.solution.created',
  'solution.published': 'audit.action.solution.published',
  'solution.owner_withdrawn': 'audit.action.solution.owner_withdrawn',
  'solution.document_added': 'audit.action.solution.document_added',
  'solution.document_removed': 'audit.action.solution.document_removed',
  'solution.reported': 'audit.action.solution.reported',
  'solution.hidden': 'audit.action.solution.hidden',
  'solution.restored': 'audit.action.solution.restored',
  'solution.report_dismissed': 'audit.action.solution.report_dismissed',
};

function roleWord(t: Translate, value: unknown): string {
  if (value === 'admin' || value === 'member') return t(`role.${value}Lower`);
  return typeof value === 'string' ? value : '';
}

/** A sentence for an entry; detail values that are codes (roles, organisation types) are translated too. */
function describeAuditEntry(t: Translate, entry: AuditEntry): string {
  const key = actionKeys[entry.action];
  if (!key) return entry.action;
  const d = entry.detail;
  const type = typeof d.type === 'string' ? d.type : '';
  return t(key, {
    email: typeof d.email === 'string' ? d.email : '',
    name: typeof d.name === 'string' ? d.name : '',
    role: roleWord(t, d.role),
    from: roleWord(t, d.from),
    to: roleWord(t, d.to),
    type: isOrganisationType(type) ? t(`organisationType.${type}`) : type,
  });
}

const isOrganisationType = (v: string): v is OrganisationType => (organisationTypes as readonly string[]).includes(v);

export function AuditTable({ entries, caption, limit }: { entries: AuditEntry[]; caption: string; limit?: number }) {
  const { t, dateTime } = useI18n();
  const shown = limit ? entries.slice(0, limit) : entries;
  if (entries.length === 0) return <Paragraph>{t('audit.empty')}</Paragraph>;
  return (
    <div className="stack">
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <Table data-size="sm" zebra>
          <caption>{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('audit.column.at')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('audit.column.actor')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('audit.column.action')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shown.map((entry) => (
              <Table.Row key={entry.id}>
                <Table.Cell>
                  <time dateTime={entry.at}>{dateTime(entry.at)}</time>
                </Table.Cell>
                <Table.Cell>{entry.actorName ?? t('audit.system')}</Table.Cell>
                <Table.Cell>{describeAuditEntry(t, entry)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {limit && entries.length > limit ? (
        <Paragraph data-size="sm" className="muted">
          {t('audit.showingLatest', { shown: limit, total: entries.length })}
        </Paragraph>
      ) : null}
    </div>
  );
}
