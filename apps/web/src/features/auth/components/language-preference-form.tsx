import { Button, Field, Fieldset, Input, Label } from '@digdir/designsystemet-react';
import { useLocation } from 'react-router';
import { isLanguage, languages, type Language } from '@varde/contracts/vocabulary';
import { searchOf } from '../../../app/api-client';
import { FormProblems } from '../../../components/form-problems';
import { languageNames, useI18n } from '../../../i18n/i18n';
import { useSetPreferences } from '../api/set-preferences';

export function LanguagePreferenceForm({ current }: { current: Language }) {
  const { t } = useI18n();
  const location = useLocation();
  const { state, mutate } = useSetPreferences();

  return (
    <form
      className="form"
      onSubmit={async (event) => {
        event.preventDefault();
        const language = new FormData(event.currentTarget).get('language');
        if (!isLanguage(language)) return;
        const result = await mutate({ language });
        if (!result.ok) return;
        // Reload without `?lang=`, which would otherwise win over the saved choice.
        const params = new URLSearchParams(location.search);
        params.delete('lang');
        window.location.assign(`${location.pathname}${searchOf(params)}`);
      }}
    >
      {state.status === 'error' ? <FormProblems fields={[]} message={state.error.message} attempt={state.attempt} idFor={(p) => p} /> : null}
      <Fieldset aria-describedby="language-hint">
        <Fieldset.Legend>{t('account.languageLegend')}</Fieldset.Legend>
        <Fieldset.Description id="language-hint">{t('account.languageHint')}</Fieldset.Description>
        {languages.map((l) => (
          <Field asChild key={l}>
            <div>
              <Input type="radio" id={`language-${l}`} name="language" value={l} defaultChecked={l === current} />
              <Label htmlFor={`language-${l}`} weight="regular" lang={l}>
                {languageNames[l]}
              </Label>
            </div>
          </Field>
        ))}
      </Fieldset>
      <div className="form-actions">
        <Button type="submit" loading={state.status === 'pending'}>
          {t('account.languageSubmit')}
        </Button>
      </div>
    </form>
  );
}
