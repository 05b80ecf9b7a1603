/** Offers text as a file download (the browser host, and exports in the desktop app). */
export function downloadText(fileName: string, text: string, type: string): void {
  download(fileName, new Blob([text], { type }));
}

/** A report file from report:build (text as UTF-8, PDF and ZIP as base64) as a download. */
export function downloadReport(file: {
  fileName: string;
  mime: string;
  encoding: 'utf8' | 'base64';
  data: string;
}): void {
  const body = file.encoding === 'utf8' ? file.data : Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0));
  download(file.fileName, new Blob([body], { type: file.mime }));
}

function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
