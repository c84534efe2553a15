import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collectIdentifiers, PLACEHOLDERS, redact, type RedactionContext } from "../src/core/redact";
import type { Identifier } from "../src/core/types";

// The values this report knows (RedactionContext): the user's name and home
// folder from the environment, the computer's name, and what the probes saw.
// Each test pins where such a value must be hidden and where the text around
// it must stay: one character too few and a name leaks, one too many and the
// report's words turn into placeholders.

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

/** Redacts, checks the exact output, and that redacting it again changes nothing. */
const check = (input: string, context: RedactionContext, expected: string) => {
  const out = redact(input, context);
  expect(out).toBe(expected);
  expect(redact(out, context)).toBe(out);
};

const ids = (...list: [string, Identifier["kind"]][]): RedactionContext => ({
  identifiers: list.map(([value, kind]) => ({ value, kind })),
});

describe("the home folder", () => {
  it.each([
    ["HOME as set", "/Users/kbrazil"],
    ["with a trailing slash", "/Users/kbrazil/"],
    ["with two trailing slashes", "/Users/kbrazil//"],
    ["with a newline from a shell", "/Users/kbrazil\n"],
    ["with spaces around it", "  /Users/kbrazil "],
  ])("a home outside /Users is hidden whatever HOME looks like (%s)", (_what, home) => {
    const homeDir = home.replace("/Users/", "/Volumes/Data/Homes/");
    check(
      "cd /Volumes/Data/Homes/kbrazil/Library; ls /Volumes/Data/Homes/kbrazil",
      { homeDir },
      "cd /Volumes/Data/Homes/[user]/Library; ls /Volumes/Data/Homes/[user]",
    );
  });

  it("keeps the case the text used for the folders above the user", () => {
    check(
      "open /VOLUMES/Data/Homes/KBRAZIL/x",
      { homeDir: "/Volumes/Data/Homes/kbrazil" },
      "open /VOLUMES/Data/Homes/[user]/x",
    );
  });

  it.each([
    ["at the shortest usable length (3)", "/jo", "ls /jo/x /jo", "ls /[user]/x /[user]"],
    ["one character shorter (2)", "/j", "ls /j/x /j", "ls /j/x /j"],
    ["one character longer (4)", "/joe", "ls /joe/x", "ls /[user]/x"],
  ])("a short home %s", (_what, homeDir, input, expected) => {
    check(input, { homeDir }, expected);
  });

  it("a home that is no path (no slash) is not taken for a folder", () => {
    check("team data Team-Data", { homeDir: "team data" }, "team data Team-Data");
  });

  it.each([
    ["root's home", "/var/root", "ls /var/root/Library"],
    ["the shared folder", "/Users/Shared", "ls /Users/Shared/Library"],
    ["a system user's home in another case", "/private/var/Root", "ls /private/var/Root/x"],
    ["the file system root", "/", "ls / and /Users/Shared"],
  ])("%s is not personal and stays", (_what, homeDir, input) => {
    check(input, { homeDir }, input);
  });

  it("a longer folder that starts with the home stays", () => {
    check(
      "ls /Volumes/Homes/jdoe /Volumes/Homes/jdoe2 /Volumes/Homes/jdoe.old /Volumes/Homes/jdoe-x /Volumes/Homes/jdoe_x",
      { homeDir: "/Volumes/Homes/jdoe" },
      "ls /Volumes/Homes/[user] /Volumes/Homes/jdoe2 /Volumes/Homes/jdoe.old /Volumes/Homes/jdoe-x /Volumes/Homes/jdoe_x",
    );
  });
});

describe("user names", () => {
  const PS = fixture("ps-axu-10.14.6-jc.txt");

  it("hides the user in a real ps listing and keeps root and the system daemons", () => {
    const out = redact(PS, { userName: "kbrazil", homeDir: "/Users/kbrazil" });
    expect(out).not.toContain("kbrazil");
    expect(out.split("\n").filter((l) => l.startsWith("[user] "))).toHaveLength(6);
    for (const kept of ["root ", "_hidd ", "_windowserver ", "/Library/Tanium/TaniumClient/TaniumClient -m"]) {
      expect(out).toContain(kept);
    }
    expect(redact(out, { userName: "kbrazil" })).toBe(out);
  });

  it("a longer name is hidden whole even when a shorter one is part of it", () => {
    for (const order of [
      ["jane", "jane.doe"],
      ["jane.doe", "jane"],
    ]) {
      const ctx: RedactionContext = { identifiers: order.map((value) => ({ value, kind: "user" as const })) };
      check("owner jane.doe, group jane", ctx, "owner [user], group [user]");
    }
    check(
      "owner jane.doe, group jane",
      { identifiers: [{ value: "jane", kind: "user" }], userName: "jane.doe" },
      "owner [user], group [user]",
    );
  });

  it("the same name twice is hidden once, everywhere", () => {
    check("jdoe and jdoe", { identifiers: [{ value: "jdoe", kind: "user" }], userName: "jdoe" }, "[user] and [user]");
  });

  it.each(["Admin", "ROOT", "Guest"])("a system account in any case (%s) is not taken for the user", (userName) => {
    check(`${userName} signed in as ${userName}`, { userName }, `${userName} signed in as ${userName}`);
  });

  it("matches the name only as a whole word, with its exact case", () => {
    check(
      "jdoe: jdoe_old xjdoe jdoe2 Jdoe 2jdoe ok, (jdoe) jdoe-x jdoe.x",
      { userName: "jdoe" },
      "[user]: jdoe_old xjdoe jdoe2 Jdoe 2jdoe ok, ([user]) [user]-x [user].x",
    );
  });
});

