import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

/**
 * The modal frame every dialog shares (React Aria; loaded apart from the page's start: Dialog.tsx): it
 * takes focus, keeps it inside, closes on Escape (unless `onClose` is left out: an import that is
 * running cannot be dismissed) and gives focus back to what opened it. A labelled title, and an error
 * line when there is one.
 */
export function DialogFrame({
  name,
  title,
  wide = false,
  error = null,
  onClose,
  children,
}: {
  /** Names the dialog for its title id and its test id ("<name>-title", "<name>-dialog"). */
  name: string;
  title: string;
  wide?: boolean;
  error?: string | null;
  onClose?: () => void;
  children: ReactNode;
}) {
  return (
    <ModalOverlay
      className="overlay"
      isOpen
      isDismissable={false}
      isKeyboardDismissDisabled={onClose === undefined}
      onOpenChange={(open) => {
        if (!open) onClose?.();
      }}
    >
      <Modal className={wide ? 'dialog wide' : 'dialog'}>
        <AriaDialog aria-labelledby={`${name}-title`} data-testid={`${name}-dialog`} className="dialog-body">
          <Heading slot="title" id={`${name}-title`} level={2}>
            {title}
          </Heading>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {children}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
