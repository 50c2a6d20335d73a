import { useEffect, useState } from 'react';
import { Button, Fieldset, Paragraph } from '@digdir/designsystemet-react';
import type { CallView } from '@varde/contracts/catalogue-api';
import type { SolutionLink } from '@varde/contracts/solutions-api';
import { solutionLimits as L } from '@varde/contracts/solutions-vocabulary';
import { messageFor, type FieldMessage } from '../../../components/form-problems';
import { SelectInput } from '../../../components/select-input';
import { TextareaInput } from '../../../components/textarea-input';
import { TextInput } from '../../../components/text-input';
import { apiFrom } from '../../../app/api-client';
import { useI18n, type Formatters } from '../../../i18n/i18n';
import { getScheme } from '../../schemes/api/get-scheme';
import { callChoicesOf, solutionFieldId as idFor, type CallChoice, type SolutionFormValues } from '../form-model';

type Option = { value: string; label: string };
type ErrorOf = (path: string) => string | undefined;

/** A call as an option: its title, whether it is open, upcoming or past, and its deadline. */
function callLabel(call: CallChoice, { t, date }: Formatters) {
  const status = t(`callStatus.${call.status}`);
  return call.deadline
    ? t('library.form.callOption', { title: call.title, status, deadline: date(call.deadline) })
    : t('library.form.callOptionNoDeadline', { title: call.title, status });
}

/**
 * The calls of the chosen scheme (open, upcoming and past: a solution records what funded it). The
 * page brings those of the saved scheme; choosing another scheme fetches its calls in the browser.
 * Without JavaScript the list follows the saved scheme, so it appears after the draft is saved.
 */
function useSchemeCalls(initialSchemeId: string, initialCalls: CallView[]) {
  const { lang } = useI18n();
  const [schemeId, setSchemeId] = useState(initialSchemeId);
  // The calls last fetched and whose they are; another scheme's calls are not shown while its own load.
  const [calls, setCalls] = useState<{ schemeId: string; items: CallView[] }>({ schemeId: initialSchemeId, items: initialCalls });
  useEffect(() => {
    if (!schemeId || calls.schemeId === schemeId) return;
    let current = true;
    getScheme(apiFrom(undefined), schemeId)
      .then((scheme) => current && setCalls({ schemeId, items: scheme.calls.filter((c) => !c.predicted) }))
      .catch(() => current && setCalls({ schemeId, items: [] }));
    return () => {
      current = false;
    };
  }, [schemeId, calls.schemeId]);
  const items = calls.schemeId === schemeId ? calls.items : null;
  return { schemeId, setSchemeId, calls: items ? callChoicesOf(items, lang) : null };
}

