import { describe, expect, it } from "vitest";
import { parseRecording, type Recording } from "../../src/core/host/recording";
import { createReplayHost } from "../../src/core/host/replay";
import { MACOS_RELEASES } from "../../src/core/macos-releases";
import { macosProbe } from "../../src/core/probes/macos";
import { runChecklist } from "../../src/core/run";
import * as scenarios from "../support/scenarios";

// The macOS probe's verdicts: virtual Macs by model and by
// kern.hv_vmm_present, sign-in in a VM from macOS 15 on, and a version table
// that ages without saying something false.

const replay = (rec: Recording) => createReplayHost(parseRecording(JSON.stringify(rec)));
const swVers = (version: string, build: string) =>
  `ProductName:\t\tmacOS\nProductVersion:\t\t${version}\nBuildVersion:\t\t${build}\n`;

function mac(version: string, build: string, model: string, vmm?: string): Recording {
  const r = scenarios.healthy();
  r.exec = r.exec.map((e) =>
    e.command[0] === "/usr/bin/sw_vers"
      ? { ...e, stdout: swVers(version, build) }
      : e.command.join(" ") === "/usr/sbin/sysctl -n hw.model"
        ? { ...e, stdout: `${model}\n` }
        : e,
  );
  r.exec = r.exec.filter((e) => e.command.join(" ") !== "/usr/sbin/sysctl -n kern.hv_vmm_present");
  if (vmm !== undefined)
    r.exec.push({ command: ["/usr/sbin/sysctl", "-n", "kern.hv_vmm_present"], stdout: vmm, stderr: "", exitCode: 0 });
  return r;
}

const probe = async (rec: Recording) => (await runChecklist([macosProbe], replay(rec)))[0];

describe("macOS probe: virtual Macs", () => {
  it("a guest below macOS 15 warns that sign-in doesn't work there", async () => {
    const f = await probe(mac("14.6.1", "23G93", "VirtualMac2,1", "1\n"));
    expect(f.status).toBe("warn");
    expect(f.summary).toBe(
      "macOS 14.6.1 Sonoma (23G93) on VirtualMac2,1: a virtual machine on macOS 14, where Apple Account sign-in doesn't work (it needs macOS 15 or later in the VM and on its host)",
    );
  });

  it("a macOS 15+ guest passes, saying sign-in works only on the Mac that created it", async () => {
    for (const [version, build] of [
      ["15.7.4", "24G517"],
      ["26.3", "25D125"],
    ]) {
      const f = await probe(mac(version, build, "VirtualMac2,1", "1\n"));
      expect(f.status).toBe("pass");
      expect(f.summary).toMatch(
        /: a virtual machine; Apple Account sign-in works here only on the Mac that created it$/,
      );
    }
  });

  it("kern.hv_vmm_present 1 marks a VM even when the model looks like real hardware", async () => {
    const f = await probe(mac("13.6.9", "22G830", "MacBookPro18,2", "1\n"));
    expect(f.status).toBe("warn");
    expect(f.summary).toMatch(/a virtual machine on macOS 13/);
    expect(f.details).toContain("Virtual machine (kern.hv_vmm_present): yes");
    expect(f.data?.virtual).toBe(true);
  });

  it("real hardware (0), or the sysctl missing from a recording: no VM verdict", async () => {
    expect((await probe(mac("15.7.4", "24G517", "Mac16,8", "0\n"))).summary).toBe(
      "macOS 15.7.4 Sequoia (24G517) on Mac16,8",
    );
    const old = await probe(mac("15.7.4", "24G517", "Mac16,8"));
    expect(old.status).toBe("pass");
    expect(old.details.join("\n")).not.toMatch(/Virtual machine/);
  });
});

describe("macOS probe: the release table ages honestly", () => {
  it("the table carries its date and knows macOS 27 exists", () => {
    expect(MACOS_RELEASES.asOf).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(MACOS_RELEASES.newestKnownMajor).toBeGreaterThanOrEqual(27);
  });

  it("an old version warns, naming when the support list was checked", async () => {
    const f = await probe(mac("12.7.6", "21H1320", "MacBookAir10,1", "0\n"));
    expect(f.status).toBe("warn");
    expect(f.summary).toBe(
      "macOS 12.7.6 Monterey (21H1320) on MacBookAir10,1: no longer gets security updates (as of December 2026); updating may help sign-in",
    );
  });

  it("macOS 27 (not yet named here) passes without a name; a version past the table passes and says the table is older", async () => {
    const f27 = await probe(mac("27.1", "27B50", "Mac17,2", "0\n"));
    expect(f27).toMatchObject({ status: "pass", summary: "macOS 27.1 (27B50) on Mac17,2" });
    const f31 = await probe(mac("31.0", "31A100", "Mac20,1", "0\n"));
    expect(f31).toMatchObject({ status: "pass", summary: "macOS 31.0 (31A100) on Mac20,1" });
    expect(f31.details).toContain("Newer than the macOS versions this app knows (as of December 2026)");
  });
});
