import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useNavigate } from 'react-router';
import type { ParticipationRecord, RecordInput, SchemeOptions } from '@varde/contracts/participation-api';
import { participationRoles, participationStatuses, type ParticipationRole, type ParticipationStatus } from '@varde/contracts/participation-vocabulary';
import { FormProblems, messageFor, useFormProblems } from '../../../components/form-problems';
import { SelectInput } from '../../../components/select-input';
import { TextareaInput } from '../../../components/textarea-input';
import { TextInput } from '../../../components/text-input';
import { useI18n } from '../../../i18n/i18n';
import { useSaveRecord } from '../api/save-record';
import { roleLabel, statusLabel } from '../labels';

/** What the form starts with: a record being changed, a pipeline item being published, or nothing. */
export interface RecordFormValues {
  municipalityCode: string;
  scheme: string;
  otherScheme: string;
  round: string;
  year: string;
  decidedOn: string;
  role: ParticipationRole;
  status: ParticipationStatus;
  amountNok: string;
  projectTitle: string;
  otherParticipants: string;
  sourceUrl: string;
  sourceDocument: string;
  evidence: string;
}

export function valuesOfRecord(r: ParticipationRecord): RecordFormValues {
  return {
    municipalityCode: r.municipality.code,
    scheme: r.scheme.catalogueId ? `c:${r.scheme.catalogueId}` : `h:${r.scheme.recordedName}`,
    otherScheme: '',
    round: r.round ?? '',
    year: String(r.year),
    decidedOn: r.decidedOn ?? '',
    role: r.role,
    status: r.status,
    amountNok: r.amountNok === null ? '' : String(r.amountNok),
    projectTitle: r.projectTitle ?? '',
    otherParticipants: r.otherParticipants.join('\n'),
    sourceUrl: r.source.url ?? '',
    sourceDocument: r.source.document ?? '',
    evidence: r.evidence ?? '',
  };
}

export const emptyValues = (municipalityCode: string): RecordFormValues => ({
  municipalityCode,
  scheme: '',
  otherScheme: '',
  round: '',
  year: String(new Date().getFullYear()),
  decidedOn: '',
  role: 'lead',
  status: 'granted',
  amountNok: '',
  projectTitle: '',
  otherParticipants: '',
  sourceUrl: '',
  sourceDocument: '',
  evidence: '',
});

const idFor = (path: string) => `record-${path === 'schemeId' || path === 'schemeName' ? 'scheme' : path}`;
const orNull = (text: FormDataEntryValue | null) => String(text ?? '').trim() || null;

/** Reads the form into what the API takes; a number that is not one is sent as is, for the API's field error. */
function readForm(form: HTMLFormElement): RecordInput {
  const data = new FormData(form);
  const scheme = String(data.get('scheme') ?? '');
  const other = String(data.get('otherScheme') ?? '').trim();
  const amount = String(data.get('amountNok') ?? '').replace(/[\s\u00a0]/g, '');
  const yearText = String(data.get('year') ?? '').trim();
  return {
    municipalityCode: String(data.get('municipalityCode') ?? ''),
    ...(scheme.startsWith('c:')
      ? { schemeId: scheme.slice(2) }
      : scheme.startsWith('h:')
        ? { schemeName: scheme.slice(2) }
        : other
          ? { schemeName: other }
          : {}),
    round: orNull(data.get('round')),
    year: /^\d+$/.test(yearText) ? Number(yearText) : (yearText as unknown as number),
    decidedOn: orNull(data.get('decidedOn')),
    role: String(data.get('role')) as ParticipationRole,
    status: String(data.get('status')) as ParticipationStatus,
    amountNok: amount === '' ? null : /^\d+$/.test(amount) ? Number(amount) : (amount as unknown as number),
    projectTitle: orNull(data.get('projectTitle')),
    otherParticipants: String(data.get('otherParticipants') ?? '')
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean),
    sourceUrl: orNull(data.get('sourceUrl')),
    sourceDocument: orNull(data.get('sourceDocument')),
    evidence: orNull(data.get('evidence')),
  };
}

