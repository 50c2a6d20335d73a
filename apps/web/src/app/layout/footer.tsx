import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';

export function Footer() {
  const { t, lang } = useI18n();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <Paragraph data-size="sm">
          {t('footer.sourcesLeadIn')} {/* The licence attribution is kept in its original Norwegian wording in every language. */}
          <span lang={lang === 'en' ? 'nb' : undefined}>{t('footer.attribution')}</span>
        </Paragraph>
        <ul className="site-footer__links">
          <li>
            <Link href="/api/docs" data-size="sm">
              {t('footer.apiDocs')}
            </Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
