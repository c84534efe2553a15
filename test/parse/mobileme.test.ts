import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseMobileMeExport, sameAccounts } from "../../src/core/parse/mobileme";

const FIXTURE = readFileSync(join(__dirname, "..", "fixtures", "defaults-export-mobilemeaccounts.xml"), "utf8");
const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n';
const plist = (body: string) => `${HEAD}${body}\n</plist>\n`;
const account = (email: string, extra = "") =>
  `<dict><key>AccountDSID</key><integer>98765432101</integer><key>AccountID</key><string>${email}</string>${extra}<key>Services</key><array></array></dict>`;

describe("defaults export MobileMeAccounts", () => {
  it("reads the account, its identifiers and services by ServiceID", () => {
    const r = parseMobileMeExport(FIXTURE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.accounts).toHaveLength(1);
    expect(r.accounts[0]).toMatchObject({
      email: "jane.doe@example.com",
      dsid: "12345678901",
      uuid: "11111111-2222-4333-8444-555555555555",
      displayName: "Jane Doe",
      loggedIn: true,
      managed: false,
    });
    expect(r.accounts[0].services).toEqual([
      { id: "com.apple.Dataclass.Ubiquity", name: "iCloud Drive", enabled: true },
      { id: "com.apple.Dataclass.CloudDesktop", name: "Desktop & Documents Folders", enabled: true },
      { id: "com.apple.Dataclass.KeychainSync", name: "iCloud Keychain", enabled: true },
    ]);
  });

  it("no Accounts key, or an empty list: signed out", () => {
    expect(parseMobileMeExport(plist("<dict></dict>"))).toMatchObject({ ok: true, accounts: [] });
    expect(parseMobileMeExport(plist("<dict><key>Accounts</key><array/></dict>"))).toMatchObject({
      ok: true,
      accounts: [],
    });
  });

  it("two accounts, integer DSIDs, unknown keys and services out of order", () => {
    const r = parseMobileMeExport(
      plist(
        `<dict><key>Accounts</key><array>${account("a@example.com", "<key>SomethingNew</key><data>AAEC</data>")}${account("b@example.com")}</array><key>Extra</key><date>2026-11-21T10:00:00Z</date></dict>`,
      ),
    );
    expect(r.ok && r.accounts.map((a) => [a.email, a.dsid])).toEqual([
      ["a@example.com", "98765432101"],
      ["b@example.com", "98765432101"],
    ]);
  });

  it("a Managed Apple Account, services matched by id not position", () => {
    const r = parseMobileMeExport(
      plist(
        `<dict><key>Accounts</key><array><dict><key>AccountID</key><string>staff@school.example</string><key>isManagedAppleID</key><true/><key>Services</key><array><dict><key>Enabled</key><false/><key>ServiceID</key><string>com.apple.Dataclass.KeychainSync</string></dict><dict><key>Enabled</key><true/><key>Name</key><string>SOMETHING</string><key>ServiceID</key><string>com.example.Unknown</string></dict></array></dict></array></dict>`,
      ),
    );
    expect(r.ok && r.accounts[0]).toMatchObject({
      managed: true,
      services: [
        { id: "com.apple.Dataclass.KeychainSync", name: "iCloud Keychain", enabled: false },
        { id: "com.example.Unknown", name: "SOMETHING", enabled: true },
      ],
    });
  });

  it.each([
    ["empty", ""],
    ["whitespace", "  \n"],
    ["defaults' error text", "Domain MobileMeAccounts does not exist\n"],
    ["truncated", FIXTURE.slice(0, FIXTURE.length / 2)],
    ["HTML", "<html><body>nope</body></html>"],
    ["a plist that is an array", plist("<array><string>x</string></array>")],
    ["Accounts not a list", plist("<dict><key>Accounts</key><string>x</string></dict>")],
    ["binary noise", "bplist00\u0000\u0001\u0002\uffff"],
  ])("%s: a clear reason, never a throw", (_name, input) => {
    const r = parseMobileMeExport(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
  });

  it("junk entries inside Accounts are skipped", () => {
    const r = parseMobileMeExport(
      plist(`<dict><key>Accounts</key><array><string>junk</string>${account("a@example.com")}</array></dict>`),
    );
    expect(r.ok && r.accounts.map((a) => a.email)).toEqual(["a@example.com"]);
  });

  it("sameAccounts compares by the identifiers", () => {
    const a = parseMobileMeExport(FIXTURE);
    const b = parseMobileMeExport(FIXTURE.replace("jane.doe@example.com", "x@example.com"));
    expect(a.ok && b.ok && sameAccounts(a.accounts, a.accounts)).toBe(true);
    expect(a.ok && b.ok && sameAccounts(a.accounts, b.accounts)).toBe(false);
  });
});
