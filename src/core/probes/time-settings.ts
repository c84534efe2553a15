import { errorCode } from "../host/types";
import type { Probe, ProbeContext } from "./types";
import { isMac, onThisComputer, result } from "./util";

// The settings that keep the clock right, all readable without root
// (systemsetup needs root and exits 0 when refused, so it is never used).

export interface TimeSettings {
  timeZone?: string;
  autoTimeZone?: boolean;
  timedRunning?: boolean;
  ntpServer?: string;
}

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
) {
  try {
    const r = await ctx.host.exec(command, { signal: ctx.signal });
    return parse(r.stdout, r.exitCode);
  } catch (error) {
    return errorCode(error) === "ENOTRECORDED" ? null : undefined;
  }
}

export const timeSettingsProbe: Probe = {
  id: "time-settings",
  title: "Date & Time Settings",
  area: "time",
  async run(ctx) {
    if (!isMac(ctx)) return result("skip", `Only checked on macOS (${onThisComputer(ctx.host.platform)})`);
    const [zone, auto, timed, ntp] = await Promise.all([
      readZone(ctx),
      readFlag(
        ctx,
        [ctx.bin.defaults, "read", "/Library/Preferences/com.apple.timezone.auto", "Active"],
        (out, exit) => (exit === 0 && /^[01]$/.test(out.trim()) ? out.trim() === "1" : undefined),
      ),
      // pgrep: exit 0 with PIDs when running, exit 1 and nothing when not.
      readFlag(ctx, [ctx.bin.pgrep, "-x", "timed"], (out, exit) =>
        exit === 0 ? true : exit === 1 ? false : undefined,
      ),
      readNtpServer(ctx),
    ]);
    if ([zone, auto, timed, ntp].every((v) => v === null)) return result("skip", "No time settings in the recording");
    const s: TimeSettings = {
      timeZone: zone ?? undefined,
      autoTimeZone: auto ?? undefined,
      timedRunning: timed ?? undefined,
      ntpServer: ntp ?? undefined,
    };
    const details = [
      `Time zone: ${s.timeZone ?? "unknown"}`,
      `Set time zone automatically: ${s.autoTimeZone === undefined ? "unknown" : s.autoTimeZone ? "on" : "off"}`,
      `Time daemon (timed): ${s.timedRunning === undefined ? "unknown" : s.timedRunning ? "running" : "not running"}`,
      `Time server: ${s.ntpServer ?? "unknown"}`,
    ];
    const data = { ...s };
    if (s.timedRunning === false) {
      return result("warn", "The time daemon isn't running, so the clock isn't being set automatically", details, {
        fixes: ["open-date-time-settings", "sync-clock"],
        data,
      });
    }
    const zoneText = s.timeZone ? s.timeZone.replace(/_/g, " ") : "time zone unknown";
    const server =
      s.ntpServer && !/\.apple\.com$/.test(s.ntpServer)
        ? `; time server ${s.ntpServer} (set by your organization?)`
        : "";
    return result("pass", `${zoneText}${s.autoTimeZone ? ", set automatically" : ""}${server}`, details, { data });
  },
};
