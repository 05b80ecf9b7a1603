/**
 * The people screen's head: its heading with the count, the search and the network filter.
 */
import type { Lang } from '../../../../shared/domain';
import { formatNumber } from '../../../../shared/i18n';
import { t } from '../../i18n';
import type { Network } from './usePeopleList';

export function PeopleHead({
  lang,
  total,
  query,
  onQuery,
  network,
  onNetwork,
}: {
  lang: Lang;
  total: number | null;
  query: string;
  onQuery: (query: string) => void;
  network: Network;
  onNetwork: (network: Network) => void;
}) {
  return (
    <div className="findings-head">
      <h2 id="people-heading">
        {t(lang, 'people')}{' '}
        <span className="count" data-testid="people-count">
          {total === null ? '…' : formatNumber(lang, total)}
        </span>
      </h2>
      <div className="toolbar">
        <input
          type="search"
          placeholder={t(lang, 'search')}
          aria-label={t(lang, 'search')}
          value={query}
          onChange={(e) => onQuery(e.target.value)}
        />
        <select
          aria-label={t(lang, 'network')}
          value={network ?? ''}
          onChange={(e) => onNetwork((e.target.value || null) as Network)}
        >
          <option value="">{t(lang, 'all')}</option>
          <option value="linkedin">LinkedIn</option>
          <option value="xing">XING</option>
        </select>
      </div>
    </div>
  );
}
