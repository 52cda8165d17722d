/**
 * PRIVACY.md explains every permission the extension asks for, per browser, in two tables
 * ("Permissions" and "Host permissions") and says how each browser runs it in private windows
 * ("Private windows"). This reads those tables and compares them with a built manifest, so a
 * permission nobody explained cannot reach a store package (scripts/package.ts) or pass the tests.
 */

export type Browser = 'chrome' | 'firefox';

export const BROWSERS: readonly Browser[] = ['chrome', 'firefox'];

export interface Grants {
  permissions: string[];
  hostPermissions: string[];
}

export interface PrivacyDeclaration {
  grants: Record<Browser, Grants>;
  incognito: Record<Browser, string>;
}

const PERMISSIONS = 'Permissions';
const HOST_PERMISSIONS = 'Host permissions';
const PRIVATE_WINDOWS = 'Private windows';
const BROWSER_NAMES: Record<Browser, string> = { chrome: 'Chrome', firefox: 'Firefox' };

/**
 * Manifest keys that would let web pages or other extensions reach the extension, or let it ask for
 * more later. PRIVACY.md says there are none; a manifest that gains one has to say why first.
 */
export const UNDECLARED_KEYS = [
  'content_scripts',
  'externally_connectable',
  'web_accessible_resources',
  'optional_permissions',
  'optional_host_permissions',
] as const;

/** PRIVACY.md promises that nothing leaves the device; the pages' CSP is what enforces it. */
export const REQUIRED_CSP = ["default-src 'self'", "connect-src 'none'"] as const;

/** Reads PRIVACY.md's tables; throws an error naming the line when a row cannot be read. */
export function parsePrivacy(markdown: string): PrivacyDeclaration {
  const grants: Record<Browser, Grants> = {
    chrome: { permissions: [], hostPermissions: [] },
    firefox: { permissions: [], hostPermissions: [] },
  };
  const incognito: Partial<Record<Browser, string>> = {};
  const seen = new Set<string>();
  let section = '';
  let columns: string[] | null = null;
  markdown.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    const where = `PRIVACY.md line ${index + 1}`;
    if (line.startsWith('## ')) {
      section = line.slice(3).trim();
      columns = null;
      return;
    }
    if (!line.startsWith('|') || ![PERMISSIONS, HOST_PERMISSIONS, PRIVATE_WINDOWS].includes(section)) {
      if (!line.startsWith('|')) columns = null;
      return;
    }
    const cells = line
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
    if (columns === null) {
      columns = cells.map((c) => c.toLowerCase());
      return;
    }
    if (cells.every((c) => /^:?-+:?$/.test(c))) return;
    if (section === PRIVATE_WINDOWS) {
      const browser = browserNamed(cells[0]);
      if (!browser) throw new Error(`${where}: "${cells[0]}" is not Chrome or Firefox`);
      incognito[browser] = codeIn(cells[1], where);
      return;
    }
    const name = codeIn(cells[0], where);
    const key = `${section}:${name}`;
    if (seen.has(key)) throw new Error(`${where}: \`${name}\` is listed twice under "${section}"`);
    seen.add(key);
    for (const browser of BROWSERS) {
      const column = columns.indexOf(BROWSER_NAMES[browser].toLowerCase());
      if (column < 0) throw new Error(`${where}: the "${section}" table has no ${BROWSER_NAMES[browser]} column`);
      const answer = cells[column]?.toLowerCase();
      if (answer !== 'yes' && answer !== 'no') {
        throw new Error(
          `${where}: the ${BROWSER_NAMES[browser]} column says "${cells[column] ?? ''}"; write yes or no`,
        );
      }
      if (answer === 'yes') {
        const list = section === PERMISSIONS ? grants[browser].permissions : grants[browser].hostPermissions;
        list.push(name);
      }
    }
  });
  for (const title of [PERMISSIONS, HOST_PERMISSIONS]) {
    if (![...seen].some((k) => k.startsWith(`${title}:`))) throw new Error(`PRIVACY.md has no "## ${title}" table`);
  }
  for (const browser of BROWSERS) {
    if (incognito[browser] === undefined) {
      throw new Error(`PRIVACY.md's "## ${PRIVATE_WINDOWS}" table has no ${BROWSER_NAMES[browser]} row`);
    }
  }
  return { grants, incognito: incognito as Record<Browser, string> };
}

/** What a manifest asks for; throws when its permission lists are not lists of strings. */
export function manifestGrants(manifest: unknown, label: string): Grants {
  const m = asRecord(manifest, label);
  return {
    permissions: stringList(m.permissions, `${label}: permissions`),
    hostPermissions: stringList(m.host_permissions, `${label}: host_permissions`),
  };
}

/**
 * Every way the manifest differs from what PRIVACY.md says about this browser, as sentences;
 * empty when they agree. Both directions count: an explanation of a permission the extension no
 * longer asks for would tell people something untrue.
 */
export function privacyProblems(manifest: unknown, browser: Browser, declaration: PrivacyDeclaration): string[] {
  const label = `the ${BROWSER_NAMES[browser]} manifest`;
  const m = asRecord(manifest, label);
  const actual = manifestGrants(m, label);
  const declared = declaration.grants[browser];
  const problems = [
    ...differences(actual.permissions, declared.permissions, 'permission', label, browser),
    ...differences(actual.hostPermissions, declared.hostPermissions, 'host permission', label, browser),
  ];
  const incognito = typeof m.incognito === 'string' ? m.incognito : '(not set: the browser default)';
  if (incognito !== declaration.incognito[browser]) {
    problems.push(
      `${label} has "incognito": ${incognito}, but PRIVACY.md says ${declaration.incognito[browser]} for ${BROWSER_NAMES[browser]}`,
    );
  }
  for (const key of UNDECLARED_KEYS) {
    if (m[key] !== undefined) problems.push(`${label} declares ${key}, which PRIVACY.md says it does not have`);
  }
  const csp = asRecord(m.content_security_policy ?? {}, `${label}: content_security_policy`).extension_pages;
  const directives = typeof csp === 'string' ? csp.split(';').map((d) => d.trim()) : [];
  for (const directive of REQUIRED_CSP) {
    if (!directives.includes(directive)) {
      problems.push(`${label}'s extension_pages CSP lacks "${directive}", which PRIVACY.md promises`);
    }
  }
  return problems;
}

function differences(actual: string[], declared: string[], kind: string, label: string, browser: Browser): string[] {
  const problems: string[] = [];
  for (const name of actual) {
    if (!declared.includes(name)) {
      problems.push(
        `${label} asks for the ${kind} \`${name}\`, which PRIVACY.md does not explain for ${BROWSER_NAMES[browser]}`,
      );
    }
  }
  for (const name of declared) {
    if (!actual.includes(name)) {
      problems.push(`PRIVACY.md explains the ${kind} \`${name}\` for ${BROWSER_NAMES[browser]}, but ${label} lacks it`);
    }
  }
  return problems;
}

function browserNamed(cell: string | undefined): Browser | null {
  return BROWSERS.find((b) => BROWSER_NAMES[b].toLowerCase() === cell?.toLowerCase()) ?? null;
}

function codeIn(cell: string | undefined, where: string): string {
  const match = /^`([^`]+)`$/.exec(cell ?? '');
  if (!match) throw new Error(`${where}: the first cell must be one name in backticks, found "${cell ?? ''}"`);
  return match[1];
}

function asRecord(value: unknown, label: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${label} is not an object`);
  return value as Record<string, unknown>;
}

function stringList(value: unknown, label: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new Error(`${label} is not a list of strings`);
  }
  return value;
}
