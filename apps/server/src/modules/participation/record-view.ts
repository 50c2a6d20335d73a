/** A stored record as the API shows it, in the request's language and for the caller. */
import type { Language } from '@varde/contracts';
import type { ParticipationRecord } from '@varde/contracts/participation-api';
import { takesPart } from '@varde/domain/participation';
import type { AuthContext } from '../../core/auth-context';
import { type Access, mayEdit, mayFlag, mayVerify } from './access';
import type { RecordRow } from './participation.repository';
import type { SchemeDirectory } from './scheme-directory';

export interface MunicipalityNames {
  get(code: string): { name: string; countyCode: string; names: string[] } | undefined;
  /** Every municipality of 2024 by number. */
  all: ReadonlyMap<string, { name: string; countyCode: string; names: string[] }>;
}

export interface ViewContext {
  lang: Language;
  auth: AuthContext | null;
  /** The caller with the municipalities they advise (null: not signed in). */
  access: Access | null;
  schemes: SchemeDirectory;
  municipalities: MunicipalityNames;
  /** People's names by user id; shown to signed-in callers only. */
  people: ReadonlyMap<string, string>;
  openFlags: ReadonlyMap<string, number>;
}

export function recordView(row: RecordRow, context: ViewContext): ParticipationRecord {
  const { lang, auth } = context;
  const municipality = context.municipalities.get(row.municipalityCode);
  const place = { municipalityCode: row.municipalityCode, countyCode: municipality?.countyCode ?? '', provenance: row.provenance, isExample: row.isExample };
  const person = (id: string | null) => (id ? { name: auth ? (context.people.get(id) ?? null) : null } : null);
  const catalogueId = row.schemeId && context.schemes.catalogueIds.has(row.schemeId) ? row.schemeId : null;
  return {
    id: row.id,
    scheme: { key: row.schemeKey, catalogueId, name: context.schemes.displayName(row, lang), recordedName: row.schemeName },
    round: row.round,
    year: row.year,
    decidedOn: row.decidedOn,
    municipality: { code: row.municipalityCode, name: municipality?.name ?? row.municipalityCode, countyCode: place.countyCode },
    atTheTime: { code: row.codeAtTime, name: row.nameAtTime },
    role: row.role,
    status: row.status,
    takesPart: takesPart(row.status),
    amountNok: row.amountNok,
    projectTitle: row.projectTitle,
    otherParticipants: row.otherParticipants,
    source: { url: row.sourceUrl, document: row.sourceDocument },
    evidence: row.evidence,
    note: row.note,
    provenance: {
      kind: row.provenance,
      createdAt: row.createdAt.toISOString(),
      createdBy: person(row.createdBy),
      verifiedAt: row.verifiedAt?.toISOString() ?? null,
      verifiedBy: person(row.verifiedBy),
      importId: row.importId,
    },
    isExample: row.isExample,
    openFlags: context.openFlags.get(row.id) ?? 0,
    revision: row.revision,
    updatedAt: row.updatedAt.toISOString(),
    can: {
      edit: mayEdit(context.access, place),
      remove: mayEdit(context.access, place) && !row.datasetKey,
      verify: mayVerify(context.access, place),
      flag: mayFlag(context.access, place),
    },
  };
}

/** The user ids a list of records names. */
export const peopleOf = (rows: RecordRow[]) => [...new Set(rows.flatMap((r) => [r.createdBy, r.verifiedBy].filter((id): id is string => !!id)))];
