import { defaultsMessage, isMissingDomain } from "../parse/defaults-error";
import { parseMobileMeExport } from "../parse/mobileme";
import type { Identifier } from "../types";
import type { Probe } from "./types";
import { isMac, onThisComputer, readCommand, result } from "./util";

// Who is signed in to iCloud on this Mac, read from the account settings
// (no Keychain, no Accounts database). The address shows on screen; reports
// hide it through the identifiers.
export const accountProbe: Probe = {
  id: "account",
  title: "Apple Account",
  area: "account",
  async run(ctx) {
    if (!isMac(ctx)) return result("skip", `Only checked on macOS (${onThisComputer(ctx.host.platform)})`);
    const out = await readCommand(ctx, [ctx.bin.defaults, "export", "MobileMeAccounts", "-"], [0, 1]);
    if (!out.ok) return out.result;
    const signedOut = result(
      "warn",
      "No Apple Account is signed in on this Mac",
      ["MobileMeAccounts holds no account"],
      {
        fixes: ["open-apple-account-settings"],
        data: { signedIn: false, accounts: [] },
      },
    );
    if (out.run.exitCode !== 0) {
      // A missing domain is the signed-out state; anything else is an error worth quoting.
      const said = defaultsMessage(out.run.stderr, out.run.stdout);
      if (said === "" || isMissingDomain(out.run.stderr, out.run.stdout))
        return { ...signedOut, details: [said || "MobileMeAccounts doesn't exist"] };
      return result("error", "Couldn't read the account settings", [said]);
    }
    const parsed = parseMobileMeExport(out.stdout);
    if (!parsed.ok) return result("skip", `Couldn't read the account settings: ${parsed.reason}`);
    if (parsed.accounts.length === 0) return signedOut;
    const [account] = parsed.accounts;
    const on = account.services.filter((s) => s.enabled).map((s) => s.name);
    const identifiers: Identifier[] = parsed.accounts.flatMap((a) => [
      ...(a.email ? [{ value: a.email, kind: "email" as const }] : []),
      ...(a.dsid ? [{ value: a.dsid, kind: "dsid" as const }] : []),
      ...(a.uuid ? [{ value: a.uuid, kind: "uuid" as const }] : []),
      ...(a.displayName ? [{ value: a.displayName, kind: "user" as const }] : []),
    ]);
    const details = parsed.accounts.map(
      (a) =>
        `${a.email ?? "unknown account"}${a.managed ? " (Managed Apple Account)" : ""}: ${a.services.length ? a.services.map((s) => `${s.name} ${s.enabled ? "on" : "off"}`).join(", ") : "no services listed"}`,
    );
    const who = account.email ?? "an Apple Account";
    return result("pass", `Signed in as ${who}${account.managed ? " (Managed Apple Account)" : ""}`, details, {
      identifiers,
      data: {
        signedIn: true,
        accounts: parsed.accounts.map((a) => ({
          email: a.email,
          managed: a.managed,
          services: a.services,
          displayName: a.displayName,
        })),
        servicesOn: on,
      },
    });
  },
};
