import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseMobileMeExport, sameAccounts, sameDocument } from "../../src/core/parse/mobileme";

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

// Hand-made exports in the fixture's shape (not captures): each reading at its edge.
describe("defaults export MobileMeAccounts: edges", () => {
  const one = (dict: string) => {
    const r = parseMobileMeExport(plist(`<dict><key>Accounts</key><array><dict>${dict}</dict></array></dict>`));
    if (!r.ok) throw new Error(r.reason);
    return r.accounts[0];
  };
  const service = (id: string, extra = "") => `<dict>${extra}<key>ServiceID</key><string>${id}</string></dict>`;
  const services = (...items: string[]) => `<key>Services</key><array>${items.join("")}</array>`;

  it.each([
    ["the export is empty", ""],
    ["the export isn't an XML property list", "<plistx></plistx>"],
    ["the export was cut off (no closing </plist>)", `${HEAD}<dict></dict>\n</plist>\n<!-- more -->`],
    ["the property list holds no dictionary", plist("<string>x</string>")],
    ["Accounts isn't a list", plist("<dict><key>Accounts</key><dict/></dict>")],
  ])("says %j", (reason, xml) => {
    expect(parseMobileMeExport(xml)).toEqual({ ok: false, reason });
  });

  it("a damaged list names the damage in one short line", () => {
    const r = parseMobileMeExport(plist("<dict><key>Accounts</key><array><dict><key>x</key></array></dict>"));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(/^the property list is damaged \(.+\)$/);
      expect(r.reason.length).toBeLessThanOrEqual("the property list is damaged ()".length + 80);
    }
  });

  it("a plist tag followed by a space or attributes counts; the document comes back whole", () => {
    const r = parseMobileMeExport(`<plist>\n<dict><key>Other</key><string>x</string></dict>\n</plist>  \n`);
    expect(r).toEqual({ ok: true, accounts: [], document: { Other: "x" } });
  });

  it("identifiers trimmed, empty ones left out, numbers as text", () => {
    expect(
      one(
        "<key>AccountID</key><string>  a@example.com </string><key>AccountDSID</key><string>  </string><key>AccountUUID</key><integer>7</integer>",
      ),
    ).toMatchObject({ email: "a@example.com", dsid: undefined, uuid: "7" });
  });

  it.each([
    [
      "a DisplayName",
      "<key>DisplayName</key><string>Jane Doe</string><key>firstName</key><string>X</string>",
      "Jane Doe",
    ],
    [
      "first and last names",
      "<key>firstName</key><string>Jane</string><key>lastName</key><string>Doe</string>",
      "Jane Doe",
    ],
    ["a first name only", "<key>firstName</key><string>Jane</string>", "Jane"],
    ["no name", "", undefined],
  ])("the display name from %s", (_name, dict, displayName) => {
    expect(one(dict).displayName).toBe(displayName);
  });

  it.each([
    ["<key>LoggedIn</key><true/>", true],
    ["<key>LoggedIn</key><false/>", false],
    ["<key>LoggedIn</key><integer>1</integer>", undefined],
    ["", undefined],
  ])("LoggedIn %s reads %s", (dict, loggedIn) => {
    expect(one(dict).loggedIn).toBe(loggedIn);
  });

  it.each([
    ["<key>isManagedAppleID</key><true/>", true],
    ["<key>isManagedAppleID</key><integer>1</integer>", false],
    ["", false],
  ])("isManagedAppleID %s reads managed %s", (dict, managed) => {
    expect(one(dict).managed).toBe(managed);
  });

  it("services: enabled when true or 1; a service without an ID is skipped; an unknown one keeps its name or ID", () => {
    expect(
      one(
        services(
          service("com.apple.Dataclass.Mail", "<key>Enabled</key><integer>1</integer>"),
          service("com.apple.Dataclass.Notes", "<key>Enabled</key><integer>2</integer>"),
          "<dict><key>Enabled</key><true/></dict>",
          service("  "),
          service("com.example.NoName"),
          "<string>junk</string>",
        ),
      ).services,
    ).toEqual([
      { id: "com.apple.Dataclass.Mail", name: "Mail", enabled: true },
      { id: "com.apple.Dataclass.Notes", name: "Notes", enabled: false },
      { id: "com.example.NoName", name: "com.example.NoName", enabled: false },
    ]);
    expect(one("<key>Services</key><string>x</string>").services).toEqual([]);
  });

  it("a ServiceID named like an object's method is not named after it", () => {
    expect(one(services(service("toString"))).services).toEqual([{ id: "toString", name: "toString", enabled: false }]);
  });

  it.each([
    ["com.apple.Dataclass.Ubiquity", "iCloud Drive"],
    ["com.apple.Dataclass.CloudDesktop", "Desktop & Documents Folders"],
    ["com.apple.Dataclass.KeychainSync", "iCloud Keychain"],
    ["com.apple.Dataclass.Mail", "Mail"],
    ["com.apple.Dataclass.Contacts", "Contacts"],
    ["com.apple.Dataclass.Calendars", "Calendars"],
    ["com.apple.Dataclass.Reminders", "Reminders"],
    ["com.apple.Dataclass.Notes", "Notes"],
    ["com.apple.Dataclass.Bookmarks", "Safari"],
    ["com.apple.Dataclass.DeviceLocator", "Find My Mac"],
    ["com.apple.Dataclass.CloudPhotos", "Photos"],
    ["com.apple.Dataclass.SharedStreams", "Shared Albums"],
    ["com.apple.Dataclass.BackToMyMac", "Back to My Mac"],
  ])("%s is named %s, as System Settings names it", (id, name) => {
    expect(one(services(service(id, "<key>Name</key><string>raw</string>"))).services[0].name).toBe(name);
  });
});