/** The scheme, its call and the participation record that funded it, and the amount. */
export function FundingFields({
  initial,
  schemes,
  calls: initialCalls,
  records,
  error,
}: {
  initial: SolutionFormValues;
  schemes: Option[];
  calls: CallView[];
  records: Option[];
  error: ErrorOf;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { schemeId, setSchemeId, calls } = useSchemeCalls(initial.schemeId, initialCalls);
  const schemeOptions = [{ value: '', label: t('library.notDescribed') }, ...schemes];
  if (initial.schemeId && !schemes.some((s) => s.value === initial.schemeId)) schemeOptions.push({ value: initial.schemeId, label: initial.schemeId });
  const callOptions = [{ value: '', label: t('library.form.callNone') }, ...(calls ?? []).map((c) => ({ value: c.id, label: callLabel(c, i18n) }))];
  // A saved call stays choosable while its scheme is the chosen one.
  if (initial.callId && schemeId === initial.schemeId && !callOptions.some((o) => o.value === initial.callId)) {
    callOptions.push({ value: initial.callId, label: initial.callId });
  }
  return (
    <Fieldset>
      <Fieldset.Legend>{t('library.form.fundingLegend')}</Fieldset.Legend>
      <SelectInput
        id={idFor('schemeId')}
        name="schemeId"
        label={t('field.schemeId')}
        defaultValue={initial.schemeId}
        onChange={(event) => setSchemeId(event.currentTarget.value)}
        error={error('schemeId')}
        options={schemeOptions}
      />
      {schemeId && calls && (calls.length > 0 || initial.callId) ? (
        <SelectInput
          // A new list for each scheme, so the choice starts from "not stated" there.
          key={schemeId}
          id={idFor('callId')}
          name="callId"
          label={t('field.callId')}
          description={t('library.form.callHint')}
          defaultValue={schemeId === initial.schemeId ? initial.callId : ''}
          error={error('callId')}
          options={callOptions}
        />
      ) : (
        <div id={idFor('callId')} tabIndex={-1}>
          <Paragraph data-size="sm">{schemeId && calls ? t('library.form.callNoCalls') : t('library.form.callAfterScheme')}</Paragraph>
          {error('callId') ? <Paragraph data-size="sm">{error('callId')}</Paragraph> : null}
        </div>
      )}
      {records.length > 0 || initial.participationRecordId ? (
        <SelectInput
          id={idFor('participationRecordId')}
          name="participationRecordId"
          label={t('field.participationRecordId')}
          description={t('library.form.recordHint')}
          defaultValue={initial.participationRecordId}
          error={error('participationRecordId')}
          options={[
            { value: '', label: t('library.form.noRecord') },
            ...records,
            ...(initial.participationRecordId && !records.some((r) => r.value === initial.participationRecordId)
              ? [{ value: initial.participationRecordId, label: t('library.participationRecordLink') }]
              : []),
          ]}
        />
      ) : null}
      <TextInput
        id={idFor('fundingAmountNok')}
        name="fundingAmountNok"
        label={t('field.fundingAmountNok')}
        inputMode="numeric"
        defaultValue={initial.fundingAmountNok}
        error={error('fundingAmountNok')}
      />
    </Fieldset>
  );
}

/** Other owner organisations (each is told when the solution is published) and partners by name. */
export function OwnerRows({
  initial,
  ownerOptions,
  error,
  fields,
}: {
  initial: SolutionFormValues;
  ownerOptions: Option[];
  error: ErrorOf;
  fields: FieldMessage[];
}) {
  const { t } = useI18n();
  const [rows, setRows] = useState(initial.coOwnerIds.length);
  const options = [{ value: '', label: t('library.form.noCoOwner') }, ...ownerOptions];
  return (
    <Fieldset>
      <Fieldset.Legend>{t('library.form.ownersLegend')}</Fieldset.Legend>
      <Fieldset.Description>{t('library.form.ownersHint')}</Fieldset.Description>
      {Array.from({ length: rows }, (_, i) => (
        <SelectInput
          key={i}
          id={idFor(`coOwnerIds.${i}`)}
          name="coOwnerIds"
          label={t('library.form.coOwner', { number: i + 1 })}
          defaultValue={initial.coOwnerIds[i] ?? ''}
          error={error(`coOwnerIds.${i}`) ?? (i === 0 ? error('coOwnerIds') : undefined)}
          options={options}
        />
      ))}
      {rows < L.ownersMax ? (
        <div>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => setRows((r) => r + 1)}>
            {t('library.form.addCoOwner')}
          </Button>
        </div>
      ) : null}
      <TextareaInput
        id={idFor('partners')}
        name="partners"
        label={t('field.partners')}
        description={t('library.form.partnersHint', { max: L.partnersMax })}
        rows={3}
        defaultValue={initial.partners}
        error={fields.find((f) => f.path.startsWith('partners'))?.message}
      />
    </Fieldset>
  );
}

/** Links, each a text and an address; a row is added on demand. */
export function LinkRows({ initial, fields }: { initial: SolutionLink[]; fields: FieldMessage[] }) {
  const { t } = useI18n();
  const [rows, setRows] = useState(Math.max(1, initial.length));
  return (
    <Fieldset>
      <Fieldset.Legend>{t('library.form.linksLegend')}</Fieldset.Legend>
      <Fieldset.Description>{t('library.form.linksHint', { max: L.linksMax })}</Fieldset.Description>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="link-row">
          <TextInput
            id={idFor(`links.${i}.label`)}
            name="linkLabel"
            label={t('library.form.linkLabel', { number: i + 1 })}
            maxLength={L.linkLabelMax}
            defaultValue={initial[i]?.label ?? ''}
            error={messageFor(fields, `links.${i}.label`)}
          />
          <TextInput
            id={idFor(`links.${i}.url`)}
            name="linkUrl"
            type="url"
            label={t('library.form.linkUrl', { number: i + 1 })}
            defaultValue={initial[i]?.url ?? ''}
            error={messageFor(fields, `links.${i}.url`) ?? (i === 0 ? messageFor(fields, 'links') : undefined)}
          />
        </div>
      ))}
      {rows < L.linksMax ? (
        <div>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => setRows((r) => r + 1)}>
            {t('library.form.addLink')}
          </Button>
        </div>
      ) : null}
    </Fieldset>
  );
}
