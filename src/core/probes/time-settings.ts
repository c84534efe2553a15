import { errorCode } from "../host/types";
import { defaultsMessage } from "../parse/defaults-error";
import type { Probe, ProbeContext } from "./types";
import { isMac, onThisComputer, result } from "./util";

// The settings that keep the clock right, all readable without root
// (systemsetup needs root and exits 0 when refused, so it is never used).

export interface TimeSettings {
  timeZone?: string;
  autoTimeZone?: boolean;
  timedRunning?: boolean;
  /** "Set time and date automatically" (timed's TMAutomaticTimeOnlyEnabled); unset when it can't be read. */
  autoTime?: boolean;
  ntpServer?: string;
}

/** Where timed keeps "Set time and date automatically" (MacAdmins scripts write it here; owned by _timed). */
export const TIMED_PREFS = "/private/var/db/timed/Library/Preferences/com.apple.timed";

async function readZone(ctx: ProbeContext): Promise<string | undefined | null> {
  try {
    const link = (await ctx.host.readFile("/etc/localtime")).link;
    const zone = link?.split("zoneinfo/")[1];
    return zone || (link ? link : undefined);
  } catch (error) {
    return errorCode(error) === "ENOTRECORDED" ? null : undefined;
  }
}

async function readNtpServer(ctx: ProbeContext): Promise<string | undefined | null> {
  try {
    const text = (await ctx.host.readFile("/etc/ntp.conf")).text ?? "";
    const line = text.split("\n").find((l) => /^\s*server\s+\S+/.test(l));
    return line?.trim().split(/\s+/)[1]?.replace(/\.$/, "");
  } catch (error) {
    return errorCode(error) === "ENOTRECORDED" ? null : undefined;
  }
}

/** exit 0 → `1`/`0`; a missing key exits non-zero (unknown). null = not recorded. */
async function readFlag(
  ctx: ProbeContext,
  command: string[],
  parse: (stdout: string, exit: number) => boolean | undefined,
  why?: (reason: string) => void,
) {
  try {
    const r = await ctx.host.exec(command, { signal: ctx.signal });
    const value = parse(r.stdout, r.exitCode);
    // defaults says why through NSLog: the message, not its timestamp header.
    if (value === undefined && r.exitCode !== 0) why?.(defaultsMessage(r.stderr, r.stdout));
    return value;
  } catch (error) {
    return errorCode(error) === "ENOTRECORDED" ? null : undefined;
  }
}

const boolFlag = (out: string, exit: number) =>
  exit === 0 && /^[01]$/.test(out.trim()) ? out.trim() === "1" : undefined;

export const timeSettingsProbe: Probe = {
  id: "time-settings",
  title: "Date & Time Settings",
  area: "time",
  async run(ctx) {
    if (!isMac(ctx)) return result("skip", `Only checked on macOS (${onThisComputer(ctx.host.platform)})`);
    let zoneWhy = "";
    let timeWhy = "";
    const [zone, auto, autoTime, timed, ntp] = await Promise.all([
      readZone(ctx),
      readFlag(
        ctx,
        [ctx.bin.defaults, "read", "/Library/Preferences/com.apple.timezone.auto", "Active"],
        boolFlag,
        (why) => (zoneWhy = why),
      ),
      // The switch itself. Its file belongs to _timed and may not be readable
      // as the user: then the answer is "unknown", never a guess from timed.
      readFlag(
        ctx,
        [ctx.bin.defaults, "read", TIMED_PREFS, "TMAutomaticTimeOnlyEnabled"],
        boolFlag,
        (why) => (timeWhy = why),
      ),
      // pgrep: exit 0 with PIDs when running, exit 1 and nothing when not.
      readFlag(ctx, [ctx.bin.pgrep, "-x", "timed"], (out, exit) =>
        exit === 0 ? true : exit === 1 ? false : undefined,
      ),
      readNtpServer(ctx),
    ]);
    if ([zone, auto, autoTime, timed, ntp].every((v) => v === null))
      return result("skip", "No time settings in the recording");
    const s: TimeSettings = {
      timeZone: zone ?? undefined,
      autoTimeZone: auto ?? undefined,
      autoTime: autoTime ?? undefined,
      timedRunning: timed ?? undefined,
      ntpServer: ntp ?? undefined,
    };
    const because = (why: string) => (why ? ` (${why.slice(0, 160)})` : "");
    const details = [
      `Time zone: ${s.timeZone ?? "unknown"}`,
      `Set time zone automatically: ${s.autoTimeZone === undefined ? `unknown${because(zoneWhy)}` : s.autoTimeZone ? "on" : "off"}`,
      `Set time and date automatically: ${s.autoTime === undefined ? `unknown${because(timeWhy)}` : s.autoTime ? "on" : "off"}`,
      `Time daemon (timed): ${s.timedRunning === undefined ? "unknown" : s.timedRunning ? "running" : "not running when checked"}`,
      `Time server: ${s.ntpServer ?? "unknown"}`,
    ];
    const data = { ...s };
    if (s.autoTime === false) {
      return result("warn", "Set time and date automatically is off", details, {
        fixes: ["open-date-time-settings", "sync-clock"],
        data,
      });
    }
    // No public evidence ties timed's absence to the switch being off, so a
    // timed that isn't running is reported as seen, never read as a cause.
    const zoneText = s.timeZone ? s.timeZone.replace(/_/g, " ") : "time zone unknown";
    const server =
      s.ntpServer && !/\.apple\.com$/.test(s.ntpServer)
        ? `; time server ${s.ntpServer} (set by your organization?)`
        : "";
    return result("pass", `${zoneText}${s.autoTimeZone ? ", set automatically" : ""}${server}`, details, { data });
  },
};
