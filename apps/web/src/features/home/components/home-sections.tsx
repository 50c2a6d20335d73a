import type { ReactNode } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Member } from '@varde/contracts';
import type { NotificationList } from '@varde/contracts/alerts-api';
import type { DeadlineList } from '@varde/contracts/catalogue-api';
import type { SchemeList } from '@varde/contracts/finder-api';
import type { HomeMunicipality } from '@varde/contracts/home-api';
import type { NeedsProfile } from '@varde/contracts/needs-api';
import type { PipelineItem } from '@varde/contracts/pipeline-api';
import { AppLink } from '../../../components/app-link';
import { useI18n } from '../../../i18n/i18n';
import { boardStatuses, statusLabel } from '../../pipeline/statuses';
import { finderHref } from '../../schemes/api/list-schemes';
import { CallStatusText, DeadlineText } from '../../schemes/components/call-deadline';
import { VerdictBadge } from '../../schemes/components/verdict';

/** Calls that count as upcoming on the home: open now or with a deadline in the next six months. */
export const UPCOMING_DAYS = 183;
/** Rows each part of the home shows before its "see all" link. */
const SHOWN = 6;

function HomeCard({ id, title, children, more, wide = false }: { id: string; title: string; children: ReactNode; more: ReactNode; wide?: boolean }) {
  return (
    <section className={wide ? 'home-card home-card--wide' : 'home-card'} aria-labelledby={id}>
      <Heading level={2} data-size="xs" id={id}>
        {title}
      </Heading>
      {children}
      <p className="home-card__more">{more}</p>
    </section>
  );
}

