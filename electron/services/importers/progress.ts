import type { ImportProgress } from '../../../shared/contract';
import type { SourceFile } from './source';

/** Bytes and rows read of all files together: several are read at once. */
export class Progress {
  private readonly bytesTotal: number;
  /** Bytes read of each file. */
  private readonly bytesDone = new Map<SourceFile, number>();
  /** Rows of the files read to the end. */
  rows = 0;
  /** Rows read so far of those being read. */
  private readonly rowsReading = new Map<SourceFile, number>();

  constructor(
    files: readonly SourceFile[],
    private readonly onProgress: ((progress: ImportProgress) => void) | undefined,
  ) {
    this.bytesTotal = files.reduce((n, f) => n + f.size, 0);
  }

  /** Reports bytes and rows read of a file; with its whole size (rows counted) once it is done. */
  report(file: SourceFile, bytes: number, fileRows = 0): void {
    this.bytesDone.set(file, bytes);
    this.rowsReading.set(file, fileRows);
    let done = 0;
    for (const n of this.bytesDone.values()) done += n;
    let rowsNow = this.rows;
    for (const n of this.rowsReading.values()) rowsNow += n;
    this.onProgress?.({ file: file.display, bytesDone: done, bytesTotal: this.bytesTotal, rows: rowsNow });
  }
}
