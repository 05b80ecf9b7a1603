import type { Lang } from '../../../../shared/domain';
import type { RiskyPerson } from '../../../../shared/history-charts';
import { familiarityLabel, formatNumber } from '../../../../shared/i18n';
import { fieldsLabel, h } from './chart-kit';

/** The people whose open findings weigh most: a table, each row with a bar of its risk points. */
export function TopPeople({ lang, people }: { lang: Lang; people: readonly RiskyPerson[] }) {
  const max = Math.max(1, ...people.map((p) => p.points));
  return (
    <section className="card chart-card" data-testid="top-people" aria-labelledby="top-people-title">
      <h2 id="top-people-title">{h(lang, 'history.topTitle')}</h2>
      {people.length === 0 ? (
        <p className="muted">{h(lang, 'history.noRisk')}</p>
      ) : (
        <table className="chart-table" aria-labelledby="top-people-title">
          <thead>
            <tr>
              <th scope="col">{h(lang, 'history.person')}</th>
              <th scope="col" className="number">
                {h(lang, 'history.riskPoints')}
              </th>
              <th scope="col" className="number">
                {h(lang, 'history.findings')}
              </th>
              <th scope="col">{h(lang, 'history.details')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.contactId}>
                <th scope="row">
                  {p.name}
                  <div className="muted small">{familiarityLabel(lang, p.familiarity)}</div>
                </th>
                <td className="number risk">
                  {formatNumber(lang, p.points)}
                  <span className="risk-bar" aria-hidden="true" style={{ width: `${(4 * p.points) / max}rem` }} />
                </td>
                <td className="number">{formatNumber(lang, p.findings)}</td>
                <td>{fieldsLabel(lang, p.fields)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
