import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import type { County } from '@varde/contracts';
import type { SolutionSpread, SpreadPlace } from '@varde/contracts/solutions-api';
import { AppLink } from '../../../components/app-link';
import { SelectInput } from '../../../components/select-input';
import { useGetForm } from '../../../components/use-get-form';
import { useI18n, type Translate } from '../../../i18n/i18n';
import { useMapData } from '../../municipalities/api/get-map-shapes';
import { percent } from '../labels';

/** How a municipality stands in a year: an owner, an adopter using or testing it then, or one that had stopped by then. */
type Mark = 'owner' | 'uses' | 'testing' | 'stopped';

/** The places on the map in `year`, each with its mark. */
export function placesIn(spread: SolutionSpread, year: number): { place: SpreadPlace; mark: Mark }[] {
  const active = new Set(spread.years.find((y) => y.year === year)?.adopterCodes ?? []);
  const result: { place: SpreadPlace; mark: Mark }[] = [];
  for (const place of spread.places) {
    if (place.fromYear > year) continue;
    if (place.kind === 'owner') result.push({ place, mark: 'owner' });
    else if (active.has(place.municipalityCode)) result.push({ place, mark: place.kind === 'testing' ? 'testing' : 'uses' });
    else if (place.kind === 'stopped') result.push({ place, mark: 'stopped' });
  }
  return result;
}

const markLabel = (t: Translate, mark: Mark) => t(`library.spread.mark.${mark}`);

/** The outlines with owners and adopters coloured; drawn in the browser from /api/map/shapes (the table has the same). */
function SpreadDrawing({ marks }: { marks: Map<string, Mark> }) {
  const { t } = useI18n();
  const mapData = useMapData();
  if (!mapData) return <Paragraph className="map-placeholder">{t('library.spread.mapLoading')}</Paragraph>;
  const shapes = [...mapData.shapes.filter((s) => !marks.has(s.code)), ...mapData.shapes.filter((s) => marks.has(s.code))];
  return (
    <svg className="spread-map" viewBox={mapData.viewBox} aria-hidden="true" focusable="false">
      {shapes.map((shape) => {
        const mark = marks.get(shape.code);
        return (
          <path key={shape.code} className={mark ? `spread-${mark}` : undefined} d={shape.d}>
            <title>{mapData.names.get(shape.code) ?? shape.code}</title>
          </path>
        );
      })}
    </svg>
  );
}

/**
 * The spread map: owners and adopters on the map of Norway in a chosen year (a plain GET form, `?ar=`),
 * the places of that year in a table, and a table of every year's figures.
 */
export function SpreadSection({ solutionId, spread, year, counties }: { solutionId: string; spread: SolutionSpread; year: number; counties: County[] }) {
  const { t, number } = useI18n();
  const path = `/losninger/${solutionId}`;
  const { formRef, busy, onSubmit } = useGetForm(path, { values: { ar: String(year) } });
  const countyName = new Map(counties.map((c) => [c.code, c.name]));
  const places = placesIn(spread, year);
  const marks = new Map(places.map(({ place, mark }) => [place.municipalityCode, mark]));
  const years = spread.years;
  return (
    <section className="section" aria-labelledby="spread-heading">
      <Heading level={2} data-size="sm" id="spread-heading">
        {t('library.spread.heading')}
      </Heading>
      {years.length === 0 ? (
        <Paragraph>{t('library.spread.none')}</Paragraph>
      ) : (
        <>
          <Form ref={formRef} method="get" action={path} className="year-control" onSubmit={onSubmit} preventScrollReset>
            <SelectInput
              id="spread-year"
              name="ar"
              label={t('library.spread.yearLabel')}
              defaultValue={String(year)}
              options={years.map((y) => ({ value: String(y.year), label: String(y.year) }))}
            />
            <Button type="submit" variant="secondary" loading={busy}>
              {t('library.spread.showYear')}
            </Button>
          </Form>
          <div className="spread-layout">
            <figure className="map-figure">
              <SpreadDrawing marks={marks} />
              <figcaption>{t('library.spread.caption', { year })}</figcaption>
              <ul className="legend" aria-label={t('library.spread.legendLabel')}>
                {(['owner', 'uses', 'testing', 'stopped'] as const).map((mark) => (
                  <li key={mark}>
                    <span className={`swatch spread-${mark}`} aria-hidden="true" />
                    {markLabel(t, mark)}
                  </li>
                ))}
              </ul>
            </figure>
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="spread-places-caption">
              <Table zebra data-size="sm">
                <caption id="spread-places-caption">{t('library.spread.placesCaption', { year })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('field.municipality')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('field.county')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('library.spread.markColumn')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('library.spread.fromColumn')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {places.map(({ place, mark }) => (
                    <Table.Row key={`${place.municipalityCode}-${place.kind}`}>
                      <th scope="row">
                        <AppLink to={`/kommuner/${place.municipalityCode}`}>{place.municipalityName}</AppLink>
                      </th>
                      <Table.Cell>{countyName.get(place.countyCode) ?? place.countyCode}</Table.Cell>
                      <Table.Cell>{markLabel(t, mark)}</Table.Cell>
                      <Table.Cell>{place.untilYear !== null && mark === 'stopped' ? `${place.fromYear}–${place.untilYear}` : place.fromYear}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </div>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="spread-years-caption">
            <Table zebra data-size="sm">
              <caption id="spread-years-caption">{t('library.spread.yearsCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('field.year')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="num">
                    {t('library.figures.adopters')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="num">
                    {t('library.figures.counties')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="num">
                    {t('library.figures.leastCentral')}
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {years.map((y) => (
                  <Table.Row key={y.year} aria-current={y.year === year ? 'true' : undefined}>
                    <th scope="row">{y.year}</th>
                    <Table.Cell className="num">{number(y.adopters)}</Table.Cell>
                    <Table.Cell className="num">{number(y.countiesReached)}</Table.Cell>
                    <Table.Cell className="num">{percent(y.shareLeastCentral, number) ?? '–'}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
