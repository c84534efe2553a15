// What `defaults read <managed domain> allowAccountModification` and
// `profiles status -type enrollment` print. Pure; never throws.

/** `defaults read` of a boolean prints `1` or `0` (or, from some writers, `true`/`false`). */
export function parseDefaultsBool(stdout: string): boolean | undefined {
  const t = String(stdout ?? "")
    .trim()
    .toLowerCase();
  if (t === "1" || t === "true" || t === "yes") return true;
  if (t === "0" || t === "false" || t === "no") return false;
  return undefined;
}

export interface Enrollment {
  /** `MDM enrollment: Yes…` / `No`; undefined when the line is missing or unreadable. */
  enrolled?: boolean;
  /** `Enrolled via DEP: Yes` (Automated Device Enrollment). */
  dep?: boolean;
  userApproved?: boolean;
  /** The host of `MDM server: https://…`, when printed. */
  serverHost?: string;
}

/**
 * `Enrolled via DEP: No` / `MDM enrollment: Yes (User Approved)` / `MDM server: https://…`
 * (the form fleetdm/fleet and other MDM agents parse; the server line is absent when not enrolled).
 */
export function parseEnrollment(text: string): Enrollment {
  const out: Enrollment = {};
  for (const raw of String(text ?? "")
    .slice(0, 100_000)
    .split(/\r?\n/)) {
    const line = raw.trim();
    const dep = /^Enrolled via DEP:\s*(Yes|No)\b/i.exec(line);
    if (dep) out.dep = dep[1].toLowerCase() === "yes";
    const mdm = /^MDM enrollment:\s*(Yes|No)\b(.*)$/i.exec(line);
    if (mdm) {
      out.enrolled = mdm[1].toLowerCase() === "yes";
      if (out.enrolled) out.userApproved = /User Approved/i.test(mdm[2]);
    }
    const server = /^MDM server:\s*(\S+)/i.exec(line);
    if (server) {
      try {
        const host = new URL(server[1]).hostname;
        if (/^[a-z0-9.-]+$/i.test(host)) out.serverHost = host.toLowerCase();
      } catch {
        // not a URL: no host to name
      }
    }
  }
  return out;
}
