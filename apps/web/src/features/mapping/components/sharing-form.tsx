import { Alert, Button, Field, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import type { SharingResponse } from '@varde/contracts/mapping-api';
import { useRevalidator } from 'react-router';
import { useMutation } from '../../../app/use-mutation';
import { FormProblems } from '../../../components/form-problems';
import { useI18n } from '../../../i18n/i18n';
import { saveSharing } from '../api/mapping';

/**
 * "Share our pipeline with regional advisers": off by default; the municipality's administrators
 * change it, other members see what it is. Advisers then see where the municipality stands with the
 * open calls it may apply for (the status only: never notes or people).
 */
export function SharingSection({ organisationId, sharing, canChange }: { organisationId: string; sharing: SharingResponse; canChange: boolean }) {
  const { t, dateTime } = useI18n();
  const revalidator = useRevalidator();
  const { state, mutate } = useMutation((api, share: boolean) => saveSharing(api, organisationId, { sharePipelineWithAdvisers: share }));
  const current = state.status === 'success' ? state.data : sharing;
  return (
    <section className="section" aria-labelledby="sharing-heading">
      <Heading level={2} data-size="sm" id="sharing-heading">
        {t('sharing.heading')}
      </Heading>
      <Paragraph>{t('sharing.lead')}</Paragraph>
      <Paragraph>
        <strong>{current.sharePipelineWithAdvisers ? t('sharing.on') : t('sharing.off')}</strong>
        {current.updatedAt ? ` ${t('sharing.changed', { date: dateTime(current.updatedAt), name: current.updatedBy?.name ?? t('sharing.someone') })}` : ''}
      </Paragraph>
      {canChange ? (
        <form
          className="form"
          onSubmit={async (event) => {
            event.preventDefault();
            const share = new FormData(event.currentTarget).get('share') === 'on';
            const result = await mutate(share);
            if (result.ok) void revalidator.revalidate();
          }}
        >
          {state.status === 'error' ? <FormProblems fields={[]} message={state.error.message} attempt={state.attempt} idFor={(p) => p} /> : null}
          <Field>
            <div>
              <Input type="checkbox" id="sharing-share" name="share" defaultChecked={sharing.sharePipelineWithAdvisers} aria-describedby="sharing-hint" />
              <Label htmlFor="sharing-share" weight="regular">
                {t('sharing.label')}
              </Label>
            </div>
            <Paragraph id="sharing-hint" data-size="sm">
              {t('sharing.hint')}
            </Paragraph>
          </Field>
          <div className="form-actions">
            <Button type="submit" loading={state.status === 'pending'}>
              {t('sharing.save')}
            </Button>
          </div>
          <div role="status">
            {state.status === 'success' ? (
              <Alert data-color="success">
                <Paragraph>{t('sharing.saved')}</Paragraph>
              </Alert>
            ) : null}
          </div>
        </form>
      ) : (
        <Paragraph data-size="sm">{t('sharing.adminsOnly')}</Paragraph>
      )}
    </section>
  );
}