describe("values the probes saw", () => {
  it.each([
    [
      "at the shortest usable length (3)",
      "Lab",
      "VPN Lab up, Labs and MyLab stay",
      "VPN [vpn] up, Labs and MyLab stay",
    ],
    ["one character shorter (2)", "La", "VPN La up", "VPN La up"],
    ["one character longer (4)", "Labx", "VPN Labx up", "VPN [vpn] up"],
    ["with exactly two letters or digits", "A&B", "VPN A&B up", "VPN [vpn] up"],
    ["with one letter only", "A&&", "VPN A&& up", "VPN A&& up"],
  ])("a name %s", (_what, value, input, expected) => {
    check(input, ids([value, "vpn"]), expected);
  });

  it("trims what a probe read with its line end", () => {
    check(
      "joined Jane Home 5G, then Cafe Net",
      ids(["Jane Home 5G\n", "wifi"], ["  Cafe Net", "wifi"]),
      "joined [wifi], then [wifi]",
    );
  });

  it("hides every occurrence, in any case for hosts", () => {
    check(
      "proxy.corp.example PROXY.CORP.EXAMPLE Proxy.Corp.Example",
      ids(["proxy.corp.example", "proxy-host"]),
      "[proxy-host] [proxy-host] [proxy-host]",
    );
  });

  it("hides a value of an unknown kind in any case", () => {
    const ctx = { identifiers: [{ value: "corp-only", kind: "nonsense" }] } as unknown as RedactionContext;
    check("zone corp-only and CORP-ONLY", ctx, "zone [domain] and [domain]");
  });

  it("a kind that is no string counts as unknown", () => {
    const ctx = { identifiers: [{ value: "corp-only", kind: ["email"] }] } as unknown as RedactionContext;
    check("zone corp-only", ctx, "zone [domain]");
  });

  it("a value known under two kinds, exact case for one, is still hidden in any case for the other", () => {
    check(
      "vpn corpnet, dns CORPNET.example Corpnet",
      ids(["corpnet", "vpn"], ["corpnet", "domain"]),
      "vpn [vpn], dns [domain].example [domain]",
    );
  });

  it("two Wi-Fi names that differ only in case are both hidden, other cases stay", () => {
    check(
      "Jane Home, JANE HOME, jane home",
      ids(["Jane Home", "wifi"], ["JANE HOME", "wifi"]),
      "[wifi], [wifi], jane home",
    );
  });

  it("a value that starts or ends with a symbol is hidden even next to a letter", () => {
    check("Net(Guest) and -=HOME=-x", ids(["(Guest)", "wifi"], ["-=HOME=-", "wifi"]), "Net[wifi] and [wifi]x");
  });

  it.each([
    ["127.0.0.53", "HTTPProxy : 127.0.0.53"],
    ["127.10.200.254", "HTTPProxy : 127.10.200.254"],
    ["127.1.2.3", "http_proxy=http://127.1.2.3:8080/"],
  ])("keeps the loopback proxy %s", (value, input) => {
    check(input, ids([value, "proxy-host"]), input);
  });

  it("a host name that only starts like a loopback address is hidden", () => {
    check("HTTPProxy : 127.0.0.1.corp.example", {}, "HTTPProxy : [proxy-host]");
    check("proxy 127.0.0.1.corp.example up", ids(["127.0.0.1.corp.example", "proxy-host"]), "proxy [proxy-host] up");
  });

  it("keeps the loopback proxy of a real scutil --proxy capture", () => {
    const text = fixture("scutil-proxy-http-8118.txt");
    check(text, ids(["127.0.0.1", "proxy-host"]), text);
  });

  it("a value up to the regex limit (2,000 characters) is hidden in any case; a longer one as written", () => {
    for (const length of [1999, 2000]) {
      const value = `h${"o".repeat(length - 2)}t`;
      check(`a ${value.toUpperCase()} b`, ids([value, "proxy-host"]), "a [proxy-host] b");
    }
    const value = `h${"o".repeat(1999)}t`;
    check(`a ${value} b`, ids([value, "proxy-host"]), "a [proxy-host] b");
  });
});