describe("sameDocument and sameAccounts", () => {
  it("the same document deeply, not the same identifiers", () => {
    expect(sameDocument({ a: [1, { b: "x" }] }, { a: [1, { b: "x" }] })).toBe(true);
    expect(sameDocument({ a: [1, { b: "x" }] }, { a: [1, { b: "y" }] })).toBe(false);
  });

  it("accounts in another order are the same; another count, or another DSID or UUID, is not", () => {
    const a = { email: "a@x", dsid: "1", uuid: "u", managed: false, services: [] };
    const b = { email: "b@x", dsid: "2", uuid: "v", managed: false, services: [] };
    expect(sameAccounts([a, b], [b, a])).toBe(true);
    expect(sameAccounts([a], [a, b])).toBe(false);
    expect(sameAccounts([a], [{ ...a, dsid: "9" }])).toBe(false);
    expect(sameAccounts([a], [{ ...a, uuid: "w" }])).toBe(false);
    expect(sameAccounts([{ ...a, email: undefined }], [{ ...a, email: "" }])).toBe(true);
  });
});

describe("defaults export MobileMeAccounts: what isn't an export", () => {
  it("blank or non-text output is empty, never a throw", () => {
    for (const xml of [" \n\t\n", undefined, null, 42])
      expect(parseMobileMeExport(xml as unknown as string)).toEqual({ ok: false, reason: "the export is empty" });
  });

  it("the damage is the parser's first line, at most 80 characters of it", () => {
    const damage = (after: string) => {
      const r = parseMobileMeExport(plist(`<dict><key>Accounts</key><array><dict><key>x</key></array>${after}</dict>`));
      const m = !r.ok && /^the property list is damaged \((.*)\)$/.exec(r.reason);
      return m ? m[1] : undefined;
    };
    const long = damage("<key>Other</key><string>yyyyyyyyyyyyyyyyyyyyyyyy</string>");
    expect(long).toMatch(/^Near offset \d+: unexpected <\/array> ~~~<key>Other<\/key><string>y+$/);
    expect(long).toHaveLength(80);
    expect(damage("\n<key>Other</key>")).toMatch(/^Near offset \d+: unexpected <\/array> ~~~$/);
  });

  it("sameAccounts sorts both sides: any order on either side", () => {
    const a = { email: "a@x", dsid: "1", uuid: "u", managed: false, services: [] };
    const b = { email: "b@x", dsid: "2", uuid: "v", managed: false, services: [] };
    expect(sameAccounts([b, a], [a, b])).toBe(true);
  });
});
