/**
 * The PDF report, under plain Node (the CLI, the browser host) and in the desktop app alike:
 * pdfmake lays out the model on A4 with a header and "page n of m" on every page, embeds DejaVu Sans
 * (subset, covers German and far beyond; Bitstream Vera licence, shipped by the dejavu-fonts-ttf
 * package) so the text is selectable and searchable, and draws the charts from the same SVG as the
 * HTML page. Printing the HTML through Chromium would need a browser on the user's machine; this
 * needs nothing but Node.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { say } from '../../../shared/report/text';
import type { ReportModel } from '../../../shared/report/types';
import { appendixPdf, judgedPdf, mutedPdf, revocationsPdf } from './pdf-more';
import { groupsPdf, PDF_FONT, planSectionPdf, summaryPdf } from './pdf-sections';

let fontsReady = false;

/** The fonts, from the dejavu-fonts-ttf package; nothing else may be read, nothing fetched. */
function useFonts(): void {
  if (fontsReady) return;
  const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const font = (name: string) => join(dir, name);
  pdfmake.setFonts({
    [PDF_FONT]: {
      normal: font('DejaVuSans.ttf'),
      bold: font('DejaVuSans-Bold.ttf'),
      italics: font('DejaVuSans-Oblique.ttf'),
      bolditalics: font('DejaVuSans-BoldOblique.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(dir));
  fontsReady = true;
}

export function pdfDefinition(model: ReportModel): TDocumentDefinitions {
  const { lang } = model;
  return {
    pageSize: 'A4',
    pageMargins: [42, 56, 42, 48],
    info: { title: model.title, creator: 'ShareAudit', producer: 'ShareAudit (pdfmake)' },
    language: lang === 'de' ? 'de-DE' : 'en-GB',
    defaultStyle: { font: PDF_FONT, fontSize: 9, lineHeight: 1.15 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 14, bold: true, margin: [0, 0, 0, 6] },
      h3: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      th: { bold: true, fillColor: '#f0f1f5' },
      muted: { color: '#555566', margin: [0, 0, 0, 4] },
      more: { color: '#555566', italics: true, margin: [0, 2, 0, 6] },
      note: { background: '#fff3cd', margin: [0, 2, 0, 6] },
      small: { fontSize: 7.5, color: '#445' },
    },
    header: (page) =>
      page === 1
        ? null
        : {
            columns: [
              { text: model.title, bold: true },
              { text: model.generatedAt.text, alignment: 'right' },
            ],
            margin: [42, 24, 42, 0],
            fontSize: 8,
            color: '#555566',
          },
    footer: (page, pages) => ({
      columns: [
        { text: say(lang, 'local'), fontSize: 7, color: '#777788' },
        { text: say(lang, 'page', { page, pages }), alignment: 'right', fontSize: 8 },
      ],
      margin: [42, 16, 42, 0],
    }),
    content: [
      { text: model.title, style: 'h1' },
      {
        text: `${say(lang, 'generated')}: ${model.generatedAt.text} · ${say(lang, 'lastImport')}: ${model.lastImportAt?.text ?? '—'}`,
        style: 'muted',
      },
      ...summaryPdf(model),
      ...planSectionPdf(model),
      ...groupsPdf(model),
      ...revocationsPdf(model),
      ...mutedPdf(model),
      ...judgedPdf(model),
      ...appendixPdf(model),
    ],
  };
}

export async function renderPdf(model: ReportModel): Promise<Uint8Array> {
  useFonts();
  const buffer = await pdfmake.createPdf(pdfDefinition(model)).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
