import { Component, type ReactNode } from 'react';
import type { Lang } from '../../../shared/domain';
import { errorText, t } from '../i18n';

/**
 * What a part of the app shows when it could not be shown — its code did not load, or it failed while
 * rendering: what happened, that nothing was lost, and a way to try again. The rest of the app
 * (navigation, dialogs, the other screens) stays usable.
 */
export function ShowFailed({
  lang,
  error,
  retry,
  compact = false,
}: {
  lang: Lang;
  error: unknown;
  retry: () => void;
  /** A part of a screen (its charts), not a whole screen. */
  compact?: boolean;
}) {
  return (
    <section className={compact ? 'show-failed compact' : 'card show-failed'} role="alert" data-testid="show-failed">
      <h2>{t(lang, compact ? 'partFailedTitle' : 'screenFailedTitle')}</h2>
      <p>{t(lang, 'failedNothingLost')}</p>
      <p className="muted small">{errorText(lang, error)}</p>
      <button type="button" onClick={retry}>
        {t(lang, 'tryAgain')}
      </button>
    </section>
  );
}

interface Props {
  /** Another value (another screen) starts afresh. */
  resetKey: string;
  failed: (retry: () => void, error: unknown) => ReactNode;
  children: ReactNode;
}

interface State {
  failure: { error: unknown } | null;
  resetKey: string;
}

/**
 * Catches what a screen throws while rendering (React unmounts the whole app otherwise; it logs the
 * error itself): the screen shows `failed`, whose retry renders it again.
 */
export class ScreenBoundary extends Component<Props, State> {
  override state: State = { failure: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failure: { error } };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { failure: null, resetKey: props.resetKey };
  }

  private readonly retry = (): void => this.setState({ failure: null });

  override render(): ReactNode {
    const { failure } = this.state;
    return failure ? this.props.failed(this.retry, failure.error) : this.props.children;
  }
}
