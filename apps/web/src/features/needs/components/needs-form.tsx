import { useState } from 'react';
import { Alert, Button, Field, Fieldset, Input, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import type { NeedsProfile } from '@varde/contracts/needs-api';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { TextareaInput } from '../../../components/textarea-input';
import { useI18n } from '../../../i18n/i18n';
import { useSaveNeeds } from '../api/save-needs';
import { schemeThemes, type SchemeTheme } from '@varde/contracts/vocabulary';

/**
 * Told in the hint, not enforced with `maxLength`: that would cut a pasted text silently. A longer
 * text gets the API's field error instead.
 */
const DESCRIPTION_MAX = 4000;

/** Field errors on `themes.3` belong to the themes group; everything else maps to its own input. */
const idFor = (path: string) => (path.startsWith('themes') ? 'needs-themes' : `needs-${path}`);

export function NeedsForm({ organisationId, profile }: { organisationId: string; profile: NeedsProfile }) {
  const { t, dateTime } = useI18n();
  const { state, mutate } = useSaveNeeds();
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const { fields, problems } = useFormProblems(state, { labels: { description: t('needs.descriptionLabel'), themes: t('needs.themesLegend') } });
  const themeError = fields.find((f) => f.path.startsWith('themes'))?.message;
  const descriptionError = messageFor(fields, 'description');

  return (
    <form
      className="form form--wide"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setSavedAt(null);
        const data = new FormData(event.currentTarget);
        const themes = data.getAll('themes').filter((v): v is SchemeTheme => (schemeThemes as readonly unknown[]).includes(v));
        const result = await mutate({ organisationId, themes, description: String(data.get('description') ?? '') });
        if (result.ok) setSavedAt(result.data.updatedAt ?? new Date().toISOString());
      }}
    >
      {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
      <Fieldset
        id="needs-themes"
        tabIndex={-1}
        aria-describedby={[themeError ? 'needs-themes-error' : '', 'needs-themes-description'].filter(Boolean).join(' ')}
        aria-invalid={themeError ? true : undefined}
      >
        <Fieldset.Legend>{t('needs.themesLegend')}</Fieldset.Legend>
        <Fieldset.Description id="needs-themes-description">{t('needs.themesHint')}</Fieldset.Description>
        <div className="checkbox-columns">
          {schemeThemes.map((theme) => (
            <Field asChild key={theme}>
              <div>
                <Input type="checkbox" id={`needs-theme-${theme}`} name="themes" value={theme} defaultChecked={profile.themes.includes(theme)} />
                <Label htmlFor={`needs-theme-${theme}`} weight="regular">
                  {t(`theme.${theme}`)}
                </Label>
              </div>
            </Field>
          ))}
        </div>
        {themeError ? <ValidationMessage id="needs-themes-error">{themeError}</ValidationMessage> : null}
      </Fieldset>
      <TextareaInput
        id="needs-description"
        name="description"
        label={t('needs.descriptionLabel')}
        description={t('needs.descriptionHint', { max: DESCRIPTION_MAX })}
        defaultValue={profile.description}
        maxLength={DESCRIPTION_MAX}
        rows={6}
        error={descriptionError}
      />
      <div className="form-actions">
        <Button type="submit" loading={state.status === 'pending'}>
          {t('needs.save')}
        </Button>
      </div>
      <div role="status">
        {savedAt ? (
          <Alert data-color="success">
            <Paragraph>{t('needs.saved', { when: dateTime(savedAt) })}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {profile.updatedAt && !savedAt ? (
        <Paragraph data-size="sm" className="muted">
          {t('needs.lastSaved', { when: dateTime(profile.updatedAt) })}
        </Paragraph>
      ) : null}
    </form>
  );
}
