/**
 * The report's files and their model for the service: each made once for the audit as it is now and
 * kept until the audit changes, built in slices with the event loop free between them, so main keeps
 * answering during an export.
 */
import type { Lang } from '../../shared/domain';
import type { ReportModel } from '../../shared/report/types';
import {
  isComplete,
  renderReport,
  reportModelInSlices,
  type ReportFile,
  type ReportFormat,
  type ReportSource,
} from './report';

export class ReportMaker {
  /** The newest report file and model made (only the newest: a heavy user's JSON is 50 MB). */
  private reportMade: { key: string; value: Promise<ReportFile> } | null = null;
  private modelMade: { key: string; value: Promise<ReportModel> } | null = null;

  constructor(
    /** What the report is made of, in the reader's language: the audit as it is now. */
    private readonly source: (lang: Lang) => ReportSource,
    /** Names the audit as it is now (its revision and database): a report made for another is made again. */
    private readonly revision: () => string,
  ) {}

  /** The report as a file of one format (csv: a ZIP of the four tables). */
  async file(lang: Lang, format: ReportFormat): Promise<ReportFile> {
    // The report of the audit as it is now, made once: the export dialog prepares it as it opens.
    const key = `${this.modelKey(lang, isComplete(format))}:${format}`;
    if (this.reportMade?.key !== key) {
      const made = {
        key,
        value: (async () => renderReport(await this.model(lang, isComplete(format)), format))(),
      };
      this.reportMade = made;
      // A failed one is made again when asked again.
      made.value.catch(() => {
        if (this.reportMade === made) this.reportMade = null;
      });
    }
    return this.reportMade.value;
  }

  /**
   * Prepares the report for the export dialog: the file — or, for a PDF, its model only (the PDF is laid
   * out in one go, ≈ 1 s for a heavy user, which main should not spend before the user asks for it).
   */
  async prepare(lang: Lang, format: ReportFormat): Promise<void> {
    if (format === 'pdf') await this.model(lang, isComplete(format));
    else await this.file(lang, format);
  }

  /** Drops what was made ("Forget everything": the new database's revisions start again). */
  forget(): void {
    this.reportMade = null;
    this.modelMade = null;
  }

  private modelKey(lang: Lang, complete: boolean): string {
    return `${this.revision()}:${lang}:${complete}`;
  }

  private model(lang: Lang, complete: boolean): Promise<ReportModel> {
    const key = this.modelKey(lang, complete);
    if (this.modelMade?.key !== key) {
      const made = { key, value: reportModelInSlices(this.source(lang), lang, complete) };
      this.modelMade = made;
      made.value.catch(() => {
        if (this.modelMade === made) this.modelMade = null;
      });
    }
    return this.modelMade.value;
  }
}
