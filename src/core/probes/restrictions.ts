import { parseDefaultsBool, parseEnrollment, type Enrollment } from "../parse/restrictions";
import type { Identifier } from "../types";
import type { Probe, ProbeContext } from "./types";
import { isMac, notOnMac, readCommand, result } from "./util";

// MDM (and Screen Time, where it writes managed preferences) can forbid
// Apple Account changes: the Restrictions payload's allowAccountModification
// (macOS 14 and later, Apple's DeviceManagement docs). Managed preferences
// land in /Library/Managed Preferences, the machine's and each user's, which
// `defaults read` reads by path without admin rights. Enrollment status from
// `profiles status -type enrollment` says who the administrator is.

export const MANAGED_DIR = "/Library/Managed Preferences";
const KEY = "allowAccountModification";

async function readFlag(ctx: ProbeContext, domain: string): Promise<boolean | undefined> {
  // Exit 1 is how `defaults` says the domain or key doesn't exist: not set, so not restricted.
  const out = await readCommand(ctx, [ctx.bin.defaults, "read", domain, KEY], [0, 1]);
  if (!out.ok || out.run.exitCode !== 0) return undefined;
  return parseDefaultsBool(out.stdout);
}

export const restrictionsProbe: Probe = {
  id: "restrictions",
  title: "Account Restrictions",
  area: "account",
  async run(ctx) {
    if (!isMac(ctx)) return notOnMac(ctx);
    const user = ctx.host.env("USER");
    const userSafe = user && /^[A-Za-z0-9._-]+$/.test(user) ? user : undefined;
    const [machine, forUser, enrollmentOut] = await Promise.all([
      readFlag(ctx, `${MANAGED_DIR}/com.apple.applicationaccess`),
      userSafe ? readFlag(ctx, `${MANAGED_DIR}/${userSafe}/com.apple.applicationaccess`) : Promise.resolve(undefined),
      readCommand(ctx, [ctx.bin.profiles, "status", "-type", "enrollment"]),
    ]);
    const enrollment: Enrollment = enrollmentOut.ok ? parseEnrollment(enrollmentOut.stdout) : {};
    const identifiers: Identifier[] = enrollment.serverHost ? [{ value: enrollment.serverHost, kind: "domain" }] : [];
    const managedBy = enrollment.enrolled
      ? `managed by MDM${enrollment.serverHost ? ` (${enrollment.serverHost})` : ""}${enrollment.dep ? ", enrolled automatically" : ""}`
      : enrollment.enrolled === false
        ? "not enrolled in MDM"
        : undefined;
    const details = [
      `${KEY} for this Mac: ${machine === undefined ? "not set" : machine ? "allowed" : "not allowed"}`,
      ...(userSafe
        ? [`${KEY} for this user: ${forUser === undefined ? "not set" : forUser ? "allowed" : "not allowed"}`]
        : []),
      ...(managedBy ? [`This Mac is ${managedBy}`] : enrollmentOut.ok ? [] : [enrollmentOut.result.summary]),
    ];
    const data = { machine, user: forUser, enrollment };
    if (machine === false || forUser === false) {
      const who = enrollment.enrolled ? "This Mac's administrator (its MDM)" : "A profile or Screen Time on this Mac";
      return result(
        "fail",
        `${who} doesn't allow Apple Account changes (${KEY} is off${forUser === false && machine !== false ? " for this user" : ""})`,
        details,
        { data: { ...data, restricted: true }, identifiers },
      );
    }
    const noneRead = machine === undefined && forUser === undefined && !enrollmentOut.ok;
    if (noneRead && enrollmentOut.result.status === "skip") return { ...enrollmentOut.result, details };
    return result(
      "pass",
      managedBy ? `Account changes allowed; this Mac is ${managedBy}` : "No restriction on account changes",
      details,
      { data: { ...data, restricted: false }, identifiers },
    );
  },
};
