/** Handlers of imports: the demo, the user's export (inspected first, cancellable) and past runs. */
import { demoExport } from '../demo';
import { inspect } from '../importers';
import { PARALLEL_DEFAULTS } from '../importers/parallel';
import { resolvePaths } from '../importers/source';
import { prestartParseWorkers } from '../importers/workers';
import { listImportRuns } from '../import-runs';
import type { HandlerPart, ServiceContext } from './types';

export type ImportChannel = 'demo:load' | 'import:run' | 'import:inspect' | 'import:cancel' | 'import:history';

export function importHandlers(ctx: ServiceContext): HandlerPart<ImportChannel> {
  return {
    'demo:load': () =>
      ctx.importFiles(() => Promise.resolve({ files: demoExport(), close: () => Promise.resolve() }), 'demo'),
    'import:run': ({ sources }) => ctx.importFiles(() => resolvePaths(sources.map((s) => ctx.sourcePath(s))), 'file'),
    'import:inspect': async ({ sources }) => {
      const resolved = await resolvePaths(sources.map((s) => ctx.sourcePath(s)));
      try {
        const files = await inspect(resolved.files);
        // The user is about to import a big messages file: its parse workers can start now (a ZIP's
        // inflate worker starts when the import opens it).
        if (files.some((f) => f.kind === 'linkedin-messages' && f.size >= PARALLEL_DEFAULTS.minBytes))
          prestartParseWorkers();
        return { files };
      } finally {
        await resolved.close();
      }
    },
    'import:cancel': () => {
      const running = ctx.importing();
      running?.abort();
      return Promise.resolve({ cancelled: running !== null });
    },
    'import:history': () => Promise.resolve({ runs: listImportRuns(ctx.db()) }),
  };
}