export function RecordForm({
  initial,
  municipalities,
  schemes,
  record,
  pipelineItemId,
}: {
  initial: RecordFormValues;
  municipalities: { code: string; name: string }[];
  schemes: SchemeOptions;
  record?: ParticipationRecord;
  pipelineItemId?: string;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const save = useSaveRecord();
  const { fields, problems, reject } = useFormProblems(save.state);
  const [scheme, setScheme] = useState(initial.scheme);
  const error = (path: string) => messageFor(fields, path);
  const schemeOptions = [
    { value: '', label: t('participation.otherSchemeOption') },
    ...schemes.items.map((s) => ({ value: s.catalogueId ? `c:${s.catalogueId}` : `h:${s.name}`, label: s.name })),
  ];
  if (initial.scheme && !schemeOptions.some((o) => o.value === initial.scheme)) schemeOptions.push({ value: initial.scheme, label: initial.scheme.slice(2) });

  return (
    <form
      className="form form--wide"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const body = readForm(event.currentTarget);
        if (!body.schemeId && !body.schemeName) return reject([{ path: 'schemeId', message: t('participation.schemeMissing') }]);
        const result = record
          ? await save.mutate({ id: record.id, body: { ...body, revision: record.revision } })
          : await save.mutate({ id: null, body: { ...body, ...(pipelineItemId ? { pipelineItemId } : {}) } });
        if (result.ok) await navigate(`/deltakelse/${result.data.id}`);
      }}
    >
      {problems ? <FormProblems {...problems} idFor={idFor} /> : null}
      {pipelineItemId ? (
        <Alert data-color="info">
          <Heading level={2} data-size="xs">
            {t('participation.publishHeading')}
          </Heading>
          <Paragraph>{t('participation.publishLead')}</Paragraph>
        </Alert>
      ) : null}
      <SelectInput
        id={idFor('municipalityCode')}
        name="municipalityCode"
        label={t('field.municipalityCode')}
        defaultValue={initial.municipalityCode}
        error={error('municipalityCode')}
        options={municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }))}
      />
      <SelectInput
        id={idFor('scheme')}
        name="scheme"
        label={t('field.scheme')}
        description={t('participation.schemeHint')}
        value={scheme}
        onChange={(event) => setScheme(event.currentTarget.value)}
        error={error('schemeId') ?? error('schemeName')}
        options={schemeOptions}
      />
      {scheme === '' ? (
        <TextInput id={idFor('otherScheme')} name="otherScheme" label={t('participation.otherScheme')} defaultValue={initial.otherScheme} />
      ) : null}
      <TextInput
        id={idFor('round')}
        name="round"
        label={t('field.round')}
        description={t('participation.roundHint')}
        defaultValue={initial.round}
        error={error('round')}
      />
      <TextInput id={idFor('year')} name="year" label={t('field.year')} inputMode="numeric" defaultValue={initial.year} error={error('year')} />
      <TextInput
        id={idFor('decidedOn')}
        name="decidedOn"
        type="date"
        label={t('field.decidedOn')}
        defaultValue={initial.decidedOn}
        error={error('decidedOn')}
      />
      <SelectInput
        id={idFor('role')}
        name="role"
        label={t('field.role')}
        defaultValue={initial.role}
        error={error('role')}
        options={participationRoles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
      />
      <SelectInput
        id={idFor('status')}
        name="status"
        label={t('field.status')}
        description={t('participation.statusHint')}
        defaultValue={initial.status}
        error={error('status')}
        options={participationStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))}
      />
      <TextInput
        id={idFor('amountNok')}
        name="amountNok"
        label={t('participation.amountLabel')}
        inputMode="numeric"
        defaultValue={initial.amountNok}
        error={error('amountNok')}
      />
      <TextInput
        id={idFor('projectTitle')}
        name="projectTitle"
        label={t('field.projectTitle')}
        defaultValue={initial.projectTitle}
        error={error('projectTitle')}
      />
      <TextareaInput
        id={idFor('otherParticipants')}
        name="otherParticipants"
        label={t('field.otherParticipants')}
        description={t('participation.otherParticipantsHint')}
        rows={3}
        defaultValue={initial.otherParticipants}
        error={fields.find((f) => f.path.startsWith('otherParticipants'))?.message}
      />
      <TextInput id={idFor('sourceUrl')} name="sourceUrl" type="url" label={t('field.sourceUrl')} defaultValue={initial.sourceUrl} error={error('sourceUrl')} />
      <TextInput
        id={idFor('sourceDocument')}
        name="sourceDocument"
        label={t('field.sourceDocument')}
        description={t('participation.sourceDocumentHint')}
        defaultValue={initial.sourceDocument}
        error={error('sourceDocument')}
      />
      <TextareaInput
        id={idFor('evidence')}
        name="evidence"
        label={t('field.evidence')}
        description={t('participation.evidenceHint')}
        rows={3}
        defaultValue={initial.evidence}
        error={error('evidence')}
      />
      <div className="form-actions">
        <Button type="submit" loading={save.state.status === 'pending'}>
          {record ? t('participation.saveChanges') : pipelineItemId ? t('participation.publish') : t('participation.saveNew')}
        </Button>
      </div>
    </form>
  );
}
