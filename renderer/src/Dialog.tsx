import type { ReactNode } from 'react';

/** The modal frame every dialog shares: overlay, labelled title, and an error line when there is one. */
export function Dialog({
  name,
  title,
  wide = false,
  error = null,
  children,
}: {
  /** Names the dialog for its title id and its test id ("<name>-title", "<name>-dialog"). */
  name: string;
  title: string;
  wide?: boolean;
  error?: string | null;
  children: ReactNode;
}) {
  return (
    <div className="overlay">
      <div
        className={wide ? 'dialog wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${name}-title`}
        data-testid={`${name}-dialog`}
      >
        <h2 id={`${name}-title`}>{title}</h2>
        {error && <p className="error">{error}</p>}
        {children}
      </div>
    </div>
  );
}
