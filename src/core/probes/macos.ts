import { isNewerThanKnown, MACOS_RELEASES, releasesCheckedOn } from "../macos-releases";
import { isVirtualMac, parseHvVmmPresent, parseHwModel, parseSwVers } from "../parse/sw-vers";
import type { Probe } from "./types";
import { isMac, onThisComputer, readCommand, result } from "./util";

/** The oldest macOS major version still getting security updates, as of MACOS_RELEASES.asOf. */
export const OLDEST_SUPPORTED_MAJOR = MACOS_RELEASES.oldestSupportedMajor;

/**
 * Apple Account sign-in in a virtual Mac: refused in guests before macOS 15;
 * from 15 on it works in a guest on the 15+ host that created it (tart
 * discussion #961, VirtualBuddy; REFERENCE.md k).
 */
export const VM_SIGN_IN_MAJOR = 15;

export const macosProbe: Probe = {
  id: "macos",
  title: "macOS",
  area: "mac",
  async run(ctx) {
    if (!isMac(ctx)) return result("skip", `Not a Mac (${onThisComputer(ctx.host.platform)})`);
    const [vers, model, vmm] = await Promise.all([
      readCommand(ctx, [ctx.bin.sw_vers]),
      readCommand(ctx, [ctx.bin.sysctl, "-n", "hw.model"]),
      // A hypervisor's guest says so here even when the model looks like real hardware.
      readCommand(ctx, [ctx.bin.sysctl, "-n", "kern.hv_vmm_present"]),
    ]);
    if (!vers.ok) return vers.result;
    const v = parseSwVers(vers.stdout);
    if (!v) return result("error", "Couldn't read the macOS version", [vers.stdout.slice(0, 200)]);
    const hw = model.ok ? parseHwModel(model.stdout) : undefined;
    const hypervisor = vmm.ok ? parseHvVmmPresent(vmm.stdout) : undefined;
    const name = `macOS ${v.productVersion}${v.marketingName ? ` ${v.marketingName}` : ""} (${v.buildVersion}${v.productVersionExtra ? ` ${v.productVersionExtra}` : ""})`;
    const summary = `${name}${hw ? ` on ${hw}` : ""}`;
    const virtual = (hw !== undefined && isVirtualMac(hw)) || hypervisor === true;
    const details = [
      `${v.productName} ${v.productVersion} build ${v.buildVersion}`,
      hw ? `Model: ${hw}` : model.ok ? "Model: unknown" : model.result.summary,
      ...(hypervisor === undefined ? [] : [`Virtual machine (kern.hv_vmm_present): ${hypervisor ? "yes" : "no"}`]),
    ];
    const data = {
      productVersion: v.productVersion,
      buildVersion: v.buildVersion,
      major: v.major,
      model: hw,
      virtual,
    };
    if (virtual && v.major < VM_SIGN_IN_MAJOR) {
      return result(
        "warn",
        `${summary}: a virtual machine on macOS ${v.major}, where Apple Account sign-in doesn't work (it needs macOS ${VM_SIGN_IN_MAJOR} or later in the VM and on its host)`,
        details,
        { data },
      );
    }
    if (virtual) {
      return result(
        "pass",
        `${summary}: a virtual machine; Apple Account sign-in works here only on the Mac that created it`,
        details,
        { data },
      );
    }
    if (isNewerThanKnown(v.major)) {
      // The table is stale, not the Mac: no name, no verdict on support.
      return result(
        "pass",
        summary,
        [...details, `Newer than the macOS versions this app knows (as of ${releasesCheckedOn()})`],
        {
          data,
        },
      );
    }
    if (v.major < OLDEST_SUPPORTED_MAJOR) {
      return result(
        "warn",
        `${summary}: no longer gets security updates (as of ${releasesCheckedOn()}); updating may help sign-in`,
        details,
        { data },
      );
    }
    return result("pass", summary, details, { data });
  },
};
