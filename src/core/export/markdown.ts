import { formatLifetime } from '../lifetime';
import { CATEGORIES, type Category, type Lifetime, type Party } from '../types';
import type { ExportContext, LabelledCookie } from './labelled-cookie';

/** Every word the declaration prints, so a page can hand in its own language. */
export interface DeclarationStrings {
  title: (site: string | null) => string;
  intro: (url: string | null, date: string) => string;
  noCookies: string;
  columns: [name: string, vendor: string, category: string, purpose: string, duration: string, party: string];
  categories: Record<Category, string>;
  parties: Record<Party, string>;
  duration: (lifetime: Lifetime) => string;
  unknownVendor: string;
  unknownPurpose: string;
  /** Shown for a cookie whose name is empty (`Set-Cookie: =value` is legal). */
  emptyName: string;
}

export const ENGLISH_DECLARATION: DeclarationStrings = {
  title: (site) => (site ? `Cookie declaration for ${site}` : 'Cookie declaration'),
  intro: (url, date) =>
    url ? `Cookies found on ${url} on ${date} by Cookie Inspector.` : `Cookies found on ${date} by Cookie Inspector.`,
  noCookies: 'No cookies were found.',
  columns: ['Name', 'Vendor', 'Category', 'Purpose', 'Duration', 'Party'],
  categories: {
    essential: 'Essential',
    functional: 'Functional',
    analytics: 'Analytics',
    marketing: 'Marketing',
    unknown: 'Unclassified',
  },
  parties: { first: 'First party', third: 'Third party', unknown: 'Unknown' },
  duration: (lifetime) => {
    const text = formatLifetime(lifetime);
    return text.charAt(0).toUpperCase() + text.slice(1);
  },
  unknownVendor: 'Unknown',
  unknownPurpose: 'Not known',
  emptyName: '(no name)',
};

const LINE_BREAK = /\r\n|\r|\n/g;
const HAS_LINE_BREAK = /[\r\n]/;

/**
 * Text in a GFM table cell: backslash-escape what inline Markdown would interpret (a pipe would
 * even end the cell), and keep line breaks as `<br>`, since a table row is one line.
 */
export function escapeCellText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, '\\$&').replace(LINE_BREAK, '<br>');
}

/**
 * A code span that shows `text` literally: the fence is longer than any run of backticks inside,
 * padded when an edge would otherwise merge with the fence or lose a space. In a table, a pipe
 * still needs `\|` even inside a code span (GFM splits cells before parsing inlines).
 */
export function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const allSpaces = /^ +$/.test(text);
  const pad = /^`|`$/.test(text) || (text.startsWith(' ') && text.endsWith(' ') && !allSpaces) ? ' ' : '';
  return `${fence}${pad}${text.replaceAll('|', '\\|')}${pad}${fence}`;
}

function nameCell(name: string, strings: DeclarationStrings): string {
  if (name === '') return escapeCellText(strings.emptyName);
  // Code spans cannot hold a line break (it would become a space); plain text can, as <br>.
  return HAS_LINE_BREAK.test(name) ? escapeCellText(name) : codeSpan(name);
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * A cookie declaration in the form vendors publish and site owners paste into a cookie policy:
 * one table per category (in the product's order), a row per distinct cookie name, vendor,
 * purpose, duration and party. Values are never included.
 */
export function formatMarkdownDeclaration(
  cookies: readonly LabelledCookie[],
  context: ExportContext,
  strings: DeclarationStrings = ENGLISH_DECLARATION,
): string {
  const date = new Date(context.now * 1000).toISOString().slice(0, 10);
  const out = [
    `# ${escapeCellText(strings.title(context.site ?? null))}`,
    '',
    escapeCellText(strings.intro(context.url ?? null, date)),
  ];
  if (cookies.length === 0) out.push('', escapeCellText(strings.noCookies));
  for (const category of CATEGORIES) {
    const rows = new Map<string, { name: string; line: string }>();
    for (const { cookie, label } of cookies) {
      if (label.category !== category) continue;
      const line = row([
        nameCell(cookie.name, strings),
        escapeCellText(label.vendor ?? strings.unknownVendor),
        escapeCellText(strings.categories[category]),
        escapeCellText(label.purpose ?? strings.unknownPurpose),
        escapeCellText(strings.duration(label.lifetime)),
        escapeCellText(strings.parties[label.party]),
      ]);
      // The same cookie on several paths or subdomains is one line of a declaration.
      rows.set(line, { name: cookie.name, line });
    }
    if (rows.size === 0) continue;
    const sorted = [...rows.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    out.push(
      '',
      `## ${escapeCellText(strings.categories[category])} (${rows.size})`,
      '',
      row(strings.columns.map(escapeCellText)),
      row(strings.columns.map(() => '---')),
      ...sorted.map((r) => r.line),
    );
  }
  return `${out.join('\n')}\n`;
}
