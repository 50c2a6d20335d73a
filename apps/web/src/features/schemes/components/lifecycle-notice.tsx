import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { SchemeDetail } from '@varde/contracts/finder-api';
import type { Scheme } from '@varde/contracts/schemes';
import { AppLink } from '../../../components/app-link';
import { useSchemeFormat } from '../format';

/**
 * Says at the top of a scheme's page that it is paused or has ended (with the day, when a source
 * states it, and a link to the scheme that replaced it). An active scheme shows nothing.
 */
export function LifecycleNotice({ scheme, successor, municipalityParam }: { scheme: Scheme; successor: SchemeDetail['successor']; municipalityParam: string }) {
  const { t, lang, date } = useSchemeFormat();
  const { lifecycle } = scheme;
  if (lifecycle.status === 'active') return null;
  const text =
    lifecycle.status === 'paused'
      ? t('scheme.lifecycle.paused')
      : lifecycle.endedOn
        ? t('scheme.lifecycle.endedOn', { date: date(lifecycle.endedOn) })
        : t('scheme.lifecycle.ended');
  return (
    <Alert data-color="warning" className="lifecycle-notice">
      <Paragraph>
        {text}
        {successor ? (
          <>
            {' '}
            {t('scheme.lifecycle.successor')}{' '}
            <AppLink to={`/ordninger/${successor.id}${municipalityParam ? `?municipality=${municipalityParam}` : ''}`}>{successor.name}</AppLink>.
          </>
        ) : null}
      </Paragraph>
      {lifecycle.note ? <Paragraph data-size="sm">{lifecycle.note[lang]}</Paragraph> : null}
    </Alert>
  );
}
