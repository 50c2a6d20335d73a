import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { inputId, type OwnerDraft } from '../editor-model';
import { GroupError, LocalizedFields, type ErrorsByKey } from './editor-fields';

/** The id of the `<datalist>` of owner ids already in the catalogue (rendered once by the form). */
export const OWNER_IDS_LIST = 'editor-owner-ids';

interface OwnerProps {
  /** `scheme.owner`, or a round's `scheme.rounds.<i>.owner`. */
  path: string;
  value: OwnerDraft;
  onChange: (patch: Partial<OwnerDraft>) => void;
  errors: ErrorsByKey;
  /** Whether the datalist of known owner ids is on the page. */
  knownOwners: boolean;
}

/** Who runs the scheme or a round: a stable id shared by every document naming that owner, its name in each language, its site. */
export function OwnerFields({ path, value, onChange, errors, knownOwners }: OwnerProps) {
  const { t } = useI18n();
  return (
    <>
      <TextInput
        id={inputId(`${path}.id`)}
        label={t('editor.ownerId')}
        description={t('editor.ownerIdHint')}
        value={value.id}
        list={knownOwners ? OWNER_IDS_LIST : undefined}
        autoComplete="off"
        error={errors.get(`${path}.id`)}
        onChange={(e) => onChange({ id: e.currentTarget.value })}
      />
      <LocalizedFields path={`${path}.name`} legend={t('editor.ownerName')} value={value.name} onChange={(name) => onChange({ name })} errors={errors} />
      <TextInput
        id={inputId(`${path}.url`)}
        type="url"
        label={t('editor.ownerUrl')}
        value={value.url}
        error={errors.get(`${path}.url`)}
        onChange={(e) => onChange({ url: e.currentTarget.value })}
      />
    </>
  );
}

export function OwnerSection(props: Omit<OwnerProps, 'path'>) {
  const { t } = useI18n();
  const path = 'scheme.owner';
  return (
    <section className="section editor-section" aria-labelledby="edit-section-owner-heading" id={inputId(path)} tabIndex={-1}>
      <Heading level={2} data-size="sm" id="edit-section-owner-heading">
        {t('editor.ownerHeading')}
      </Heading>
      <Paragraph>{t('editor.ownerLead')}</Paragraph>
      <GroupError error={props.errors.get(path)} />
      <OwnerFields path={path} {...props} />
    </section>
  );
}
