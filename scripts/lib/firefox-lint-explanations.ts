import type { LintMessage } from 'web-ext';

/**
 * The warnings `web-ext lint` gives the Firefox package that we have looked at and accept, each
 * with the reason (README, "Browsers", says the same). Any other warning, one of these on another
 * file, or more of them than `most`, fails `npm run lint:firefox`, and so `npm run package` and CI.
 */
export interface Explanation {
  code: string;
  /** Which file it may be about. */
  file: RegExp;
  /** How many times it may appear in the package. */
  most: number;
  why: string;
}

export const EXPLAINED_WARNINGS: readonly Explanation[] = [
  {
    code: 'KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION',
    file: /^manifest\.json$/,
    most: 1,
    why:
      'browser_specific_settings.gecko.data_collection_permissions arrived in Firefox 140; addons.mozilla.org ' +
      'requires it of new add-ons, and Firefox 128 to 139 ignore the key and install the add-on all the same.',
  },
  {
    code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
    file: /^manifest\.json$/,
    most: 1,
    why:
      'The same key for Firefox for Android (142). The add-on is made and tested for desktop Firefox (a toolbar ' +
      'popup and a DevTools panel) and is not offered for Android.',
  },
  // Preact is bundled twice: into the popup's one script and into the panel's (see vite-popup-build-plugin.ts).
  ...(['popup', 'panel'] as const).map((page) => ({
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: new RegExp(`^assets/${page}-[^/]+\\.js$`),
    most: 1,
    why:
      `Preact's renderer, bundled into the ${page}'s script, sets innerHTML only for a dangerouslySetInnerHTML prop. ` +
      'No component passes one: the linter (biome, security/noDangerouslySetInnerHtml) rejects it in our code.',
  })),
];

/** The explanation that covers a warning, whether or not its count is used up. */
export function explanationOf(warning: LintMessage): Explanation | undefined {
  return EXPLAINED_WARNINGS.find((e) => e.code === warning.code && e.file.test(warning.file ?? ''));
}

/** The warnings no explanation covers, or that exceed one's count. */
export function unexplainedWarnings(warnings: readonly LintMessage[]): LintMessage[] {
  const used = new Map<Explanation, number>();
  return warnings.filter((w) => {
    const explanation = explanationOf(w);
    if (!explanation) return true;
    const count = (used.get(explanation) ?? 0) + 1;
    used.set(explanation, count);
    return count > explanation.most;
  });
}
