import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { emptySource, inputId, type SourceDraft } from '../editor-model';
import type { ErrorsByKey } from './editor-fields';
import { ItemListSection } from './item-list-section';

/** The pages the facts come from; facts and calls cite them by id. */
export function SourcesEditor({ sources, onChange, errors }: { sources: SourceDraft[]; onChange: (next: SourceDraft[]) => void; errors: ErrorsByKey }) {
  const { t } = useI18n();
  return (
    <ItemListSection
      path="scheme.sources"
      texts={{
        heading: t('editor.sourcesHeading'),
        lead: t('editor.sourcesLead'),
        add: t('editor.addSource'),
        remove: t('editor.removeSource'),
        legend: (number, name) => t('editor.sourceLegend', { number, name }),
      }}
      items={sources}
      onChange={onChange}
      empty={emptySource}
      nameOf={(source) => source.title || source.id || t('editor.newSource')}
      errors={errors}
    >
      {(source, base, set) => (
        <>
          <TextInput
            id={inputId(`${base}.id`)}
            label={t('editor.idLabel')}
            description={t('editor.idHint')}
            value={source.id}
            error={errors.get(`${base}.id`)}
            onChange={(e) => set({ id: e.currentTarget.value })}
          />
          <TextInput
            id={inputId(`${base}.url`)}
            type="url"
            label={t('field.url')}
            value={source.url}
            error={errors.get(`${base}.url`)}
            onChange={(e) => set({ url: e.currentTarget.value })}
          />
          <TextInput
            id={inputId(`${base}.title`)}
            label={t('field.title')}
            value={source.title}
            error={errors.get(`${base}.title`)}
            onChange={(e) => set({ title: e.currentTarget.value })}
          />
          <TextInput
            id={inputId(`${base}.checkedAt`)}
            type="date"
            label={t('editor.checkedAtOptional')}
            description={t('editor.checkedAtHint')}
            value={source.checkedAt}
            error={errors.get(`${base}.checkedAt`)}
            onChange={(e) => set({ checkedAt: e.currentTarget.value })}
          />
        </>
      )}
    </ItemListSection>
  );
}
