import { useCallback, useEffect, useState } from 'react';
import { DETAIL_FIELDS, type DetailField, type Lang, type PersonExposure } from '../../shared/domain';
import { evidenceText, familiarityLabel, fieldLabel } from '../../shared/i18n';
import { errorText, t, type StringKey } from './i18n';
import { platform } from './platform';

const PAGE = 50;

/** Every person and what they can see: the exposure model, per person, with XING grants to edit. */
export function People({ lang, version, onChanged }: { lang: Lang; version: number; onChanged: () => void }) {
  const [query, setQuery] = useState('');
  const [network, setNetwork] = useState<'linkedin' | 'xing' | null>(null);
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<{ total: number; rows: PersonExposure[] } | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [field, setField] = useState<DetailField>('mobile');
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    platform.invoke('people:list', { query, network, offset, limit: PAGE }).then(setData, (e: unknown) => setError(e));
  }, [query, network, offset]);
  useEffect(load, [load, version]);

  const grant = async (granted: boolean): Promise<void> => {
    try {
      await platform.invoke('grant:set', { contactIds: [...selected], field, granted });
      setSelected(new Set());
      onChanged();
      load();
    } catch (e) {
      setError(e);
    }
  };

  const exclude = async (excluded: boolean): Promise<void> => {
    try {
      await platform.invoke('exclusion:set', { contactIds: [...selected], excluded });
      setSelected(new Set());
      onChanged();
      load();
    } catch (e) {
      setError(e);
    }
  };

  const grantLabel = (g: PersonExposure['exposures'][number]['grant']): string =>
    g.kind === 'audience' || g.kind === 'category'
      ? t(lang, `audience_${g.audience}` as StringKey)
      : t(lang, `grant_${g.kind}` as StringKey);

  return (
    <section className="card" aria-label={t(lang, 'people')}>
      <div className="findings-head">
        <h2>
          {t(lang, 'people')} <span className="count">{data?.total ?? '…'}</span>
        </h2>
        <div className="toolbar">
          <input
            type="search"
            placeholder={t(lang, 'search')}
            aria-label={t(lang, 'search')}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setOffset(0);
            }}
          />
          <select
            aria-label="Network"
            value={network ?? ''}
            onChange={(e) => {
              setNetwork((e.target.value || null) as 'linkedin' | 'xing' | null);
              setOffset(0);
            }}
          >
            <option value="">{t(lang, 'all')}</option>
            <option value="linkedin">LinkedIn</option>
            <option value="xing">XING</option>
          </select>
        </div>
      </div>
      <div className="toolbar bulk" data-testid="grant-toolbar">
        <span className="muted small">{t(lang, 'grantHint', { n: selected.size })}</span>
        <select aria-label={t(lang, 'detail')} value={field} onChange={(e) => setField(e.target.value as DetailField)}>
          {DETAIL_FIELDS.map((f) => (
            <option key={f} value={f}>
              {fieldLabel(lang, f)}
            </option>
          ))}
        </select>
        <button type="button" className="secondary" disabled={selected.size === 0} onClick={() => void grant(true)}>
          {t(lang, 'grant')}
        </button>
        <button type="button" className="danger" disabled={selected.size === 0} onClick={() => void grant(false)}>
          {t(lang, 'ungrant')}
        </button>
        <button type="button" className="secondary" disabled={selected.size === 0} onClick={() => void exclude(true)}>
          {t(lang, 'exclude')}
        </button>
        <button type="button" className="secondary" disabled={selected.size === 0} onClick={() => void exclude(false)}>
          {t(lang, 'include')}
        </button>
      </div>
      {error !== null && <p className="error">{errorText(lang, error)}</p>}
      <ul className="finding-list">
        {data?.rows.map(({ contact, familiarity, exposures }) => (
          <li key={contact.id} className="person" data-testid="person">
            <input
              type="checkbox"
              aria-label={contact.name}
              disabled={contact.network !== 'xing'}
              title={contact.network !== 'xing' ? t(lang, 'linkedinNoGrants') : undefined}
              checked={selected.has(contact.id)}
              onChange={() =>
                setSelected((prev) => {
                  const next = new Set(prev);
                  if (next.has(contact.id)) next.delete(contact.id);
                  else next.add(contact.id);
                  return next;
                })
              }
            />
            <div>
              <div>
                <strong>{contact.name}</strong>{' '}
                <span className="badge">{contact.network === 'xing' ? 'XING' : 'LinkedIn'}</span>{' '}
                <span className="muted">{[contact.position, contact.company].filter(Boolean).join(' · ')}</span>
              </div>
              <div className="muted small" title={familiarity.evidence.map((e) => evidenceText(e, lang)).join('\n')}>
                {familiarityLabel(lang, familiarity.level)} ({familiarity.score})
              </div>
              <div className="chips">
                {exposures.length === 0 && <span className="muted small">{t(lang, 'seesNothing')}</span>}
                {exposures.map((e) => (
                  <span key={e.field} className={`chip${e.public ? ' chip-public' : ''}`} data-testid="exposure">
                    {fieldLabel(lang, e.field)} · {[e.grant, ...(e.alsoGrantedBy ?? [])].map(grantLabel).join(' + ')}
                    {e.grant.assumed ? ` (${t(lang, 'assumed')})` : ''}
                    {e.since ? ` · ${t(lang, 'since')} ${e.since}` : ''}
                    {e.harvestable ? ` · ${t(lang, 'harvestable')}` : ''}
                  </span>
                ))}
              </div>
            </div>
          </li>
        ))}
      </ul>
      {data && data.total > PAGE && (
        <div className="toolbar">
          <button
            type="button"
            className="secondary"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            ←
          </button>
          <span className="muted small">
            {offset + 1}–{Math.min(offset + PAGE, data.total)} / {data.total}
          </span>
          <button
            type="button"
            className="secondary"
            disabled={offset + PAGE >= data.total}
            onClick={() => setOffset(offset + PAGE)}
          >
            →
          </button>
        </div>
      )}
    </section>
  );
}
