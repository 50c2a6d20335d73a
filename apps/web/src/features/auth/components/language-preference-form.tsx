import { Button, Field, Fieldset, Input, Label } from '@digdir/designsystemet-react';
import { useLocation } from 'react-router';
import { languages, type Language } from '@varde/contracts/roles';
import { FormProblems } from '../../../components/form-problems';
import { useI18n } from '../../../i18n/i18n';
import { useSetPreferences } from '../api/set-preferences';

const names: Record<Language, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

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
        if (language !== 'nb' && language !== 'nn' && language !== 'en') return;
        const result = await mutate({ language });
        if (!result.ok) return;
        // Reload without `?lang=`, which would otherwise win over the saved choice.
        const params = new URLSearchParams(location.search);
        params.delete('lang');
        const search = params.toString();
        window.location.assign(`${location.pathname}${search ? `?${search}` : ''}`);
      }}
    >
      {state.status === 'error' ? (
        <FormProblems fields={[]} message={state.error.message} attempt={state.attempt} idFor={(p) => p} />
      ) : null}
      <Fieldset aria-describedby="language-hint">
        <Fieldset.Legend>{t('account.languageLegend')}</Fieldset.Legend>
        <Fieldset.Description id="language-hint">{t('account.languageHint')}</Fieldset.Description>
        {languages.map((l) => (
          <Field asChild key={l}>
            <div>
              <Input type="radio" id={`language-${l}`} name="language" value={l} defaultChecked={l === current} />
              <Label htmlFor={`language-${l}`} weight="regular" lang={l}>
                {names[l]}
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
