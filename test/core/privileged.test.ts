import { describe, expect, it } from "vitest";
import { flushDnsFix } from "../../src/core/fixes/flush-dns";
import { createRealHost } from "../../src/core/host/real";
import { createReplayHost } from "../../src/core/host/replay";
import { parseRecording, RECORDING_FORMAT } from "../../src/core/host/recording";
import type { Host } from "../../src/core/host/types";
import {
  ADMIN_SCRIPT,
  adminArgv,
  classifyOsascriptFailure,
  TOUCH_ID_UNAVAILABLE,
  isValidServerName,
  osascriptArgv,
  pamEnablesTouchId,
  runAsAdmin,
  shellQuote,
  touchIdEnabled,
} from "../../src/core/privileged";
import { DEFAULT_TARGETS } from "../../src/core/targets";
import { makeFakeBin } from "../support/fake-bin";

const host = createRealHost();
const PROMPT = "Apple ID Doctor wants to flush the DNS cache so this Mac looks up Apple's sign-in servers afresh.";

describe("privileged runner against fake executables", () => {
  it("password path: one osascript prompt for the whole batch, exact argv, commands run as given", async () => {
    const fake = makeFakeBin();
    const outcome = await runAsAdmin(host, [{ kind: "flush-dns-cache" }, { kind: "restart-mdnsresponder" }], {
      bin: fake.bin,
      prompt: PROMPT,
      touchId: false,
    });
    expect(outcome).toMatchObject({ outcome: "done", via: "password" });
    const calls = fake.calls();
    expect(calls.filter((c) => c[0] === "osascript")).toHaveLength(1);
    expect(calls[0]).toEqual([
      "osascript",
      "-e",
      "on run argv",
      "-e",
      "do shell script (item 1 of argv) with prompt (item 2 of argv) with administrator privileges without altering line endings",
      "-e",
      "end run",
      "--",
      `'${fake.dir}/dscacheutil' '-flushcache' && '${fake.dir}/killall' '-HUP' 'mDNSResponder'`,
      PROMPT,
    ]);
    expect(calls.slice(1)).toEqual([
      ["dscacheutil", "-flushcache"],
      ["killall", "-HUP", "mDNSResponder"],
    ]);
  });

  it("a cancel in Spanish is a quiet cancel, and nothing asks again", async () => {
    const fake = makeFakeBin();
    fake.mode("osascript", "cancel-es");
    const outcome = await runAsAdmin(host, [{ kind: "flush-dns-cache" }], {
      bin: fake.bin,
      prompt: PROMPT,
      touchId: false,
    });
    expect(outcome).toEqual({ outcome: "cancelled", via: "password" });
    expect(fake.calls().map((c) => c[0])).toEqual(["osascript"]);
  });

  it("-60007 is errAuthorizationInteractionNotAllowed: no prompt could be shown, not a wrong password", async () => {
    const fake = makeFakeBin();
    fake.mode("osascript", "no-prompt");
    const outcome = await runAsAdmin(host, [{ kind: "flush-dns-cache" }], {
      bin: fake.bin,
      prompt: PROMPT,
      touchId: false,
    });
    expect(outcome).toMatchObject({ outcome: "failed", reason: "no-prompt" });
    if (outcome.outcome !== "failed") return;
    expect(outcome.message).toMatch(/^macOS couldn't show the administrator prompt here \(-60007/);
    expect(outcome.message).not.toMatch(/password/i);
  });

  it("-60005 is denied and -60006 a cancel", () => {
    expect(classifyOsascriptFailure("0:54: execution error: Authentication failed. (-60005)")).toBe("denied");
    expect(classifyOsascriptFailure("execution error: The authorization was canceled. (-60006)")).toBe("cancelled");
    expect(classifyOsascriptFailure("0:54: execution error: User canceled. (-128)")).toBe("cancelled");
    expect(classifyOsascriptFailure("0:97: execution error: dscacheutil: oops (1)")).toBe("command");
  });

  it("the command's own failure comes back with its stderr", async () => {
    const fake = makeFakeBin();
    fake.mode("dscacheutil", "fail");
    const outcome = await runAsAdmin(host, [{ kind: "flush-dns-cache" }, { kind: "restart-mdnsresponder" }], {
      bin: fake.bin,
      prompt: PROMPT,
      touchId: false,
    });
    expect(outcome).toMatchObject({ outcome: "failed", reason: "command", message: "dscacheutil: cache flush failed" });
    // `&&`: the second command never ran after the first failed.
    expect(fake.calls().map((c) => c[0])).toEqual(["osascript", "dscacheutil"]);
  });

  it("a prompt nobody answers times out", async () => {
    const fake = makeFakeBin();
    fake.mode("osascript", "hang");
    const outcome = await runAsAdmin(host, [{ kind: "flush-dns-cache" }], {
      bin: fake.bin,
      prompt: PROMPT,
      touchId: false,
      timeoutMs: 300,
    });
    expect(outcome).toMatchObject({ outcome: "failed", reason: "timeout" });
  });

  it("Touch ID path: sudo per command with empty stdin, no osascript", async () => {
    const fake = makeFakeBin();
    const outcome = await runAsAdmin(host, [{ kind: "flush-dns-cache" }, { kind: "restart-mdnsresponder" }], {
      bin: fake.bin,
      prompt: PROMPT,
      touchId: true,
    });
    expect(outcome).toMatchObject({ outcome: "done", via: "touch-id" });
    expect(fake.calls()).toEqual([
      ["sudo", `${fake.dir}/dscacheutil`, "-flushcache"],
      ["dscacheutil", "-flushcache"],
      ["sudo", `${fake.dir}/killall`, "-HUP", "mDNSResponder"],
      ["killall", "-HUP", "mDNSResponder"],
    ]);
    expect(fake.sudoStdin()).toBe("");
  });

  it.each(["no-terminal", "password-required"])(
    "sudo without a way to ask (%s): 'Touch ID wasn't available', not a silent cancel; it stops, no second prompt",
    async (mode) => {
      const fake = makeFakeBin();
      fake.mode("sudo", mode);
      const outcome = await runAsAdmin(host, [{ kind: "flush-dns-cache" }, { kind: "restart-mdnsresponder" }], {
        bin: fake.bin,
        prompt: PROMPT,
        touchId: true,
      });
      expect(outcome).toEqual({
        outcome: "failed",
        via: "touch-id",
        reason: "touch-id-unavailable",
        message: TOUCH_ID_UNAVAILABLE,
      });
      expect(fake.calls().map((c) => c[0])).toEqual(["sudo"]);
    },
  );

  it("the fix offers the password prompt next, and a retry with adminPrompt 'password' uses osascript, not sudo", async () => {
    const fake = makeFakeBin();
    fake.mode("sudo", "no-terminal");
    const pam = createReplayHost(
      parseRecording(
        JSON.stringify({
          format: "apple-id-doctor.recording/1",
          recordedAt: "2026-11-21T10:00:00.000Z",
          platform: "darwin",
          files: [{ path: "/etc/pam.d/sudo_local", text: "auth       sufficient     pam_tid.so\n" }],
        }),
      ),
    );
    const both: Host = { ...host, readFile: pam.readFile.bind(pam) };
    const first = await flushDnsFix.run({ host: both, bin: fake.bin, targets: DEFAULT_TARGETS });
    expect(first).toMatchObject({ outcome: "failed", message: TOUCH_ID_UNAVAILABLE, retryWithPassword: true });
    const again = await flushDnsFix.run({
      host: both,
      bin: fake.bin,
      targets: DEFAULT_TARGETS,
      adminPrompt: "password",
    });
    expect(again.outcome).toBe("done");
    expect(fake.calls().map((c) => c[0])).toEqual(["sudo", "osascript", "dscacheutil", "killall"]);
  });

  it("a missing osascript is a clear failure", async () => {
    const fake = makeFakeBin();
    const outcome = await runAsAdmin(host, [{ kind: "flush-dns-cache" }], {
      bin: { ...fake.bin, osascript: `${fake.dir}/nope` },
      prompt: PROMPT,
      touchId: false,
    });
    expect(outcome).toMatchObject({ outcome: "failed", reason: "unavailable" });
  });

  it("the flush-dns fix runs exactly dscacheutil -flushcache then killall -HUP mDNSResponder", async () => {
    const fake = makeFakeBin();
    const pamHost = { ...host, readFile: async () => ({ text: "auth       sufficient     pam_tid.so\n" }) };
    const result = await flushDnsFix.run({ host: pamHost, bin: fake.bin, targets: DEFAULT_TARGETS });
    expect(result).toMatchObject({ outcome: "done", message: "DNS cache flushed (Touch ID)" });
    expect(fake.calls().filter((c) => c[0] !== "sudo")).toEqual([
      ["dscacheutil", "-flushcache"],
      ["killall", "-HUP", "mDNSResponder"],
    ]);
  });
});

describe("hostile values stay one argument", () => {
  const hostile = [
    `x'; /usr/bin/id; echo '`,
    `a"b\\"c`,
    "$(touch /tmp/pwned)",
    "`id`",
    "semi;colon && rm -rf /",
    "new\nline",
    "ünïcødé-サーバー",
  ];

  it.each(hostile)("the server name %j is refused before anything runs", async (value) => {
    const fake = makeFakeBin();
    expect(isValidServerName(value)).toBe(false);
    const outcome = await runAsAdmin(host, [{ kind: "set-clock", server: value }], {
      bin: fake.bin,
      prompt: PROMPT,
      touchId: false,
    });
    expect(outcome).toMatchObject({ outcome: "failed", reason: "not-allowed" });
    expect(fake.calls()).toEqual([]);
  });

  it.each(hostile)("shell quoting keeps %j one word through /bin/sh, end to end", async (value) => {
    // Straight through the password path with an argv the allowlist would
    // never build, to prove the quoting itself: the fake osascript hands
    // item 1 to /bin/sh, which runs the fake sntp.
    const fake = makeFakeBin();
    const argv = osascriptArgv(fake.bin, [[fake.bin.sntp, "-sS", value]], PROMPT);
    const run = await host.exec(argv);
    expect(run.exitCode).toBe(0);
    expect(fake.calls()[1]).toEqual(["sntp", "-sS", value]);
    expect(shellQuote(value).startsWith("'")).toBe(true);
  });

  it("valid server names pass and become one argv element", () => {
    for (const ok of ["time.apple.com", "time-macos.apple.com.", "17.253.60.45", "2620:149:a33:4000::1e2", "ntp1"]) {
      expect(isValidServerName(ok), ok).toBe(true);
    }
    expect(adminArgv({ kind: "set-clock", server: "time.apple.com" }, makeFakeBin().bin)).toEqual([
      expect.stringMatching(/\/sntp$/),
      "-sS",
      "time.apple.com",
    ]);
  });
});

describe("AppleScript source", () => {
  // No value is ever spliced into the script: the prompt (which can name a
  // time server from preferences) is argv item 2, like the command.
  it.each([
    PROMPT,
    'quote " inside',
    "backslash \\ inside",
    'both \\" together',
    "trailing backslash \\",
    "tab\tnew\nline\rcarriage",
    `x'; do shell script "id" with administrator privileges --`,
  ])("the prompt %j leaves the script unchanged and arrives as one argument", async (prompt) => {
    const fake = makeFakeBin();
    const argv = osascriptArgv(fake.bin, [[fake.bin.dscacheutil, "-flushcache"]], prompt);
    expect(argv.slice(1, 7)).toEqual(["-e", ADMIN_SCRIPT[0], "-e", ADMIN_SCRIPT[1], "-e", ADMIN_SCRIPT[2]]);
    expect(argv.at(-1)).toBe(prompt);
    expect((await host.exec(argv)).exitCode).toBe(0);
    expect(fake.calls()[0].at(-1)).toBe(prompt);
    expect(fake.calls()[1]).toEqual(["dscacheutil", "-flushcache"]);
  });
});

describe("Touch ID detection from PAM files", () => {
  const SUDO_LOCAL_TEMPLATE =
    "# sudo_local: local config file which survives system update and is included for sudo\n# uncomment following line to enable Touch ID for sudo\n#auth       sufficient     pam_tid.so\n";
  const ENABLED = SUDO_LOCAL_TEMPLATE.replace("#auth", "auth");
  const SUDO =
    "# sudo: auth account password session\nauth       include        sudo_local\nauth       sufficient     pam_smartcard.so\nauth       required       pam_opendirectory.so\naccount    required       pam_permit.so\npassword   required       pam_deny.so\nsession    required       pam_permit.so\n";

  it("enabled, commented out, or absent", () => {
    expect(pamEnablesTouchId(ENABLED)).toBe(true);
    expect(pamEnablesTouchId(SUDO_LOCAL_TEMPLATE)).toBe(false);
    expect(pamEnablesTouchId(SUDO)).toBe(false);
    expect(pamEnablesTouchId("")).toBe(false);
    expect(pamEnablesTouchId("  auth sufficient pam_tid.so # older macOS, in /etc/pam.d/sudo\n")).toBe(true);
  });

  const recordingHost = (files: { path: string; text?: string; error?: string }[]) =>
    createReplayHost({ format: RECORDING_FORMAT, recordedAt: "2026-11-21T10:00:00Z", platform: "darwin", files });

  it("reads sudo_local first, then sudo; missing or unreadable files mean no Touch ID", async () => {
    expect(await touchIdEnabled(recordingHost([{ path: "/etc/pam.d/sudo_local", text: ENABLED }]))).toBe(true);
    expect(
      await touchIdEnabled(
        recordingHost([
          { path: "/etc/pam.d/sudo_local", error: "ENOENT" },
          { path: "/etc/pam.d/sudo", text: `auth sufficient pam_tid.so\n${SUDO}` },
        ]),
      ),
    ).toBe(true);
    expect(
      await touchIdEnabled(
        recordingHost([
          { path: "/etc/pam.d/sudo_local", text: SUDO_LOCAL_TEMPLATE },
          { path: "/etc/pam.d/sudo", text: SUDO },
        ]),
      ),
    ).toBe(false);
    expect(
      await touchIdEnabled(
        recordingHost([
          { path: "/etc/pam.d/sudo_local", error: "EACCES" },
          { path: "/etc/pam.d/sudo", error: "EACCES" },
        ]),
      ),
    ).toBe(false);
  });
});
