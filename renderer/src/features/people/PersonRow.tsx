/**
 * One person in the list: the checkbox (XING only), who they are, how well the user knows them, and
 * each detail they can see — through which grants, since when, and its revocation's state.
 */
import type { Lang, PersonExposure } from '../../../../shared/domain';
import { evidenceText, familiarityLabel, fieldLabel, formatDate } from '../../../../shared/i18n';
import { t, type StringKey } from '../../i18n';

type Exposure = PersonExposure['exposures'][number];

function grantLabel(lang: Lang, g: Exposure['grant']): string {
  return g.kind === 'audience' || g.kind === 'category'
    ? t(lang, `audience_${g.audience}` as StringKey)
    : t(lang, `grant_${g.kind}` as StringKey);
}

/** One detail they can see, as a chip. */
function ExposureChip({ lang, e }: { lang: Lang; e: Exposure }) {
  return (
    <span className={`chip${e.public ? ' chip-public' : ''}`} data-testid="exposure">
      {fieldLabel(lang, e.field)} · {[e.grant, ...(e.alsoGrantedBy ?? [])].map((g) => grantLabel(lang, g)).join(' + ')}
      {e.grant.assumed ? ` (${t(lang, 'assumed')})` : ''}
      {e.since ? ` · ${t(lang, 'since')} ${formatDate(lang, e.since)}` : ''}
      {e.harvestable ? ` · ${t(lang, 'harvestable')}` : ''}
      {e.revocation ? ` — ${t(lang, `revocationStatus_${e.revocation.status}`)}` : ''}
    </span>
  );
}

export function PersonRow({
  lang,
  person,
  selected,
  onToggle,
}: {
  lang: Lang;
  person: PersonExposure;
  selected: boolean;
  onToggle: () => void;
}) {
  const { contact, familiarity, exposures } = person;
  return (
    <div className="person" data-testid="person">
      <input
        type="checkbox"
        aria-label={contact.name}
        disabled={contact.network !== 'xing'}
        title={contact.network !== 'xing' ? t(lang, 'linkedinNoGrants') : undefined}
        checked={selected}
        onChange={onToggle}
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
            <ExposureChip key={e.field} lang={lang} e={e} />
          ))}
        </div>
      </div>
    </div>
  );
}
