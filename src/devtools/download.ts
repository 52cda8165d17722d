import type { ExportFile } from '../core/export/formats';

/** The DOM pieces a download needs, so a test can watch what would be saved. */
export interface DownloadTarget {
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  /** Clicks a temporary `<a href download>`. */
  clickLink(href: string, fileName: string): void;
}

export const documentTarget: DownloadTarget = {
  createObjectURL: (blob) => URL.createObjectURL(blob),
  revokeObjectURL: (url) => URL.revokeObjectURL(url),
  clickLink(href, fileName) {
    const a = document.createElement('a');
    a.href = href;
    a.download = fileName;
    a.rel = 'noopener';
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
  },
};

/**
 * Saves the file through the browser's own download: a Blob URL and a link with `download`, so
 * nothing leaves the machine and no extension permission is needed.
 */
export function downloadFile(file: ExportFile, target: DownloadTarget = documentTarget): void {
  const url = target.createObjectURL(new Blob([file.text], { type: file.mimeType }));
  target.clickLink(url, file.fileName);
  // The download has taken its copy once the click has been handled; revoke on the next task.
  setTimeout(() => target.revokeObjectURL(url), 0);
}
