import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TARGETS } from "../../src/core/targets";
import { runCli } from "../support/cli";
import { healthy } from "../support/scenarios";

// Nothing injected (issue 12, items 10 and 11): a recording whose outside
// text (the status feed, the Wi-Fi login page, VPN service names, command
// output) carries terminal escape sequences and Markdown/HTML, run through
// every CLI command that prints it.

const ESC = "\u001b";
const OSC52 = `${ESC}]52;c;ZWNobyBwd25lZA==\u0007`; // writes the clipboard
const OSC8 = `${ESC}]8;;https://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\`; // a hidden link
const CSI = `${ESC}[31;1m`; // colour
const C1 = "\u009b2J"; // 8-bit CSI: clear screen
const IMAGE = "![t](https://evil.example/t.png)";

export function hostile() {
  const r = healthy();
  const feed = {
    services: [
      {
        serviceName: `Apple Account${CSI}`,
        redirectUrl: "https://support.apple.com",
        events: [
          {
            usersAffected: `Some users ${OSC8}`,
            epochStartDate: Date.parse(r.recordedAt) - 10 * 60_000,
            epochEndDate: null,
            messageId: "1",
            statusType: "Outage",
            eventStatus: "ongoing",
            message: `Sign-in is down.${OSC52}\n\`\`\`\n${IMAGE}\n<img src=https://evil.example/i.png>${C1}`,
          },
        ],
      },
    ],
  };
  r.http = r.http.map((h) =>
    h.url === DEFAULT_TARGETS.statusFeeds.consumer ? { ...h, body: JSON.stringify(feed) } : h,
  );
  r.http = r.http.map((h) =>
    h.url === DEFAULT_TARGETS.captiveUrl
      ? {
          ...h,
          status: 200,
          body: `<html><head><title>Login ${OSC52}[x](https://evil.example) <img src=https://evil.example/x.png></title></head></html>`,
        }
      : h,
  );
  r.exec = r.exec.map((e) =>
    e.command[0] === "/usr/sbin/scutil" && e.command[1] === "--nc"
      ? {
          ...e,
          stdout:
            "Available network connection services in the current set (*=enabled):\n" +
            `* (Connected)      11111111-2222-4333-8444-555555555555 VPN (com.wireguard.macos) "Work ${CSI}${IMAGE}"    [VPN:com.wireguard.macos]\n`,
        }
      : e,
  );
  return r;
}

const write = (doc: unknown) => {
  const file = join(mkdtempSync(join(tmpdir(), "aid-hostile-")), "r.json");
  writeFileSync(file, JSON.stringify(doc));
  return file;
};

// C0 controls but newline and tab, DEL, C1 controls, bidi overrides.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("escape sequences never reach the terminal (item 10)", () => {
  it.each([
    ["status", "--all"],
    ["status", "--all", "--json"],
    ["checklist"],
    ["checklist", "--json"],
    ["report"],
    ["report", "--plain"],
    ["report", "--no-redact"],
  ])("%s", async (...argv) => {
    const { stdout, stderr } = await runCli([...argv, "--replay", write(hostile())]);
    expect(stdout.length).toBeGreaterThan(50);
    expect(stdout).not.toMatch(CONTROL);
    expect(stderr).not.toMatch(CONTROL);
    // JSON escapes control characters: they must be gone before it, not merely escaped.
    expect(stdout).not.toMatch(/\\u001b|\\u009b|\\u0007/i);
  });
});

describe("the Markdown report can't be broken out of (item 11)", () => {
  it("no image, link or HTML from outside text is live, and no fence is closed early", async () => {
    const { stdout } = await runCli(["report", "--no-redact", "--replay", write(hostile())]);
    expect(stdout).toContain("evil.example"); // the hostile text did reach the report
    // Every fence opened is closed by the same fence, and nothing inside closes it early.
    // Outside fences: no live image or link (`[text](url)`, unescaped), no raw HTML, no autolink.
    let open: string | undefined;
    let fenced = 0;
    for (const line of stdout.split("\n")) {
      const fence = /^\s*(`{3,})\s*$/.exec(line)?.[1];
      if (open === undefined) {
        if (fence) open = fence;
        else {
          expect(line).not.toMatch(/(?<!\\)\[[^\]\n]*(?<!\\)\]\(/);
          expect(line).not.toMatch(/(?<!\\)<(?:img|a|script|iframe)\b/i);
          expect(line).not.toMatch(/https?:\/\//);
        }
      } else if (fence === open) open = undefined;
      else {
        fenced++;
        expect(line.trim().startsWith(open)).toBe(false);
      }
    }
    expect(open).toBeUndefined();
    expect(fenced).toBeGreaterThan(0);
    // The feed message held a fence of its own: the report's fence around it is longer.
    expect(stdout).toMatch(/^ {2}`{4,}$/m);
  });
});
