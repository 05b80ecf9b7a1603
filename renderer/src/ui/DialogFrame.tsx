import { useEffect, type ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { focusLost, focusScreen } from './focus';

/**
 * The modal frame every dialog shares (React Aria; loaded apart from the page's start: Dialog.tsx): it
 * takes focus, keeps it inside, closes on Escape (unless `onClose` is left out: an import that is
 * running cannot be dismissed) and gives focus back to what opened it — or, where that was nothing
 * (a shortcut, the menu) or is gone (the empty screen's Import button, after the first import), to the
 * screen shown, not to the page's body. A labelled title, and an error line when there is one.
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
  useEffect(
    () => () => {
      // After React Aria's own restore (a layout effect's, a frame after the dialog is gone).
      requestAnimationFrame(() => {
        if (focusLost()) focusScreen();
      });
    },
    [],
  );
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