/** Links to the member's other municipalities; choosing one remembers it for next time. */
export function MunicipalitySwitcher({ municipalities, currentId }: { municipalities: HomeMunicipality[]; currentId: string }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('home.mine.switchLabel')} className="home-switcher">
      <span className="home-switcher__label" aria-hidden="true">
        {t('home.mine.switchLabel')}:
      </span>
      <ul>
        {municipalities.map((m) => (
          <li key={m.organisationId}>
            <AppLink to={`/min-kommune?organisasjon=${m.organisationId}`} aria-current={m.organisationId === currentId ? 'page' : undefined}>
              {m.name}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Open and upcoming calls that fit the municipality, in the finder's order (schemes it cannot take part in left out). */
export function HomeSchemes({ schemes, municipalityCode }: { schemes: SchemeList; municipalityCode: string }) {
  const { t } = useI18n();
  const fitting = schemes.items.filter((s) => s.eligibility?.verdict !== 'not_eligible').slice(0, SHOWN);
  return (
    <HomeCard
      wide
      id="home-schemes"
      title={t('home.mine.schemesHeading')}
      more={<AppLink to={finderHref({ municipality: municipalityCode, deadlineWithin: UPCOMING_DAYS })}>{t('home.mine.schemesMore')}</AppLink>}
    >
      {fitting.length === 0 ? (
        <Paragraph>{t('home.mine.schemesEmpty')}</Paragraph>
      ) : (
        <ul className="home-list">
          {fitting.map((s) => (
            <li key={s.id}>
              <AppLink to={`/ordninger/${s.id}?municipality=${municipalityCode}`}>{s.name}</AppLink>
              {s.eligibility ? (
                <span className="home-list__meta">
                  <VerdictBadge verdict={s.eligibility.verdict} eligibilityRole={s.eligibility.role} />
                </span>
              ) : null}
              {s.nextCall ? (
                <span className="home-list__meta">
                  <span>
                    {t('finder.deadlineLabel')}: <DeadlineText deadline={s.nextCall.deadline} />
                  </span>
                  <CallStatusText call={s.nextCall} short />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </HomeCard>
  );
}

/** How many schemes stand where on the board, and the next deadlines the municipality is working towards. */
export function HomePipeline({ items, organisationId }: { items: PipelineItem[]; organisationId: string }) {
  const { t } = useI18n();
  const counts = boardStatuses.map((status) => ({ status, count: items.filter((i) => i.status === status).length }));
  const next = items
    .filter((i) => (i.status === 'interested' || i.status === 'preparing') && i.callDeadline && i.callStatus !== 'closed')
    .sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''))
    .slice(0, 3);
  return (
    <HomeCard
      id="home-pipeline"
      title={t('home.mine.pipelineHeading')}
      more={<AppLink to={`/organisasjoner/${organisationId}/pipeline`}>{t('home.mine.pipelineMore')}</AppLink>}
    >
      {items.length === 0 ? (
        <Paragraph>{t('home.mine.pipelineEmpty')}</Paragraph>
      ) : (
        <>
          <ul className="home-counts">
            {counts.map(({ status, count }) => (
              <li key={status}>
                <span className="home-counts__number">{count}</span> {statusLabel(t, status)}
              </li>
            ))}
          </ul>
          {next.length ? (
            <>
              <Paragraph data-size="sm">{t('home.mine.pipelineNext')}</Paragraph>
              <ul className="home-list">
                {next.map((i) => (
                  <li key={i.id}>
                    <span>{i.schemeName}</span>
                    <span className="home-list__meta">
                      <DeadlineText deadline={i.callDeadline} />
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </HomeCard>
  );
}

/** Deadlines of the next weeks for the municipality: national calls and its county's rounds. */
export function HomeDeadlines({ deadlines, municipalityCode, days }: { deadlines: DeadlineList; municipalityCode: string; days: number }) {
  const { t } = useI18n();
  const items = deadlines.items.slice(0, SHOWN);
  return (
    <HomeCard
      id="home-deadlines"
      title={t('home.mine.deadlinesHeading', { weeks: Math.round(days / 7) })}
      more={<AppLink to={`/frister?municipality=${municipalityCode}`}>{t('home.mine.deadlinesMore')}</AppLink>}
    >
      {items.length === 0 ? (
        <Paragraph>{t('home.mine.deadlinesEmpty')}</Paragraph>
      ) : (
        <ul className="home-list">
          {items.map((item) => (
            <li key={`${item.schemeId}:${item.call.id}`}>
              <AppLink to={`/ordninger/${item.schemeId}`}>{item.schemeName}</AppLink>
              <span className="home-list__meta">
                <DeadlineText deadline={item.call.deadline} />
                {item.call.predicted ? (
                  <>
                    {' · '}
                    <CallStatusText call={item.call} short />
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </HomeCard>
  );
}

/** Unread notifications, newest first. */
export function HomeNotifications({ notifications }: { notifications: NotificationList }) {
  const { t, dateTime } = useI18n();
  const unread = notifications.items.filter((n) => !n.read).slice(0, SHOWN);
  return (
    <HomeCard
      id="home-notifications"
      title={t('home.mine.notificationsHeading', { count: notifications.unread })}
      more={<AppLink to="/varsler">{t('home.mine.notificationsMore')}</AppLink>}
    >
      {unread.length === 0 ? (
        <Paragraph>{t('home.mine.notificationsEmpty')}</Paragraph>
      ) : (
        <ul className="home-list">
          {unread.map((n) => (
            <li key={n.id}>
              <AppLink to={`/ordninger/${n.schemeId}`}>{n.schemeName}</AppLink>
              <span>{n.message}</span>
              <span className="home-list__meta muted">
                <time dateTime={n.createdAt}>{dateTime(n.createdAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </HomeCard>
  );
}

/** The needs profile in one line: its themes, and when it was last changed. */
export function HomeNeeds({ needs, organisationId }: { needs: NeedsProfile; organisationId: string }) {
  const { t, dateTime } = useI18n();
  return (
    <HomeCard
      id="home-needs"
      title={t('home.mine.needsHeading')}
      more={<AppLink to={`/organisasjoner/${organisationId}/behov`}>{t('home.mine.needsMore')}</AppLink>}
    >
      {needs.themes.length === 0 ? (
        <Paragraph>{t('home.mine.needsEmpty')}</Paragraph>
      ) : (
        <>
          <ul className="home-tags">
            {needs.themes.map((theme) => (
              <li key={theme}>{t(`theme.${theme}`)}</li>
            ))}
          </ul>
          {needs.updatedAt ? (
            <Paragraph data-size="sm" className="muted">
              {t('home.mine.needsUpdated', { date: dateTime(needs.updatedAt) })}
            </Paragraph>
          ) : null}
        </>
      )}
    </HomeCard>
  );
}

/** The other members of the municipality in Varde. */
export function HomeMembers({ members, userId, organisationId }: { members: Member[]; userId: string; organisationId: string }) {
  const { t } = useI18n();
  const others = members.filter((m) => m.userId !== userId);
  return (
    <HomeCard
      id="home-members"
      title={t('home.mine.membersHeading', { count: others.length })}
      more={<AppLink to={`/organisasjoner/${organisationId}`}>{t('home.mine.membersMore')}</AppLink>}
    >
      {others.length === 0 ? (
        <Paragraph>{t('home.mine.membersEmpty')}</Paragraph>
      ) : (
        <ul className="home-list">
          {others.slice(0, SHOWN).map((m) => (
            <li key={m.userId}>
              <span>{m.name}</span>
              <span className="home-list__meta muted">{t(`role.${m.role}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </HomeCard>
  );
}
