import { useEffect, useState } from 'react';
import type { ImportProgress, ImportSource, ImportSummary } from '../../../../shared/contract';
import type { Lang } from '../../../../shared/domain';
import { queryClient } from '../../api/client';
import { errorText } from '../../i18n';
import { platform } from '../../platform';
import type { ImportState } from './ImportDialog';

/** Every format the importer reads (README "What it imports"); the same list as the desktop dialog's. */
export const IMPORT_ACCEPT = '.zip,.csv,.vcf,.vcard,application/zip,text/csv,text/vcard,text/x-vcard';
export const isImportable = (file: File): boolean => /\.(zip|csv|vcf|vcard)$/i.test(file.name);

/**
 * An import as the user goes through it: files recognised first and shown for review, imported on
 * confirmation with progress, then a summary — or one clear failure, with nothing changed.
 */
export function useImport(lang: Lang) {
  const [state, setState] = useState<ImportState | null>(null);
  const [pending, setPending] = useState<ImportSource[] | null>(null);
  const running = state?.phase === 'running' || state?.phase === 'inspecting';

  useEffect(
    () =>
      platform.on('import:progress', (progress: ImportProgress) =>
        setState((s) => (s && s.phase === 'running' ? { ...s, progress } : s)),
      ),
    [],
  );

  const run = async (load: () => Promise<ImportSummary>): Promise<void> => {
    setState({ phase: 'running', progress: null });
    try {
      const summary = await load();
      setState({ phase: 'done', summary });
    } catch (error) {
      const code = (error as { code?: string }).code;
      setState(code === 'IMPORT_CANCELLED' ? null : { phase: 'failed', message: errorText(lang, error) });
    } finally {
      await queryClient.invalidateQueries();
    }
  };

  /** First show what each file was recognised as; the import runs when the user confirms. */
  const inspect = async (getSources: () => Promise<ImportSource[]>): Promise<void> => {
    setState({ phase: 'inspecting' });
    try {
      const sources = await getSources();
      if (sources.length === 0) {
        setState(null);
        return;
      }
      const { files } = await platform.invoke('import:inspect', { sources });
      setPending(sources);
      setState({ phase: 'review', files });
    } catch (error) {
      setState({ phase: 'failed', message: errorText(lang, error) });
    }
  };

  return {
    state,
    running,
    inspect,
    loadDemo: () => run(() => platform.invoke('demo:load', {})),
    confirm: () => {
      const sources = pending;
      setPending(null);
      if (sources) void run(() => platform.invoke('import:run', { sources }));
    },
    cancel: () => void platform.invoke('import:cancel', {}),
    close: () => {
      setPending(null);
      setState(null);
    },
  };
}
