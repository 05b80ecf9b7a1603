import type { ImportNote, InspectedFile } from '../../../shared/contract';
import { AppError } from '../errors';
import { AddressCsvSink } from './address-csv';
import { readCsv, StopReading, type CsvRecordSink } from './csv';
import { because, noteOf, reasonOf } from './reason';
import { ExportCsvSink, isVCard, readHead, reading } from './recognise';
import type { SourceFile } from './source';

/** Why a file cannot be imported, as inspect() tells it: the importer's reason, else the error's text. */
function problemOf(file: SourceFile, error: unknown): ImportNote {
  if (error instanceof AppError && error.messageId.startsWith('importer.'))
    return { messageId: error.messageId as ImportNote['messageId'], values: error.values };
  return noteOf(file.display, because('cannotRead', { detail: reasonOf(error) }));
}

/** Stops reading as soon as the header has been recognised. */
class DetectOnly extends StopReading {}

/** What each file would be imported as, reading no more than its first lines. */
export async function inspect(files: readonly SourceFile[]): Promise<InspectedFile[]> {
  const result: InspectedFile[] = [];
  for (const file of files) {
    const base = { id: String(result.length), name: file.display, size: file.size };
    if (!file.explicit && !/\.(csv|vcf|vcard)$/i.test(file.name)) {
      result.push({ ...base, kind: null, problem: null });
      continue;
    }
    try {
      const head = await reading(file, () => readHead(file, 64 * 1024));
      if (isVCard(head)) {
        result.push({
          ...base,
          kind: /PRODID:[^\r\n]*XING/i.test(head.toString('latin1')) ? 'xing-vcard' : 'vcard',
          problem: null,
        });
        continue;
      }
      let kind: string | null = null;
      const sink = new ExportCsvSink(file.display);
      const probe: CsvRecordSink = {
        get columnMask() {
          return null;
        },
        record(fields, line) {
          sink.record(fields, line);
          const inner = sink.inner;
          if (inner instanceof AddressCsvSink) kind = inner.kind;
          else if (inner?.result) kind = inner.result.kind;
          if (kind) throw new DetectOnly();
        },
      };
      try {
        await readCsv(file, () => probe);
      } catch (error) {
        if (!(error instanceof StopReading)) throw error;
      }
      result.push({
        ...base,
        kind,
        problem: kind === null && file.explicit ? noteOf(file.display, 'unrecognised') : null,
      });
    } catch (error) {
      result.push({ ...base, kind: null, problem: problemOf(file, error) });
    }
  }
  return result;
}
