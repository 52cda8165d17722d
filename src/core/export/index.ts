/** The export formats, shared by the devtools panel and the CLI. */
export { CSV_COLUMNS, csvField, formatCsv } from './csv';
export { EXPORT_FORMATS, type ExportFile, type ExportFormat, exportCookies, exportFileName } from './formats';
export { formatJson, JSON_EXPORT_FORMAT, type JsonExport, toJsonExport } from './json';
export { cookieSize, type ExportContext, type LabelledCookie } from './labelled-cookie';
export { type DeclarationStrings, ENGLISH_DECLARATION, formatMarkdownDeclaration } from './markdown';
export { formatNetscape, type NetscapeExport, type SkippedCookie } from './netscape';
