import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { agentProduct, FILTER_PRODUCT_TABLE, filterProduct } from "../../src/core/filter-products";
import { parseProcessCommands } from "../../src/core/parse/ps";

const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", name), "utf8");

describe("parseProcessCommands", () => {
  it("jc's real `ps axu` (macOS 10.14.6): the command column, root's and other users' processes included", () => {
    const commands = parseProcessCommands(fixture("ps-axu-10.14.6-jc.txt"));
    expect(commands).toHaveLength(15);
    expect(commands).toContain("/usr/libexec/hidd"); // _hidd's
    expect(commands).toContain("/Library/enSilo/enSiloCollector"); // root's
    expect(commands).toContain("/System/Library/CoreServices/powerd.bundle/powerd");
    expect(commands[0]).toMatch(/^com\.docker\.hyperkit -A -u -F/);
    // An EDR (enSilo), Jamf and Tanium are running: none of them filters web traffic, none is named.
    expect(commands.map(agentProduct).filter(Boolean)).toEqual([]);
  });

  it("`ps -axo comm=`: one executable per line, spaces kept; a COMM header (without `=`) dropped", () => {
    const text = "COMM\n/sbin/launchd\n/Applications/Cloudflare WARP.app/Contents/Resources/CloudflareWARP\n\n-bash\n";
    expect(parseProcessCommands(text)).toEqual([
      "/sbin/launchd",
      "/Applications/Cloudflare WARP.app/Contents/Resources/CloudflareWARP",
      "-bash",
    ]);
  });

  it("never throws, and skips lines no process list has", () => {
    for (const junk of [undefined, null, 7, {}, "\u0000\n".repeat(100), "x".repeat(10_000)])
      expect(() => parseProcessCommands(junk as unknown as string)).not.toThrow();
    expect(parseProcessCommands("x".repeat(10_000))).toEqual([]);
    for (const notText of [undefined, null]) expect(parseProcessCommands(notText as unknown as string)).toEqual([]);
  });
});

describe("agentProduct: the product whose agent a ps line is", () => {
  it.each([
    ["/Library/Little Snitch/Little Snitch Daemon.bundle/Contents/MacOS/Little Snitch Daemon", "Little Snitch"],
    ["/Applications/LuLu.app/Contents/MacOS/LuLu", "LuLu"],
    ["/Applications/Zscaler/Zscaler.app/Contents/PlugIns/ZscalerTunnel", "Zscaler"],
    ["/Applications/Netskope Client.app/Contents/XPCServices/nsAuxiliarySvc", "Netskope"],
    ["/Applications/GlobalProtect.app/Contents/Resources/PanGPS", "GlobalProtect"],
    ["/opt/cisco/secureclient/bin/vpnagentd", "Cisco Secure Client"],
    ["/opt/cisco/anyconnect/bin/vpnagentd -execv_instance", "Cisco AnyConnect"],
    ["/Applications/Cloudflare WARP.app/Contents/Resources/CloudflareWARP", "Cloudflare WARP"],
    ["SophosScanD", "Sophos"],
    [
      "/Library/Application Support/Malwarebytes/MBAM/Engine.bundle/Contents/PlugIns/RTProtectionDaemon.app/Contents/MacOS/RTProtectionDaemon",
      "Malwarebytes",
    ],
    // A system extension runs under its bundle ID: the extension table names it.
    [
      "/Library/SystemExtensions/0A1B/com.objective-see.lulu.extension.systemextension/Contents/MacOS/com.objective-see.lulu.extension",
      "LuLu",
    ],
    ["com.adguard.mac.adguard.network-extension", "AdGuard"],
    // The kernel's 16-byte name, as ps prints a process whose arguments it can't read.
    ["Little Snitch Da", "Little Snitch"],
  ])("%s is %s", (line, product) => expect(agentProduct(line)?.product).toBe(product));

  it.each([
    "/System/Library/PrivateFrameworks/AuthKit.framework/Versions/A/Support/akd",
    "/Applications/LuLuHelper.app/Contents/MacOS/LuLuHelper",
    "/Users/jane/bin/notZscalerTunnel",
    "Zscal",
    "/Applications/Zscaler/",
    "",
  ])("%s is no filter agent", (line) => expect(agentProduct(line)).toBeUndefined());

  it("one table for both witnesses: every product names a bundle prefix or an agent, and bundle lookups stay as they were", () => {
    for (const p of FILTER_PRODUCT_TABLE) expect(p.bundles.length + p.processes.length, p.product).toBeGreaterThan(0);
    expect(filterProduct("com.cisco.anyconnect.macos.acsockext")?.product).toBe("Cisco AnyConnect");
    expect(filterProduct("com.zscaler.zscaler.zstunnel")?.kind).toBe("gateway");
  });
});

