import type { ReactNode } from 'react';
import { Select } from '@digdir/designsystemet-react';
import { NO_MUNICIPALITY } from '@varde/contracts/vocabulary';
import { FieldShell } from '../../../components/field-shell';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../../auth/api/get-session';
import type { MunicipalityOption } from '../api/list-municipality-options';

/**
 * Groups the options by county, in the order they come (the API sorts by county and name with the
 * Norwegian collation, so the browser needs no collator of its own); two Herøys stay apart that way.
 */
function byCounty(options: MunicipalityOption[]) {
  const groups: { county: string; items: MunicipalityOption[] }[] = [];
  for (const option of options) {
    const last = groups.at(-1);
    if (last?.county === option.countyName) last.items.push(option);
    else groups.push({ county: option.countyName, items: [option] });
  }
  return groups;
}

/**
 * The signed-in member's own municipality, and the value of the picker's empty choice: for them the
 * finder and scheme page default to their own, so choosing none must say so (`none`); for anyone
 * else an empty value already means none.
 */
export function useMunicipalityChoice() {
  const { user } = useSession();
  const own = user?.memberships.find((m) => m.organisationType === 'municipality')?.municipalityCode ?? null;
  return { own, emptyValue: own ? NO_MUNICIPALITY : '' };
}

interface MunicipalitySelectProps {
  id: string;
  name?: string;
  label: ReactNode;
  description?: ReactNode;
  options: MunicipalityOption[];
  /** The chosen municipality number; empty for none. */
  defaultValue: string;
  /** The text of the empty choice. */
  emptyLabel: string;
  required?: boolean;
}

/** A native select of all municipalities, grouped by county: typing the first letters jumps to a name. */
export function MunicipalitySelect({ id, name = 'municipality', label, description, options, defaultValue, emptyLabel, required }: MunicipalitySelectProps) {
  const { t } = useI18n();
  const { emptyValue } = useMunicipalityChoice();
  return (
    <FieldShell id={id} label={label} description={description}>
      {(control) => (
        <Select {...control} name={name} defaultValue={defaultValue || emptyValue} required={required}>
          <option value={emptyValue}>{emptyLabel}</option>
          {/* Native options (what Select.Option renders), not 357 components to render and hydrate. */}
          {byCounty(options).map(({ county, items }) => (
            <optgroup key={county} label={county}>
              {items.map((m) => (
                <option key={m.code} value={m.code}>
                  {t('finder.municipalityOption', { name: m.name, code: m.code })}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      )}
    </FieldShell>
  );
}
