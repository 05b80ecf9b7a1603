/**
 * A parse worker: reads the chunks of one big LinkedIn messages file it is dealt (parallel.ts).
 * Loads nothing but the scanner and the LinkedIn reader, so it starts quickly.
 */
import { parentPort } from 'node:worker_threads';
import { ChunkParser } from './chunk-parser';
import type { FromWorker, ToWorker } from './parallel-protocol';

/** The languages of the catalogue (shared/i18n), written out: the worker loads no catalogue. */
const LOCALES = ['en', 'de'];

const port = parentPort!;

// Idle until its first chunk, the worker readies ICU's number and plural data (process-wide caches):
// the summary the import ends with then formats its first message without ≈ 20 ms of ICU's set-up,
// at a moment when nothing else runs beside it.
for (const locale of LOCALES) {
  new Intl.NumberFormat(locale).format(1);
  new Intl.PluralRules(locale).select(1);
}
Intl.NumberFormat.supportedLocalesOf(LOCALES);
const post = (message: FromWorker, transfer?: ArrayBuffer[]): void => port.postMessage(message, transfer);
let parser: ChunkParser | null = null;
let failed = false;

port.on('message', (message: ToWorker) => {
  if (failed) return;
  try {
    if (message.type === 'setup') {
      parser = new ChunkParser(message.setup);
      return;
    }
    if (parser === null) throw new Error('no setup');
    if (message.type === 'chunk') {
      const lines = parser.parse(message.seq, message.bytes);
      // The buffer goes back to be filled again.
      const buffer = message.bytes.buffer as ArrayBuffer;
      post({ type: 'ack', seq: message.seq, lines, rows: parser.rows, buffer }, [buffer]);
      return;
    }
    const { part, transfer } = parser.part();
    post({ type: 'result', result: part, problems: parser.problems }, transfer);
  } catch (error) {
    // Anything unusual: the main thread reads the file again on its own and reports it there.
    failed = true;
    post({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });
  }
});