// Hand-made listings in the shapes macOS's ps prints (not captures): each form's header rule.
describe("parseProcessCommands: each listing's header", () => {
  it("`ps -axo comm=` prints no header: the first line is a process, even one with a space in its path", () => {
    expect(parseProcessCommands("/sbin/launchd\n/usr/libexec/logd\n")).toEqual(["/sbin/launchd", "/usr/libexec/logd"]);
    expect(
      parseProcessCommands("/Applications/Cloudflare WARP.app/Contents/Resources/CloudflareWARP\n/sbin/launchd\n"),
    ).toEqual(["/Applications/Cloudflare WARP.app/Contents/Resources/CloudflareWARP", "/sbin/launchd"]);
  });

  it("`ps -axo command` prints a COMMAND header: dropped, arguments kept", () => {
    expect(parseProcessCommands("COMMAND\n/sbin/launchd\n/usr/sbin/syslogd -d\n")).toEqual([
      "/sbin/launchd",
      "/usr/sbin/syslogd -d",
    ]);
  });

  it("`ps -ef`: a header and rows that start with spaces, the CMD column with its arguments", () => {
    const text = [
      "  UID   PID  PPID   C STIME   TTY           TIME CMD",
      "    0     1     0   0  9:46AM ??         1:23.45 /sbin/launchd",
      "  501   812     1   0  9:47AM ??         0:02.10 /Applications/Cloudflare WARP.app/Contents/Resources/CloudflareWARP --foreground",
      "",
    ].join("\n");
    expect(parseProcessCommands(text)).toEqual([
      "/sbin/launchd",
      "/Applications/Cloudflare WARP.app/Contents/Resources/CloudflareWARP --foreground",
    ]);
  });

  it("a `ps aux` row cut off before its command column gives no command", () => {
    const text = [
      "USER               PID  %CPU %MEM      VSZ    RSS   TT  STAT STARTED      TIME COMMAND",
      "_hidd              112   1.7  0.1  4382500   9940   ??  Ss   12:10PM   2:47.17 /usr/libexec/hidd",
      "root                 1   0.0  0.1  4467444  13132   ??  Ss   12:09PM   0:31.14",
    ].join("\n");
    expect(parseProcessCommands(text)).toEqual(["/usr/libexec/hidd"]);
  });

  it("blank lines before the header; nothing but blank lines is no process", () => {
    expect(parseProcessCommands("\n  \nCOMM\n/sbin/launchd\n")).toEqual(["/sbin/launchd"]);
    expect(parseProcessCommands("")).toEqual([]);
    expect(parseProcessCommands(" \r\n\r\n")).toEqual([]);
  });
});

describe("parseProcessCommands: bounds on a hostile listing", () => {
  it("a line of 4,096 characters is read, a longer one skipped", () => {
    const path = (n: number) => `/${"p".repeat(n - 1)}`;
    expect(parseProcessCommands(`${path(4096)}\n/sbin/launchd`)).toEqual([path(4096), "/sbin/launchd"]);
    expect(parseProcessCommands(`${path(4097)}\n/sbin/launchd`)).toEqual(["/sbin/launchd"]);
  });

  it("at most 20,000 lines, and only the first 4 MB, are read", () => {
    const many = Array.from({ length: 25_000 }, (_, i) => `/bin/p${i}`).join("\n");
    const commands = parseProcessCommands(many);
    expect(commands).toHaveLength(20_000);
    expect(commands.at(-1)).toBe("/bin/p19999");
    const line = `/${"q".repeat(999)}`; // 1,000 characters, 1,001 with its newline
    const big = parseProcessCommands(Array.from({ length: 5000 }, () => line).join("\n"));
    expect(big).toHaveLength(Math.ceil(4_000_000 / 1001));
    expect(big.at(-1)).toBe(line.slice(0, 4_000_000 - 1001 * Math.floor(4_000_000 / 1001)));
  });
});
