// The Explain Error knowledge base: every entry points only at checks,
// causes and fixes that exist, unconfirmed meanings say so, nothing suggests
// automating what must stay manual, and the search finds entries by code in
// the spellings people paste and by the words they use for the symptom.
import { describe, expect, it } from "vitest";
import { isAvailableFix } from "../../src/core/fixes";
import { CAUSE_IDS, FIX_IDS, PROBE_IDS } from "../../src/core/ids";
import { explanationText, KNOWLEDGE, searchKnowledge, type KnowledgeEntry } from "../../src/core/knowledge";
import { probeById } from "../../src/core/probes";

const top = (query: string) => searchKnowledge(query)[0]?.entry.id;
const entry = (id: string): KnowledgeEntry => {
  const found = KNOWLEDGE.find((e) => e.id === id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
};

describe("knowledge base", () => {
  it("has unique ids, Title Case titles and something to say in every entry", () => {
    const ids = KNOWLEDGE.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(KNOWLEDGE.length).toBeGreaterThanOrEqual(35);
    const small = new Set(["a", "an", "and", "or", "the", "to", "of", "on", "in", "for", "with", "at", "by"]);
    for (const e of KNOWLEDGE) {
      expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      for (const [i, word] of e.title.split(" ").entries()) {
        if (i > 0 && small.has(word)) continue;
        // iCloud, macOS, iPhone keep Apple's spelling; everything else starts upper case.
        expect(/^[A-Z0-9(]|^(iCloud|macOS|iPhone|iPad)\b/.test(word), `${e.id}: "${word}" in "${e.title}"`).toBe(true);
      }
      expect(e.meaning.length).toBeGreaterThan(20);
      expect(e.source.length).toBeGreaterThan(5);
      expect(e.steps.length).toBeGreaterThan(0);
      expect(e.match.codes.length + e.match.phrases.length).toBeGreaterThan(0);
      expect(["high", "medium", "low"]).toContain(e.confidence);
    }
  });

  it("links only to existing probe, cause and fix ids, and every fix can run today", () => {
    for (const e of KNOWLEDGE) {
      for (const p of e.probes) {
        expect(PROBE_IDS, e.id).toContain(p);
        expect(probeById(p), e.id).toBeDefined();
      }
      for (const c of e.likelyCauses) expect(CAUSE_IDS, e.id).toContain(c);
      expect(e.likelyCauses, `${e.id} lists "none" as a cause`).not.toContain("none");
      for (const f of e.fixes) {
        expect(FIX_IDS, e.id).toContain(f);
        expect(isAvailableFix(f), `${e.id}: ${f}`).toBe(true);
      }
      for (const list of [e.probes, e.likelyCauses, e.fixes] as string[][]) {
        expect(new Set(list).size, `${e.id} repeats an id`).toBe(list.length);
      }
    }
  });

  it("covers every code from the reference's error table", () => {
    const codes = new Set(KNOWLEDGE.flatMap((e) => e.match.codes));
    for (const code of [
      "-22406",
      "-20101",
      "-20209",
      "-20210",
      "-29751",
      "-20283",
      "401",
      "409",
      "421",
      "403",
      "503",
      "-7003",
      "-7022",
      "-7071",
      "-100",
      "4001",
      "-128",
      "-60007",
      "44",
      "ENOTFOUND",
      "EAI_AGAIN",
      "ECONNREFUSED",
      "ETIMEDOUT",
      "EHOSTUNREACH",
      "ENETUNREACH",
      "CERT_NOT_YET_VALID",
      "CERT_HAS_EXPIRED",
      "SELF_SIGNED_CERT_IN_CHAIN",
      "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  it("marks the unconfirmed meanings unverified, and says so in the source", () => {
    const unverified = KNOWLEDGE.filter((e) => !e.verified).map((e) => e.id);
    expect(unverified).toEqual(
      expect.arrayContaining(["icloud-error-4001", "locked-or-two-factor-unconfirmed", "authkit-unconfirmed"]),
    );
    for (const e of KNOWLEDGE.filter((k) => !k.verified)) {
      expect(e.source, e.id).toMatch(/unverified/i);
      expect(e.confidence, e.id).toBe("low");
      expect(e.title, e.id).toMatch(/\(Unconfirmed\)$/);
    }
    const e4001 = entry("icloud-error-4001");
    expect(e4001.source).toMatch(/one product guide only; Apple doesn't document it/i);
    // Codes with a public source stay verified.
    expect(entry("account-locked")).toMatchObject({ verified: true, confidence: "high" });
    expect(entry("wrong-credentials")).toMatchObject({ verified: true, confidence: "medium" });
  });

  it("never suggests automating Keychain deletion, NVRAM/SMC resets, sign-out or bare account-cache deletion", () => {
    // Commands that must never appear as something to run.
    const commands = [
      /\bsecurity\s+delete/i,
      /\bdefaults\s+delete\b/i,
      /\bnvram\s+-c\b/i,
      /\bpmset\b/i,
      /\brm\s+-/i,
      /\bsudo\b/i,
      /\bkillall\s+accountsd\b/i,
      /~\/Library\/(Accounts|Keychains)/i,
    ];
    // The app offering to do a manual step itself.
    const selfService = /\b(Apple ID Doctor|this app|we)\s+(will|can|does|then)\s+(delete|remove|reset|sign)/i;
    for (const e of KNOWLEDGE) {
      for (const text of [...e.steps, e.meaning]) {
        for (const pattern of commands) expect(text, `${e.id}: ${text}`).not.toMatch(pattern);
        expect(text, `${e.id}: ${text}`).not.toMatch(selfService);
      }
      // Fixes are from FIXES (checked above); none of them signs out or resets firmware. The one
      // that clears cached settings is the reversible reset, and only where the guide asks for it.
      if (e.fixes.includes("reset-account-cache")) expect(e.id).toBe("icloud-error-4001");
      expect(e.fixes).not.toContain("restore-account-cache");
    }
    // Where the guides delete or reset, the steps say to leave it to a person (or Apple).
    expect(entry("stale-keychain-items").steps.join(" ")).toMatch(/Leave the Keychain alone/);
    expect(entry("where-to-start").steps.join(" ")).toMatch(/Leave NVRAM or SMC resets to Apple Support/);
    // The reset is an advanced, last-resort step of the 4001 guide, never one of its fixes, and says what it can't do.
    expect(entry("icloud-error-4001").fixes).not.toContain("reset-account-cache");
    expect(entry("icloud-error-4001").steps.join(" ")).toMatch(
      /Advanced, last resort: .*Reset Account Cache clears only the cached account settings \(not the tokens/,
    );
  });

  it("keeps manual account steps as text: password resets point at iforgot.apple.com", () => {
    for (const id of ["account-locked", "password-keeps-failing", "wrong-credentials", "too-many-tries"]) {
      expect(entry(id).steps.join(" "), id).toMatch(/iforgot\.apple\.com/);
    }
    expect(entry("contact-apple-support").steps.join(" ")).toMatch(/Mac model and macOS version/);
  });
});

describe("searchKnowledge", () => {
  it.each([
    ["-20209", "account-locked"],
    ["20209", "account-locked"],
    ["ec -20209", "account-locked"],
    ["ec=-20209", "account-locked"],
    ["(-60007)", "admin-prompt-not-allowed"],
    ["execution error: The administrator user name or password was incorrect. (-60007)", "admin-prompt-not-allowed"],
    ["-128", "password-prompt-cancelled"],
    ["(-60006)", "password-prompt-cancelled"],
    ["execution error: Authentication failed. (-60005)", "admin-rights-denied"],
    [
      "sudo: a terminal is required to read the password; either use the -S option to read from standard input or configure an askpass helper",
      "touch-id-unavailable",
    ],
    ["error 4001", "icloud-error-4001"],
    ["4001", "icloud-error-4001"],
    ["Authentication failed. Please check your credentials and try again (Error 4001).", "icloud-error-4001"],
    ["CERT_HAS_EXPIRED", "certificate-dates"],
    ["cert_has_expired", "certificate-dates"],
    ["ENOTFOUND", "name-not-found"],
    ["getaddrinfo ENOTFOUND gsa.apple.com", "name-not-found"],
    ["EAI_AGAIN", "name-not-found"],
    ["connect ECONNREFUSED 17.32.194.1:443", "connection-refused"],
    ["SELF_SIGNED_CERT_IN_CHAIN", "certificate-chain"],
    ["EHOSTUNREACH", "network-unreachable"],
    ["HTTP 409", "two-factor-needed"],
    ["-22406", "wrong-credentials"],
    ["AKAuthenticationError -7003", "authkit-failed"],
    ["-7071", "authkit-unconfirmed"],
    ["security exit 44", "keychain-item-not-found"],
  ])("finds %s by code", (query, id) => {
    const [best] = searchKnowledge(query);
    expect(best?.entry.id).toBe(id);
    expect(best.score).toBeGreaterThan(0);
  });

  it("says which code matched, as the entry writes it", () => {
    expect(searchKnowledge("ec 20209")[0].matched).toBe("-20209");
    expect(searchKnowledge("(-60007)")[0].matched).toBe("-60007");
    expect(searchKnowledge("enotfound")[0].matched).toBe("ENOTFOUND");
  });

  it("-20101 is idmsa's 401, which a client's own password-hash bug can cause; GrandSlam's -20101 is unconfirmed", () => {
    const ids = searchKnowledge("-20101").map((m) => m.entry.id);
    expect(ids[0]).toBe("check-account-information");
    expect(ids).not.toContain("wrong-credentials");
    expect(entry("check-account-information").meaning).toMatch(/client's own bug/);
    expect(entry("check-account-information").source).toMatch(/#975, #994/);
  });

  it("-100 and -7003 have no public source for macOS sign-in: unverified", () => {
    expect(entry("apple-account-unknown")).toMatchObject({ verified: false, confidence: "low" });
    expect(entry("authkit-failed")).toMatchObject({ verified: false, confidence: "low" });
  });

  it.each([
    ["stuck on verifying", "stuck-verifying"],
    ["Stuck on “Verifying…”", "stuck-verifying"],
    ["password keeps failing", "password-keeps-failing"],
    ["iPhone works Mac doesn't", "iphone-works-mac-doesnt"],
    ["iphone works, mac doesnt", "iphone-works-mac-doesnt"],
    ["app store sign in fails", "app-store-sign-in-fails"],
    ["icloud services erroring", "icloud-services-erroring"],
    ["There was an error connecting to the Apple ID server", "apple-id-server-error"],
    ["There was an error connecting to the Apple Account server.", "apple-id-server-error"],
    ["Verification Failed", "apple-id-server-error"],
    ["Could not communicate with the server.", "could-not-communicate"],
    ["An unknown error occurred", "unknown-error"],
    ["Cannot verify server identity", "date-time-region"],
    ["This Apple Account has been locked for security reasons.", "account-locked"],
    ["Account temporarily unavailable due to bad auth token", "bad-auth-token"],
    ["No matching processes belonging to you were found", "icloud-process-not-running"],
    ["killall exit 1", "icloud-process-not-running"],
    ["keychain", "stale-keychain-items"],
    ["it fails only on some networks", "vpn-proxy-firewall"],
    ["public DNS does not help", "router-or-isp"],
    ["other Macs on the network are fine", "user-profile-or-hardware"],
    ["started after an update", "macos-update-glitch"],
    ["Apple servers down", "apple-outage"],
    ["tried everything, nothing works", "contact-apple-support"],
  ])("finds %j by its words", (query, id) => {
    expect(top(query)).toBe(id);
  });

  it("finds while the code or message is still being typed", () => {
    expect(searchKnowledge("-202").map((m) => m.entry.id)).toEqual(
      expect.arrayContaining(["account-locked", "locked-or-two-factor-unconfirmed", "check-account-information"]),
    );
    expect(top("stuck on ver")).toBe("stuck-verifying");
  });

  it("matches whole words of phrases, not pieces of other words", () => {
    // "time" is in "FaceTime activation", which has nothing to do with the clock.
    expect(searchKnowledge("time").map((m) => m.entry.id)).not.toContain("several-apps-fail");
  });

  it("finds nothing for words it doesn't know, and leaves out stray one-word matches", () => {
    expect(searchKnowledge("xyzzy plugh")).toEqual([]);
    expect(searchKnowledge("-20209").map((m) => m.entry.id)).toEqual(["account-locked"]);
  });

  it("an empty query lists every entry in the written order, starting with where to start", () => {
    for (const query of ["", "   ", "?!"]) {
      const all = searchKnowledge(query);
      expect(all.map((m) => m.entry.id)).toEqual(KNOWLEDGE.map((e) => e.id));
      expect(all[0].entry.id).toBe("where-to-start");
    }
    expect(searchKnowledge("", 5)).toHaveLength(5);
  });

  it("honours the limit and sorts best first", () => {
    const results = searchKnowledge("password", 3);
    expect(results.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < results.length; i++) expect(results[i - 1].score).toBeGreaterThanOrEqual(results[i].score);
  });
});

describe("explanationText", () => {
  it("carries meaning, causes, steps, fixes, confidence and source in plain text", () => {
    const text = explanationText(entry("name-not-found"));
    expect(text).toContain("Name Not Found (DNS)");
    expect(text).toContain("Codes: ENOTFOUND, EAI_AGAIN");
    expect(text).toContain("- DNS Problem");
    expect(text).toMatch(/What to do:\n1\. Flush DNS Cache/);
    expect(text).toContain("Fixes: Flush DNS Cache, Open Network Settings");
    expect(text).toContain("Confidence: High");
    expect(text).toContain("Source: Node.js DNS error codes");
    expect(explanationText(entry("icloud-error-4001"))).toContain("Confidence: Low (unverified)");
  });
});
