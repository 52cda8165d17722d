import { formatCsv } from './csv';
import { formatJson } from './json';
import type { ExportContext, LabelledCookie } from './labelled-cookie';
import { type DeclarationStrings, formatMarkdownDeclaration } from './markdown';
import { formatNetscape, type SkippedCookie } from './netscape';

export const EXPORT_FORMATS = ['json', 'csv', 'netscape', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  fileName: string;
  mimeType: string;
  text: string;
  /** Cookies the format could not hold (only cookies.txt has such limits). */
  skipped: SkippedCookie[];
}

const EXTENSIONS: Record<ExportFormat, string> = {
  json: 'json',
  csv: 'csv',
  netscape: 'txt',
  markdown: 'md',
};

const MIME_TYPES: Record<ExportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  netscape: 'text/plain;charset=utf-8',
  markdown: 'text/markdown;charset=utf-8',
};

/** `cookies-example.com-2025-01-31T120000Z.csv`: sortable, and safe on every file system. */
export function exportFileName(format: ExportFormat, context: ExportContext): string {
  const site = (context.site ?? '')
    .replace(/[^a-z0-9.-]+/gi, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[._-]+|[._-]+$/g, '')
    .slice(0, 100);
  const stamp = new Date(context.now * 1000)
    .toISOString()
    .replace(/[:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const kind = format === 'markdown' ? 'cookie-declaration-' : 'cookies-';
  return `${kind}${site ? `${site}-` : ''}${stamp}.${EXTENSIONS[format]}`;
}

export interface ExportOptions {
  declaration?: DeclarationStrings;
}

/** One entry point for the panel and the CLI: the file's name, type and contents. */
export function exportCookies(
  format: ExportFormat,
  cookies: readonly LabelledCookie[],
  context: ExportContext,
  options: ExportOptions = {},
): ExportFile {
  const file = (text: string, skipped: SkippedCookie[] = []): ExportFile => ({
    fileName: exportFileName(format, context),
    mimeType: MIME_TYPES[format],
    text,
    skipped,
  });
  switch (format) {
    case 'json':
      return file(formatJson(cookies, context));
    case 'csv':
      return file(formatCsv(cookies));
    case 'netscape': {
      const { text, skipped } = formatNetscape(cookies, context);
      return file(text, skipped);
    }
    case 'markdown':
      return file(formatMarkdownDeclaration(cookies, context, options.declaration));
  }
}
