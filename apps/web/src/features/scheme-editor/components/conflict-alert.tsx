import { useEffect, useRef } from 'react';
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { AppLink } from '../../../components/app-link';
import { useI18n } from '../../../i18n/i18n';

/** 409: someone saved first. Nothing is lost yet: the draft stays in the form until the user reloads. */
export function ConflictAlert({ schemeId, message, attempt }: { schemeId: string; message: string; attempt: number }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [attempt]);
  return (
    <Alert ref={ref} data-color="danger" className="form-problems" tabIndex={-1}>
      <Heading level={2} data-size="xs">
        {t('editor.conflictHeading')}
      </Heading>
      <Paragraph>{message}</Paragraph>
      <Paragraph>{t('editor.conflictHelp')}</Paragraph>
      <ul className="link-list">
        <li>
          <AppLink to={`/ordninger/${schemeId}/historikk`} target="_blank">
            {t('editor.conflictHistory')}
          </AppLink>
        </li>
        <li>
          <a className="ds-link" href={`/ordninger/${schemeId}/rediger`}>
            {t('editor.conflictReload')}
          </a>
        </li>
      </ul>
    </Alert>
  );
}
