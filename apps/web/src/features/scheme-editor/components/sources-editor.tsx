import { Button, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { emptySource, inputId, type SourceDraft } from '../editor-model';
import type { ErrorsByKey } from './editor-fields';

/** The pages the facts come from; facts and calls cite them by id. */
export function SourcesEditor({ sources, onChange, errors }: { sources: SourceDraft[]; onChange: (next: SourceDraft[]) => void; errors: ErrorsByKey }) {
  const { t } = useI18n();
  const set = (index: number, patch: Partial<SourceDraft>) => onChange(sources.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  function add() {
    onChange([...sources, emptySource()]);
    requestAnimationFrame(() => document.getElementById(inputId(`scheme.sources.${sources.length}.id`))?.focus());
  }

  function remove(index: number) {
    onChange(sources.filter((_, i) => i !== index));
    requestAnimationFrame(() => document.getElementById('edit-sources-heading')?.focus());
  }

  return (
    <section className="section editor-section" aria-labelledby="edit-sources-heading" id={inputId('scheme.sources')}>
      <Heading level={2} data-size="sm" id="edit-sources-heading" tabIndex={-1}>
        {t('editor.sourcesHeading')}
      </Heading>
      <Paragraph>{t('editor.sourcesLead')}</Paragraph>
      {errors.get('scheme.sources') ? <Paragraph className="field-error">{errors.get('scheme.sources')}</Paragraph> : null}
      {sources.map((source, index) => {
        const base = `scheme.sources.${index}`;
        const name = source.title || source.id || t('editor.newSource');
        return (
          <Fieldset key={source.key} className="editor-item">
            <Fieldset.Legend>{t('editor.sourceLegend', { number: index + 1, name })}</Fieldset.Legend>
            <TextInput id={inputId(`${base}.id`)} label={t('editor.idLabel')} description={t('editor.idHint')} value={source.id} error={errors.get(`${base}.id`)} onChange={(e) => set(index, { id: e.currentTarget.value })} />
            <TextInput id={inputId(`${base}.url`)} type="url" label={t('field.url')} value={source.url} error={errors.get(`${base}.url`)} onChange={(e) => set(index, { url: e.currentTarget.value })} />
            <TextInput id={inputId(`${base}.title`)} label={t('field.title')} value={source.title} error={errors.get(`${base}.title`)} onChange={(e) => set(index, { title: e.currentTarget.value })} />
            <TextInput
              id={inputId(`${base}.checkedAt`)}
              type="date"
              label={t('field.checkedAt')}
              value={source.checkedAt}
              error={errors.get(`${base}.checkedAt`)}
              onChange={(e) => set(index, { checkedAt: e.currentTarget.value })}
            />
            <div>
              <Button type="button" variant="tertiary" data-color="danger" data-size="sm" onClick={() => remove(index)}>
                {t('editor.removeSource')}
                <span className="ds-sr-only"> ({name})</span>
              </Button>
            </div>
          </Fieldset>
        );
      })}
      <div>
        <Button type="button" variant="secondary" onClick={add}>
          {t('editor.addSource')}
        </Button>
      </div>
    </section>
  );
}
