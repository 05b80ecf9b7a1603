/**
 * The import under way (AppService's): one at a time, cancellable through its controller. While it holds
 * the database (its transaction open while it reads), requests wait for it — and, after its commit, for
 * what it owes: the revocations it proves and the snapshot's debt.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { Response } from '../../shared/contract';
import type { DB } from './db';
import { AppError } from './errors';
import { runImport } from './importers';
import { isCountryCode } from './importers/normalise';
import type { resolvePaths } from './importers/source';
import type { PlatformHooks } from './platform-hooks';
import { proveByImport } from './revocation-proof';
import { oweImportSnapshot } from './snapshots';
import { getSettings } from './store';

/** What an import takes from the service: asked for when it is needed (the database is opened anew after a forget). */
export interface ImportHost {
  db(): DB;
  now(): Date;
  readonly platform: PlatformHooks;
  settleSnapshot(force: boolean): void;
}

export class ImportRunner {
  /** The running import's controller, or null. */
  importing: AbortController | null = null;
  /** Settles when an import stops holding the database (see ImportOptions.hold). */
  held: Promise<unknown> | null = null;

  constructor(private readonly host: ImportHost) {}

  /** Reads the files `resolve` gives into the database; IMPORT_BUSY while another import runs. */
  async run(
    resolve: () => ReturnType<typeof resolvePaths>,
    origin: 'file' | 'demo',
    regionOverride?: CountryCode,
  ): Promise<Response<'import:run'>> {
    if (this.importing) throw new AppError('IMPORT_BUSY', 'error.IMPORT_BUSY');
    const { host } = this;
    const controller = new AbortController();
    this.importing = controller;
    // Requests held by the import wait until it has also written what it owes (the proof and the
    // snapshot's debt): none may write between its commit and that.
    let debtWritten!: () => void;
    const owed = new Promise<void>((resolve) => (debtWritten = resolve));
    try {
      // The snapshot the previous import owes is of the data this one replaces.
      host.settleSnapshot(true);
      const sources = await resolve();
      try {
        const region = regionOverride ?? getSettings(host.db()).phoneRegion;
        const summary = await runImport(host.db(), sources.files, {
          origin,
          region: isCountryCode(region) ? region : undefined,
          signal: controller.signal,
          onProgress: (p) => host.platform.emit?.('import:progress', p),
          hold: (during) => {
            const held = during.then(
              () => owed,
              () => undefined,
            );
            this.held = held;
            void held.then(() => {
              if (this.held === held) this.held = null;
            });
          },
          now: host.now(),
        });
        // A newer export may prove revocations done (or not done).
        const proven = proveByImport(host.db(), summary, host.now());
        oweImportSnapshot(host.db(), summary.runId, host.now().toISOString(), proven);
        return summary;
      } finally {
        debtWritten();
        await sources.close();
      }
    } finally {
      debtWritten();
      this.importing = null;
    }
  }
}
