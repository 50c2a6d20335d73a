import { useLocation } from 'react-router';
import { languages, type Language } from '@varde/contracts/vocabulary';
import { languageNames, useI18n } from '../../i18n/i18n';

/**
 * Plain links (a full page load, so the server picks the language, saves it and renders everything in
 * it) that keep the current path and query. Each name is written in its own language.
 */
export function LanguageSwitch() {
  const { t, lang } = useI18n();
  const location = useLocation();
  const hrefFor = (target: Language) => {
    const params = new URLSearchParams(location.search);
    params.set('lang', target);
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <nav aria-label={t('layout.languageNav')} className="language-switch">
      <ul>
        {languages.map((l) => (
          <li key={l}>
            <a href={hrefFor(l)} lang={l} hrefLang={l} aria-current={l === lang ? 'true' : undefined} className="ds-link">
              {languageNames[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