describe("the computer's name", () => {
  it.each([
    ["the name as given", "Jane’s Workstation", "on Jane’s Workstation", "on [computer]"],
    ["with a straight apostrophe", "Jane’s Workstation", "on Jane's Workstation", "on [computer]"],
    ["with a left quote", "Jane‘s Workstation", "on Jane's Workstation", "on [computer]"],
    ["typographic from straight", "Jane's Workstation", "on Jane’s Workstation", "on [computer]"],
    ["every apostrophe", "Jane’s and Bob’s Lab", "on Jane's and Bob's Lab", "on [computer]"],
    ["its local host name", "Jane’s Workstation", "ssh Janes-Workstation", "ssh [computer]"],
    [
      "its local host name, any case, with .local.",
      "Jane’s Workstation",
      "ssh janes-workstation.local. ok",
      "ssh [computer] ok",
    ],
    ["its local host name without trailing punctuation", "Studio (2)", "ping Studio-2.local", "ping [computer]"],
    ["its local host name without leading punctuation", "(Lab) Studio", "ping Lab-Studio", "ping [computer]"],
    [
      "a longer domain after .local stays",
      "Jane’s Workstation",
      "Janes-Workstation.localdomain",
      "[computer].localdomain",
    ],
  ])("%s", (_what, computerName, input, expected) => {
    check(input, { computerName }, expected);
  });

  it("a name with no Latin letters has no host-name form, and nothing else is hidden for it", () => {
    check("see 山田のマック and a Mac", { computerName: "山田のマック" }, "see [computer] and a Mac");
  });

  it("a name of only emoji is skipped, and the user is still hidden", () => {
    check("🙂🙂🙂 of jdoe", { computerName: "🙂🙂🙂", userName: "jdoe" }, "🙂🙂🙂 of [user]");
  });
});

describe("a malformed context hides what it can", () => {
  it("identifiers that are no list do not drop the user and computer", () => {
    const ctx = {
      identifiers: { value: "x" },
      userName: "jdoe",
      computerName: "Jane’s Workstation",
    } as unknown as RedactionContext;
    check("jdoe on Jane’s Workstation", ctx, "[user] on [computer]");
  });
});

describe("redact's own guards", () => {
  it.each([...Object.values(PLACEHOLDERS), "[credentials]"])(
    "a value spelling %s never touches that placeholder",
    (placeholder) => {
      const word = placeholder.slice(1, -1);
      check(`${placeholder} and ${word}`, ids([word, "wifi"]), `${placeholder} and [wifi]`);
    },
  );

  it("a value glued to an address is hidden once the address is (a second pass)", () => {
    check("inet 10.0.0.5Jane Home", ids(["Jane Home", "wifi"]), "inet [private-ip][wifi]");
  });

  it("a context whose getters throw still gets the fixed patterns", () => {
    const ctx = {
      get homeDir(): string {
        throw new Error("a getter that throws");
      },
    } as unknown as RedactionContext;
    expect(redact("dsid=12345678901 at 10.0.0.5", ctx)).toBe("dsid=[dsid] at [private-ip]");
  });

  it("a Buffer (a child process's stdout) is redacted as its text", () => {
    expect(redact(Buffer.from("dsid=12345678901") as unknown as string)).toBe("dsid=[dsid]");
  });

  it("text that cannot even be read gives the failure marker, never throws", () => {
    const hostile = {
      toString(): string {
        throw new Error("no text");
      },
    };
    expect(redact(hostile as unknown as string)).toBe("[redaction failed]");
  });
});

describe("collectIdentifiers keeps going past what it can't read", () => {
  const good: Identifier = { value: "proxy.corp.example", kind: "proxy-host" };
  it.each([
    ["a finding that is null", null],
    ["a finding whose identifiers are no list", { identifiers: { value: "x" } }],
    [
      "a finding whose identifiers getter throws",
      Object.defineProperty({}, "identifiers", {
        get: () => {
          throw new Error("x");
        },
      }),
    ],
  ])("%s", (_what, bad) => {
    expect(collectIdentifiers([bad, { identifiers: [good] }] as unknown as { identifiers: Identifier[] }[])).toEqual([
      good,
    ]);
  });
});

describe("known values with spaces, as a URL writes them", () => {
  // A Wi-Fi login page's address carries the network's name with its spaces encoded, and no
  // label a pattern reads: the decoding step leaves %20 encoded (it would split the token).
  const wifi: RedactionContext = { identifiers: [{ value: "Jane Home WiFi", kind: "wifi" }] };
  it.each([
    ["%20", "http://portal.example/welcome/Jane%20Home%20WiFi/start"],
    ["+", "http://portal.example/welcome?net=Jane+Home+WiFi&lang=en"],
    ["%20, encoded twice", "http://portal.example/welcome/Jane%2520Home%2520WiFi"],
  ])("spaces as %s: hidden", (_form, text) => {
    const out = redact(text, wifi);
    expect(out).not.toMatch(/jane/i);
    expect(out).toContain(PLACEHOLDERS.wifi);
  });

  it("the computer's name with its apostrophe and spaces encoded: hidden", () => {
    const out = redact("Location: http://10.0.0.1/login?from=Jane%27s%20MacBook%20Pro", {
      computerName: "Jane's MacBook Pro",
    });
    expect(out).not.toMatch(/jane/i);
  });

  it("a value without spaces gets no encoded twin: a look-alike word stays", () => {
    expect(redact("net=Office+Guest", { identifiers: [{ value: "Office", kind: "wifi" }] })).toBe(
      `net=${PLACEHOLDERS.wifi}+Guest`,
    );
  });
});
