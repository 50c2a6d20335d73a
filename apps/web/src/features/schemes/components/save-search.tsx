import { useState } from 'react';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import type { SchemeQuery } from '@varde/contracts/finder-api';
import { AppLink } from '../../../components/app-link';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { useSaveSearch } from '../api/save-search';

// Only the name can be wrong (the query comes from the finder's own parsed address).
const idFor = () => 'save-search-name';
const NAME_MAX = 120;

/** "Save this search" for signed-in users: a name, and the finder's current query. */
export function SaveSearch({ query, suggestedName }: { query: SchemeQuery; suggestedName: string }) {
  const { t } = useI18n();
  const { state, mutate } = useSaveSearch();
  const [savedName, setSavedName] = useState<string | null>(null);
  const { fields, problems } = useFormProblems(state, { labels: { name: t('finder.save.nameLabel') } });
  return (
    <details className="save-search">
      <summary>{t('finder.save.summary')}</summary>
      <form
        className="save-search__form"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setSavedName(null);
          const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
          const result = await mutate({ name, query });
          if (result.ok) setSavedName(result.data.name);
        }}
      >
        {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
        <TextInput
          id="save-search-name"
          name="name"
          label={t('finder.save.nameLabel')}
          description={t('finder.save.nameHint')}
          defaultValue={suggestedName}
          maxLength={NAME_MAX}
          error={messageFor(fields, 'name')}
          append={
            <Button type="submit" variant="secondary" loading={state.status === 'pending'}>
              {t('finder.save.submit')}
            </Button>
          }
        />
      </form>
      <div role="status">
        {savedName ? (
          <Alert data-color="success">
            <Paragraph>
              {t('finder.save.saved', { name: savedName })} <AppLink to="/varsler">{t('finder.save.alertsLink')}</AppLink>
            </Paragraph>
          </Alert>
        ) : null}
      </div>
    </details>
  );
}
