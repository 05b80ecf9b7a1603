import { useRef, useState, type DragEvent, type Ref } from 'react';
import { useFeedback } from '../../app/toast';
import { platform } from '../../platform';
import { IMPORT_ACCEPT, isImportable, type useImport } from './useImport';

/**
 * How files reach an import: picked (the desktop's own dialog, or the page's hidden file inputs in the
 * browser) or dropped on the window. Either way the import first shows what each file was recognised as.
 */
export function useImportPicker(imports: ReturnType<typeof useImport>, busy: boolean) {
  const feedback = useFeedback();
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const pick = async (folders: boolean): Promise<void> => {
    if (platform.kind === 'browser') {
      (folders ? folderInput : fileInput).current?.click();
      return;
    }
    const sources = await feedback.run(() => platform.pickPaths(folders));
    if (sources && sources.length > 0) await imports.inspect(() => Promise.resolve(sources));
  };
  const onFiles = (files: File[]): void => {
    if (files.length > 0) void imports.inspect(() => platform.sourcesFor(files));
  };

  /** The window as a drop target: what it shows while files are dragged over it, and the drop. */
  const dropTarget = {
    onDragOver: (event: DragEvent): void => {
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave: (event: DragEvent): void => {
      if (event.currentTarget === event.target) setDragging(false);
    },
    onDrop: (event: DragEvent): void => {
      event.preventDefault();
      setDragging(false);
      if (!busy) onFiles([...event.dataTransfer.files]);
    },
  };

  /** The browser's file pickers: hidden, opened by `pick`. */
  const folderRef = (input: HTMLInputElement | null): void => {
    folderInput.current = input;
    // Not in React's types: lets the browser pick a whole folder (all its files, recursively).
    input?.setAttribute('webkitdirectory', '');
  };
  const inputs = <PickerInputs fileRef={fileInput} folderRef={folderRef} onFiles={onFiles} />;
  return { pick, dragging, dropTarget, inputs };
}

/** The browser's hidden file inputs: one for files, one for a whole folder. */
function PickerInputs({
  fileRef,
  folderRef,
  onFiles,
}: {
  fileRef: Ref<HTMLInputElement>;
  folderRef: Ref<HTMLInputElement>;
  onFiles: (files: File[]) => void;
}) {
  return (
    <>
      <input
        ref={fileRef}
        type="file"
        multiple
        hidden
        data-testid="import-input"
        accept={IMPORT_ACCEPT}
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
      <input
        ref={folderRef}
        type="file"
        multiple
        hidden
        data-testid="import-folder-input"
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])].filter(isImportable));
          e.target.value = '';
        }}
      />
    </>
  );
}
