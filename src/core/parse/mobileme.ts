import { isDeepStrictEqual } from "node:util";
import { parse as parsePlist } from "fast-plist";

// `defaults export MobileMeAccounts -` (an XML plist): who is signed in to
// iCloud on this Mac. Parsed with fast-plist (Microsoft's small XML plist
// parser, the one VS Code uses), never by hand, and
// never from `defaults read` text. Signed in = an entry in Accounts
// (LoggedIn is unreliable since macOS 12). Services are matched by
// ServiceID, never by position: Managed Apple Accounts order them differently.

export interface AccountService {
  id: string;
  name: string;
  enabled: boolean;
}

export interface AppleAccount {
  email?: string;
  dsid?: string;
  uuid?: string;
  displayName?: string;
  loggedIn?: boolean;
  managed: boolean;
  services: AccountService[];
}

export type MobileMeParse =
  /** `document` is the whole parsed property list: what a backup is compared by. */
  { ok: true; accounts: AppleAccount[]; document: unknown } | { ok: false; reason: string };

/** iCloud services by ServiceID, as System Settings names them. */
export const SERVICE_NAMES: Record<string, string> = {
  "com.apple.Dataclass.Ubiquity": "iCloud Drive",
  "com.apple.Dataclass.CloudDesktop": "Desktop & Documents Folders",
  "com.apple.Dataclass.KeychainSync": "iCloud Keychain",
  "com.apple.Dataclass.Mail": "Mail",
  "com.apple.Dataclass.Contacts": "Contacts",
  "com.apple.Dataclass.Calendars": "Calendars",
  "com.apple.Dataclass.Reminders": "Reminders",
  "com.apple.Dataclass.Notes": "Notes",
  "com.apple.Dataclass.Bookmarks": "Safari",
  "com.apple.Dataclass.DeviceLocator": "Find My Mac",
  "com.apple.Dataclass.CloudPhotos": "Photos",
  "com.apple.Dataclass.SharedStreams": "Shared Albums",
  "com.apple.Dataclass.BackToMyMac": "Back to My Mac",
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() !== "" ? v.trim() : typeof v === "number" ? String(v) : undefined;

export function parseMobileMeExport(xml: string): MobileMeParse {
  if (typeof xml !== "string" || xml.trim() === "") return { ok: false, reason: "the export is empty" };
  if (!/<plist[\s>]/.test(xml)) return { ok: false, reason: "the export isn't an XML property list" };
  // fast-plist is lenient with a document that stops early: a cut-off export must not read as a short one.
  if (!/<\/plist>\s*$/.test(xml)) return { ok: false, reason: "the export was cut off (no closing </plist>)" };
  let doc: unknown;
  try {
    doc = parsePlist(xml);
  } catch (error) {
    return {
      ok: false,
      reason: `the property list is damaged (${String((error as Error)?.message ?? error)
        .split("\n")[0]
        .slice(0, 80)})`,
    };
  }
  if (!isObject(doc)) return { ok: false, reason: "the property list holds no dictionary" };
  if (doc.Accounts === undefined) return { ok: true, accounts: [], document: doc };
  if (!Array.isArray(doc.Accounts)) return { ok: false, reason: "Accounts isn't a list" };
  const accounts = doc.Accounts.filter(isObject).map(toAccount);
  return { ok: true, accounts, document: doc };
}

function toAccount(a: Record<string, unknown>): AppleAccount {
  const services = (Array.isArray(a.Services) ? a.Services : []).filter(isObject).flatMap((s): AccountService[] => {
    const id = text(s.ServiceID);
    if (!id) return [];
    // Own keys only: a ServiceID such as "toString" must not name the service after a prototype method.
    const known = Object.hasOwn(SERVICE_NAMES, id) ? SERVICE_NAMES[id] : undefined;
    return [{ id, name: known ?? text(s.Name) ?? id, enabled: s.Enabled === true || s.Enabled === 1 }];
  });
  return {
    email: text(a.AccountID),
    dsid: text(a.AccountDSID),
    uuid: text(a.AccountUUID),
    displayName: text(a.DisplayName) ?? ([text(a.firstName), text(a.lastName)].filter(Boolean).join(" ") || undefined),
    loggedIn: typeof a.LoggedIn === "boolean" ? a.LoggedIn : undefined,
    managed: a.isManagedAppleID === true,
    services,
  };
}

/**
 * The same whole document: every key and value, deeply. How a backup is checked against the live
 * settings and a restore against its backup; the same identifiers alone would pass an export that
 * lost its Services, tokens or DisplayName.
 */
export function sameDocument(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}

/** Same accounts, by the identifiers that name them (says whether another account signed in since). */
export function sameAccounts(a: AppleAccount[], b: AppleAccount[]): boolean {
  const key = (x: AppleAccount) => `${x.email ?? ""}|${x.dsid ?? ""}|${x.uuid ?? ""}`;
  return a.length === b.length && a.map(key).sort().join("\n") === b.map(key).sort().join("\n");
}
