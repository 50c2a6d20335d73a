import { Alert, Button, Field, Fieldset, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import type { MailPreferences } from '@varde/contracts/mail-api';
import { digestFrequencies, type DigestFrequency } from '@varde/contracts/vocabulary';
import { FormProblems } from '../../../components/form-problems';
import { useI18n } from '../../../i18n/i18n';
import { useSaveMailPreferences } from '../api/mail-preferences';

const isFrequency = (value: unknown): value is DigestFrequency => typeof value === 'string' && (digestFrequencies as readonly string[]).includes(value);

/** How often notifications come by e-mail, and deadline reminders on or off. */
export function MailPreferencesForm({ current }: { current: MailPreferences }) {
  const { t } = useI18n();
  const { state, mutate } = useSaveMailPreferences();
  return (
    <form
      className="form"
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const digest = data.get('digest');
        if (!isFrequency(digest)) return;
        await mutate({ digest, reminders: data.get('reminders') === 'on' });
      }}
    >
      {state.status === 'error' ? <FormProblems fields={[]} message={state.error.message} attempt={state.attempt} idFor={(p) => p} /> : null}
      <Fieldset>
        <Fieldset.Legend>{t('mailPrefs.digestLegend')}</Fieldset.Legend>
        {digestFrequencies.map((f) => (
          <Field asChild key={f}>
            <div>
              <Input type="radio" id={`digest-${f}`} name="digest" value={f} defaultChecked={f === current.digest} />
              <Label htmlFor={`digest-${f}`} weight="regular">
                {t(`mailPrefs.digest.${f}`)}
              </Label>
            </div>
          </Field>
        ))}
      </Fieldset>
      <Field>
        <div>
          <Input type="checkbox" id="mail-reminders" name="reminders" defaultChecked={current.reminders} aria-describedby="mail-reminders-hint" />
          <Label htmlFor="mail-reminders" weight="regular">
            {t('mailPrefs.reminders')}
          </Label>
        </div>
        <Paragraph id="mail-reminders-hint" data-size="sm" className="muted">
          {t('mailPrefs.remindersHint')}
        </Paragraph>
      </Field>
      <div className="form-actions">
        <Button type="submit" loading={state.status === 'pending'}>
          {t('mailPrefs.save')}
        </Button>
      </div>
      <div role="status">
        {state.status === 'success' ? (
          <Alert data-color="success">
            <Paragraph>{t('mailPrefs.saved')}</Paragraph>
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
