/** The part of web-ext (which ships no types) that scripts/lint-firefox.ts calls. */
declare module 'web-ext' {
  export interface LintMessage {
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
    column?: number;
  }

  export interface LintResult {
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }

  export const cmd: {
    lint(
      options: {
        sourceDir: string;
        output: 'none' | 'text' | 'json';
        boring?: boolean;
        metadata?: boolean;
        pretty?: boolean;
        selfHosted?: boolean;
        warningsAsErrors?: boolean;
        verbose?: boolean;
      },
      runOptions: { shouldExitProgram: boolean },
    ): Promise<LintResult>;
  };
}
