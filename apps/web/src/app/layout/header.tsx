import { NavLink, useLocation } from 'react-router';
import type { CurrentUser } from '@varde/contracts';
import { VardeLogo } from '../../components/varde-logo';
import { NotificationsLink } from '../../features/alerts/components/notifications-link';
import { SignOutButton } from '../../features/auth/components/sign-out-button';
import { advisesRegion } from '../../features/mapping/roles';
import { QuestionsLink } from '../../features/solutions/components/questions-link';
import { hasHome } from '../../features/home/api/get-home';
import { seesFactReports } from '../../features/provenance/can-answer';
import { useI18n } from '../../i18n/i18n';
import { LanguageSwitch } from './language-switch';

export function Header({ user }: { user: CurrentUser | null }) {
  const { t } = useI18n();
  // The work list of reported facts lives under /ordninger but is its own menu item.
  const onWorkList = useLocation().pathname.startsWith('/ordninger/rapporter');
  const links = [
    ...(user && hasHome(user.memberships) ? [{ to: '/min-kommune', label: t('nav.myMunicipality') }] : []),
    { to: '/ordninger', label: t('nav.schemes') },
    { to: '/frister', label: t('nav.deadlines') },
    { to: '/kommuner', label: t('nav.municipalities') },
    ...(seesFactReports(user) ? [{ to: '/ordninger/rapporter', label: t('nav.factReports') }] : []),
    { to: '/deltakelse', label: t('nav.participation') },
    { to: '/kartlegging', label: t('nav.mapping') },
    ...(user && advisesRegion(user) ? [{ to: '/region', label: t('nav.region') }] : []),
    { to: '/losninger', label: t('library.nav') },
    ...(user?.isPlatformAdmin ? [{ to: '/admin', label: t('nav.admin') }] : []),
  ];
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <NavLink to="/" className="brand" aria-label={t('layout.homeLink')}>
          <VardeLogo />
          <span>{t('app.name')}</span>
        </NavLink>
        <nav aria-label={t('layout.mainNav')} className="main-nav">
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.to === '/ordninger' && onWorkList} className="ds-link">
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="site-header__tools">
          <LanguageSwitch />
          <div className="account-nav">
            {user ? (
              <>
                <NotificationsLink />
                <QuestionsLink />
                <NavLink to="/konto" className="ds-link">
                  <span className="ds-sr-only">{t('layout.signedInAs')} </span>
                  {user.name}
                  <span className="ds-sr-only">, {t('nav.account')}</span>
                </NavLink>
                <SignOutButton />
              </>
            ) : (
              <NavLink to="/logg-inn" className="ds-link">
                {t('nav.signIn')}
              </NavLink>
            )}
          </div>
        </div>
      </div>
    </header>
  );
}
