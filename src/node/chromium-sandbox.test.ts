import { describe, expect, it } from 'vitest';
import { SandboxPolicy, sandboxFailureReason } from './chromium-sandbox';

// What Playwright reports when Chromium, run as root, refuses to start with its sandbox (seen on
// this project's CI machine, Chromium 14x as root; the call log is cut short here).
const ROOT_REFUSAL = `browserType.launchPersistentContext: Target page, context or browser has been closed
Browser logs:
Chromium sandboxing failed!
================================
To avoid the sandboxing issue, do either of the following:
  - (preferred): Configure your environment to support sandboxing
  - (alternative): Launch Chromium without sandbox using 'chromiumSandbox: false' option
================================

Call log:
  - <launched> pid=22630
  - [pid=22630][err] [22630:22630:1203/083050.293710:ERROR:content/browser/zygote_host/zygote_host_impl_linux.cc:103] Running as root without --no-sandbox is not supported. See https://crbug.com/638180.
`;
const NO_USERNS = `browserType.launchPersistentContext: Target page, context or browser has been closed
Call log:
  - [pid=1][err] [1:1:0101/000000.000000:FATAL:zygote_host_impl_linux.cc(127)] No usable sandbox! Update your kernel or see https://chromium.googlesource.com/chromium/src/+/main/docs/linux/suid_sandbox_development.md for more information on developing with the SUID sandbox.
`;
const MISSING_LIBRARY = `browserType.launchPersistentContext: Target page, context or browser has been closed
Call log:
  - [pid=1][err] /usr/lib/chromium/chromium: error while loading shared libraries: libnss3.so: cannot open shared object file
`;

/** A launcher that fails with the sandbox the way `sandboxError` says, and records each attempt. */
function fakeLauncher(sandboxError: string | null, otherError: string | null = null) {
  const attempts: boolean[] = [];
  const launch = async (sandbox: boolean) => {
    attempts.push(sandbox);
    if (otherError) throw new Error(otherError);
    if (sandbox && sandboxError) throw new Error(sandboxError);
    return { sandbox };
  };
  return { attempts, launch };
}

describe('why Chromium could not start with its sandbox', () => {
  it.each([
    ['as root', ROOT_REFUSAL, /root/],
    ['without user namespaces', NO_USERNS, /user namespaces/],
  ])('names the cause %s', (_, message, reason) => {
    expect(sandboxFailureReason(new Error(message))).toMatch(reason);
  });

  it('is no sandbox failure when Chromium fails for another reason', () => {
    expect(sandboxFailureReason(new Error(MISSING_LIBRARY))).toBeNull();
    expect(sandboxFailureReason(new Error('Timeout 180000ms exceeded.'))).toBeNull();
  });
});

describe('launching with the sandbox, and without it only when it cannot run', () => {
  it('keeps the sandbox where it works', async () => {
    const { attempts, launch } = fakeLauncher(null);
    const told: string[] = [];
    const policy = new SandboxPolicy();
    expect(await policy.launch(launch, (r) => told.push(r))).toEqual({ sandbox: true });
    expect(await policy.launch(launch, (r) => told.push(r))).toEqual({ sandbox: true });
    expect(attempts).toEqual([true, true]);
    expect(told).toEqual([]);
  });

  it('falls back once the sandbox is refused, says so once, and then goes without it straight away', async () => {
    const { attempts, launch } = fakeLauncher(ROOT_REFUSAL);
    const told: string[] = [];
    const policy = new SandboxPolicy();
    expect(await policy.launch(launch, (r) => told.push(r))).toEqual({ sandbox: false });
    expect(await policy.launch(launch, (r) => told.push(r))).toEqual({ sandbox: false });
    expect(await policy.launch(launch, (r) => told.push(r))).toEqual({ sandbox: false });
    expect(attempts).toEqual([true, false, false, false]);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/root/);
  });

  it('does not drop the sandbox when Chromium fails for another reason', async () => {
    const { attempts, launch } = fakeLauncher(null, MISSING_LIBRARY);
    const told: string[] = [];
    const policy = new SandboxPolicy();
    await expect(policy.launch(launch, (r) => told.push(r))).rejects.toThrow(/libnss3/);
    await expect(policy.launch(launch, (r) => told.push(r))).rejects.toThrow(/libnss3/);
    expect(attempts).toEqual([true, true]);
    expect(told).toEqual([]);
  });

  it('reports the failure without the sandbox when that fails too', async () => {
    const attempts: boolean[] = [];
    const policy = new SandboxPolicy();
    const launch = async (sandbox: boolean) => {
      attempts.push(sandbox);
      throw new Error(sandbox ? ROOT_REFUSAL : MISSING_LIBRARY);
    };
    await expect(policy.launch(launch)).rejects.toThrow(/libnss3/);
    expect(attempts).toEqual([true, false]);
  });
});
