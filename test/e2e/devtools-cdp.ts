import type { CDPSession } from 'playwright-core';

/**
 * Playwright does not expose DevTools windows or the extension frames inside them as pages, so the
 * real-DevTools test reaches them over the browser's CDP connection. A target is attached
 * non-flat and spoken to with `Target.sendMessageToTarget`, since Playwright's CDP session cannot
 * address a flat child session.
 */
export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface Reply {
  id?: number;
  result?: { result?: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
  error?: { message: string };
}

export class RawTargets {
  private readonly sessions = new Map<string, string>();
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  private nextId = 1;

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
      const reply = JSON.parse(event.message) as Reply;
      if (reply.id !== undefined) this.waiting.get(reply.id)?.(reply);
    });
  }

  async targets(): Promise<TargetInfo[]> {
    return (await this.cdp.send('Target.getTargets')).targetInfos;
  }

  /** Sends one CDP command to the target and returns its result. */
  async call<T>(targetId: string, method: string, params: Record<string, unknown> = {}): Promise<T> {
    let sessionId = this.sessions.get(targetId);
    if (!sessionId) {
      sessionId = (await this.cdp.send('Target.attachToTarget', { targetId, flatten: false })).sessionId;
      this.sessions.set(targetId, sessionId);
    }
    const id = this.nextId++;
    const reply = new Promise<Reply>((resolve) => this.waiting.set(id, resolve));
    await this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const { result, error } = await reply;
    this.waiting.delete(id);
    if (error) throw new Error(`${method}: ${error.message}`);
    return result as T;
  }

  /** Evaluates an expression (awaiting a promise) in the target and returns its JSON value. */
  async evaluate<T>(targetId: string, expression: string): Promise<T> {
    const result = await this.call<Reply['result']>(targetId, 'Runtime.evaluate', {
      expression,
      returnByValue: true,
      awaitPromise: true,
    });
    if (result?.exceptionDetails) {
      throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    }
    return result?.result?.value as T;
  }
}
