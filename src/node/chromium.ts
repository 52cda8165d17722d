import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { SandboxPolicy } from './chromium-sandbox';
import { findExecutable } from './find-executable';

/**
 * Finds and launches a real Chromium with the built extension loaded. Shared by the end-to-end
 * tests, `npm start` and `cookie-inspector scan`, so all three see the browser the same way.
 */

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export class ChromiumNotFoundError extends Error {
  constructor() {
    super(
      'No Chromium found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or point CHROME_PATH at a Chromium or Chrome binary.',
    );
    this.name = 'ChromiumNotFoundError';
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  return findExecutable('CHROME_PATH', CANDIDATES, () => new ChromiumNotFoundError(), env);
}

export interface LaunchOptions {
  /** The built extension (dist/). */
  extensionPath: string;
  headless?: boolean;
  /** Chromium host-resolver rules, for example `MAP *.test 127.0.0.1`. */
  hostResolverRules?: string;
  /** Chromium blocks unpartitioned third-party cookies by default; tests of embedded widgets allow them. */
  allowThirdPartyCookies?: boolean;
  /** Open DevTools for every tab, so the extension's devtools page and panel load. */
  autoOpenDevtools?: boolean;
  extraArgs?: string[];
  /** Accept self-signed and otherwise invalid certificates (the test sites need it). Default: true. */
  ignoreCertificateErrors?: boolean;
  /**
   * Told, once per process, that Chromium's sandbox cannot run here (as root, or without user
   * namespaces) and that pages are loaded without it.
   */
  onSandboxFallback?: (reason: string) => void;
  /**
   * Whether Playwright handles Ctrl-C, SIGTERM and SIGHUP itself (close every browser, exit 130 on
   * Ctrl-C). Default: true. `scan` handles them itself, to stop between pages and report.
   */
  handleSignals?: boolean;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker, once its top-level listeners are registered. */
  worker: Worker;
  userDataDir: string;
  extensionUrl(path: string): string;
  /** Waits for the (possibly restarted) service worker to be ready again and returns it. */
  waitForWorker(): Promise<Worker>;
  close(): Promise<void>;
}

// Whether the sandbox works is a property of the machine: found out at the first launch.
const sandbox = new SandboxPolicy();

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const executablePath = findChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'cookie-inspector-profile-'));
  const removeProfile = () => rmSync(userDataDir, { recursive: true, force: true });
  if (options.allowThirdPartyCookies) {
    mkdirSync(join(userDataDir, 'Default'), { recursive: true });
    // cookie_controls_mode 0 = allow third-party cookies; CDP and feature flags do not change it.
    writeFileSync(
      join(userDataDir, 'Default', 'Preferences'),
      JSON.stringify({ profile: { cookie_controls_mode: 0 } }),
    );
  }
  const args = [
    `--disable-extensions-except=${options.extensionPath}`,
    `--load-extension=${options.extensionPath}`,
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  const ignoreCertificateErrors = options.ignoreCertificateErrors ?? true;
  if (ignoreCertificateErrors) args.push('--ignore-certificate-errors');
  if (options.hostResolverRules) args.push(`--host-resolver-rules=${options.hostResolverRules}`);
  if (options.autoOpenDevtools) args.push('--auto-open-devtools-for-tabs');
  args.push(...(options.extraArgs ?? []));
  const handleSignals = options.handleSignals ?? true;
  let context: BrowserContext;
  try {
    context = await sandbox.launch(
      (withSandbox) =>
        chromium.launchPersistentContext(userDataDir, {
          executablePath,
          headless: options.headless ?? true,
          args,
          // Without it Playwright adds --no-sandbox itself.
          chromiumSandbox: withSandbox,
          ignoreDefaultArgs: ['--disable-extensions'],
          ignoreHTTPSErrors: ignoreCertificateErrors,
          viewport: { width: 1280, height: 800 },
          handleSIGINT: handleSignals,
          handleSIGTERM: handleSignals,
          handleSIGHUP: handleSignals,
        }),
      options.onSandboxFallback,
    );
  } catch (error) {
    removeProfile();
    throw error;
  }
  // However the process ends (Playwright's own Ctrl-C handler exits it), the profile goes too.
  // Added after the launch, so that it normally runs after Playwright's exit handler killed the browser.
  process.on('exit', removeProfile);
  const close = async () => {
    await context.close().catch(() => undefined);
    removeProfile();
    process.off('exit', removeProfile);
  };
  try {
    const worker = await readyWorker(context);
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      extensionId,
      worker,
      userDataDir,
      extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
      waitForWorker: () => readyWorker(context),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Playwright reports the worker before its top-level code has run; cookie events in that window
 * would be lost, so wait until its cookie listener exists.
 */
async function readyWorker(context: BrowserContext, timeoutMs = 15_000): Promise<Worker> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (worker) {
      const ready = await worker.evaluate(() => chrome.cookies.onChanged.hasListeners()).catch(() => false);
      if (ready) return worker;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('The extension service worker did not become ready in time.');
}
