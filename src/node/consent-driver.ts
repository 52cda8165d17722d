import type { Frame, Page } from 'playwright-core';
import { type AutoconsentAssets, loadAutoconsent, rulesFor } from './autoconsent-assets';

/**
 * Answers a page's consent banner the way a person would, with autoconsent's rules: it finds the
 * banner of a known platform and clicks "reject" (`optOut`) or "accept" (`optIn`). The content
 * script runs in every frame of the page (some platforms show their banner in a frame) and talks
 * to us through an exposed binding, as autoconsent's messaging API expects of its host.
 */

export type ConsentAnswer = 'reject' | 'accept';

export type BannerOutcome =
  /** The banner was found and the answer clicked through. */
  | { status: 'answered'; cmp: string }
  /** No rule matched a visible banner: nothing was answered, so nothing after it can be judged. */
  | { status: 'not-found'; detail: string }
  /** A rule matched but its clicks did not complete. */
  | { status: 'not-answered'; cmp: string; detail: string };

export interface ConsentDriver {
  /** Resolves once the banner is answered, known absent, or `waitMs` have passed. */
  outcome(waitMs: number): Promise<BannerOutcome>;
}

type Message =
  | { type: 'init'; url: string }
  | { type: 'eval'; id: string; code: string }
  | { type: 'cmpDetected' | 'popupFound'; cmp: string }
  | { type: 'optOutResult' | 'optInResult'; cmp: string; result: boolean }
  | { type: 'autoconsentDone'; cmp: string }
  | { type: 'report'; mainFrame: boolean; state: { lifecycle: string } }
  | { type: string };

type Receive = (message: unknown) => Promise<void>;

const POLL_MS = 100;

/** Call before the page is loaded: the script must be in every frame from its start. */
export async function attachConsentDriver(
  page: Page,
  answer: ConsentAnswer,
  assets: AutoconsentAssets = loadAutoconsent(),
): Promise<ConsentDriver> {
  const detected = new Set<string>();
  const popups = new Set<string>();
  let result: { cmp: string; ok: boolean } | null = null;
  let nothingInMainFrame = false;
  const config = {
    enabled: true,
    autoAction: answer === 'reject' ? 'optOut' : 'optIn',
    disabledCmps: [],
    enablePrehide: false,
    // A cosmetic rule only hides the banner: no answer is recorded, so the site was told nothing.
    enableCosmeticRules: false,
    enableGeneratedRules: true,
    enableHeuristicDetection: false,
    heuristicMode: 'off',
    detectRetries: 20,
    // We evaluate the script in the page's own world, where its `eval` rules must run too.
    isMainWorld: true,
    visualTest: false,
    logs: {
      lifecycle: false,
      rulesteps: false,
      detectionsteps: false,
      evals: false,
      errors: false,
      messages: false,
      waits: false,
    },
  };

  const send = (frame: Frame, message: unknown) =>
    frame
      .evaluate(
        (m) => (window as unknown as { autoconsentReceiveMessage: Receive }).autoconsentReceiveMessage(m),
        message,
      )
      .catch(() => undefined); // the frame went away, as frames do

  await page.exposeBinding('autoconsentSendMessage', async ({ frame }: { frame: Frame }, raw: unknown) => {
    const message = raw as Message;
    switch (message.type) {
      case 'init': {
        const { url } = message as { url: string };
        await send(frame, { type: 'initResp', config, rules: { autoconsent: rulesFor(assets, url) } });
        break;
      }
      case 'eval': {
        const { id, code } = message as { id: string; code: string };
        const value = await frame.evaluate(code).catch(() => false);
        await send(frame, { type: 'evalResp', id, result: value });
        break;
      }
      case 'cmpDetected':
        detected.add((message as { cmp: string }).cmp);
        break;
      case 'popupFound':
        popups.add((message as { cmp: string }).cmp);
        break;
      case 'optOutResult':
      case 'optInResult': {
        const { cmp, result: ok } = message as { cmp: string; result: boolean };
        // The first answer counts: a page reloaded after it finds no banner the second time.
        result ??= { cmp, ok };
        break;
      }
      case 'report': {
        const { mainFrame, state } = message as { mainFrame: boolean; state: { lifecycle: string } };
        if (mainFrame && state.lifecycle === 'nothingDetected') nothingInMainFrame = true;
        break;
      }
    }
  });
  await page.addInitScript({ content: assets.contentScript });

  return {
    async outcome(waitMs) {
      const deadline = Date.now() + waitMs;
      for (;;) {
        if (result) {
          return result.ok
            ? { status: 'answered', cmp: result.cmp }
            : {
                status: 'not-answered',
                cmp: result.cmp,
                detail: `the ${result.cmp} banner was found but the clicks to ${answer} failed`,
              };
        }
        if (nothingInMainFrame && detected.size === 0 && popups.size === 0) {
          return { status: 'not-found', detail: 'no consent banner that autoconsent knows was found' };
        }
        if (Date.now() >= deadline) return timedOut(answer, detected, popups, waitMs);
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    },
  };
}

function timedOut(answer: ConsentAnswer, detected: Set<string>, popups: Set<string>, waitMs: number): BannerOutcome {
  const [shown] = popups;
  if (shown) {
    return {
      status: 'not-answered',
      cmp: shown,
      detail: `the ${shown} banner was found but not answered (${answer}) within ${waitMs} ms`,
    };
  }
  const [code] = detected;
  if (code)
    return { status: 'not-found', detail: `${code} is on the page, but its banner was not shown within ${waitMs} ms` };
  return { status: 'not-found', detail: `no consent banner that autoconsent knows was shown within ${waitMs} ms` };
}
