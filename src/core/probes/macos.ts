import { isVirtualMac, parseHwModel, parseSwVers } from "../parse/sw-vers";
import type { Probe } from "./types";
import { isMac, onThisComputer, readCommand, result } from "./util";

/** The oldest macOS major version still getting security updates (Apple keeps about three). */
export const OLDEST_SUPPORTED_MAJOR = 14;

export const macosProbe: Probe = {
  id: "macos",
  title: "macOS",
  area: "mac",
  async run(ctx) {
    if (!isMac(ctx)) return result("skip", `Not a Mac (${onThisComputer(ctx.host.platform)})`);
    const [vers, model] = await Promise.all([
      readCommand(ctx, [ctx.bin.sw_vers]),
      readCommand(ctx, [ctx.bin.sysctl, "-n", "hw.model"]),
    ]);
    if (!vers.ok) return vers.result;
    const v = parseSwVers(vers.stdout);
    if (!v) return result("error", "Couldn't read the macOS version", [vers.stdout.slice(0, 200)]);
    const hw = model.ok ? parseHwModel(model.stdout) : undefined;
    const name = `macOS ${v.productVersion}${v.marketingName ? ` ${v.marketingName}` : ""} (${v.buildVersion}${v.productVersionExtra ? ` ${v.productVersionExtra}` : ""})`;
    const summary = `${name}${hw ? ` on ${hw}` : ""}`;
    const details = [
      `${v.productName} ${v.productVersion} build ${v.buildVersion}`,
      hw ? `Model: ${hw}` : model.ok ? "Model: unknown" : model.result.summary,
    ];
    const data = { productVersion: v.productVersion, buildVersion: v.buildVersion, major: v.major, model: hw };
    if (hw && isVirtualMac(hw)) {
      return result("warn", `${summary}: a virtual machine, where Apple sign-in is known to fail`, details, { data });
    }
    if (v.major < OLDEST_SUPPORTED_MAJOR) {
      return result("warn", `${summary}: no longer gets security updates; updating may help sign-in`, details, {
        data,
      });
    }
    return result("pass", summary, details, { data });
  },
};
