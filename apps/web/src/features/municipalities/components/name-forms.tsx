import type { MunicipalityDetail } from '@varde/contracts';
import type { MessageKey } from '@varde/contracts';
import { useI18n } from '../../../i18n/i18n';

/** The API's ISO 639-3 codes mapped to HTML `lang` values (639-1 where one exists; Kven has none). */
const htmlLang: Record<string, string> = { nor: 'no', sme: 'se', sma: 'sma', smj: 'smj', fkv: 'fkv' };
const languageName: Record<string, MessageKey> = {
  nor: 'nameLanguage.nor',
  sme: 'nameLanguage.sme',
  sma: 'nameLanguage.sma',
  smj: 'nameLanguage.smj',
  fkv: 'nameLanguage.fkv',
};

export function NameForms({ nameForms }: { nameForms: MunicipalityDetail['nameForms'] }) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      {nameForms.map((form) => {
        const key = languageName[form.lang];
        return (
          <div key={`${form.lang}-${form.name}`} className="facts__row">
            <dt>{key ? t(key) : form.lang}</dt>
            <dd lang={htmlLang[form.lang] ?? form.lang}>{form.name}</dd>
          </div>
        );
      })}
    </dl>
  );
}
