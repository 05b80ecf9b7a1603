import { useCallback, useMemo, useState } from 'react';
import { DETAIL_FIELDS, type DetailField, type Lang, type PersonExposure } from '../../../../shared/domain';
import { evidenceText, familiarityLabel, fieldLabel, formatDate, formatNumber } from '../../../../shared/i18n';
import { useDebounced, write } from '../../api/client';
import { useRowWindow } from '../../api/windows';
import { useFeedback } from '../../app/toast';
import { t, type StringKey } from '../../i18n';
import { VirtualList } from '../../ui/VirtualList';

type Network = 'linkedin' | 'xing' | null;

/** Every person and what they can see: the exposure model, per person, with XING grants to edit. */
export function PeopleScreen({ lang }: { lang: Lang }) {
  const feedback = useFeedback();
  const [query, setQuery] = useState('');
  const [network, setNetwork] = useState<Network>(null);
  const [range, setRange] = useState({ start: 0, end: 0 });
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [field, setField] = useState<DetailField>('mobile');
  // One request per pause in typing; a reply to an earlier query never shows for a later one.
  const settledQuery = useDebounced(query, 120);
  const filter = useMemo(() => ({ query: settledQuery, network }), [settledQuery, network]);
  const rows = useRowWindow('people:list', filter, range);
  const onRange = useCallback((r: { start: number; end: number }) => setRange(r), []);

  const toggle = (id: number): void =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const change = (action: () => Promise<unknown>): void => void feedback.run(action).then(() => setSelected(new Set()));

  const grantLabel = (g: PersonExposure['exposures'][number]['grant']): string =>
    g.kind === 'audience' || g.kind === 'category'
      ? t(lang, `audience_${g.audience}` as StringKey)
      : t(lang, `grant_${g.kind}` as StringKey);

  const none = selected.size === 0 || feedback.busy;
  return (
    <section className="card" aria-labelledby="people-heading">
      <div className="findings-head">
        <h2 id="people-heading">
          {t(lang, 'people')}{' '}
          <span className="count" data-testid="people-count">
            {rows.total === null ? '…' : formatNumber(lang, rows.total)}
          </span>
        </h2>
        <div className="toolbar">
          <input
            type="search"
            placeholder={t(lang, 'search')}
            aria-label={t(lang, 'search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <select
            aria-label={t(lang, 'network')}
            value={network ?? ''}
            onChange={(e) => setNetwork((e.target.value || null) as Network)}
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
        {(
          [
            ['grant', 'secondary', () => write('grant:set', { contactIds: [...selected], field, granted: true })],
            ['ungrant', 'danger', () => write('grant:set', { contactIds: [...selected], field, granted: false })],
            ['exclude', 'secondary', () => write('exclusion:set', { contactIds: [...selected], excluded: true })],
            ['include', 'secondary', () => write('exclusion:set', { contactIds: [...selected], excluded: false })],
          ] as const
        ).map(([label, style, action]) => (
          <button key={label} type="button" className={style} disabled={none} onClick={() => change(action)}>
            {t(lang, label)}
          </button>
        ))}
      </div>
      <VirtualList
        count={rows.total ?? 0}
        label={t(lang, 'people')}
        testId="people-list"
        estimateSize={84}
        rowKey={rows.rowKey}
        onRange={onRange}
        onSelect={(i) => {
          const person = rows.rowAt(i);
          if (person?.contact.network === 'xing') toggle(person.contact.id);
        }}
        renderRow={(i) => {
          const person = rows.rowAt(i);
          if (!person) return <div className="person placeholder" aria-busy="true" />;
          const { contact, familiarity, exposures } = person;
          return (
            <div className="person" data-testid="person">
              <input
                type="checkbox"
                aria-label={contact.name}
                disabled={contact.network !== 'xing'}
                title={contact.network !== 'xing' ? t(lang, 'linkedinNoGrants') : undefined}
                checked={selected.has(contact.id)}
                onChange={() => toggle(contact.id)}
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
                      {e.since ? ` · ${t(lang, 'since')} ${formatDate(lang, e.since)}` : ''}
                      {e.harvestable ? ` · ${t(lang, 'harvestable')}` : ''}
                      {e.revocation ? ` — ${t(lang, `revocationStatus_${e.revocation.status}`)}` : ''}
                    </span>
                  ))}
                </div>
              </div>
            </div>
          );
        }}
      />
    </section>
  );
}
