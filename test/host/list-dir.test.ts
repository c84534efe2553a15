import { describe, expect, it } from "vitest";
import { parseRecording, RECORDING_FORMAT } from "../../src/core/host/recording";
import { createRecordingHost } from "../../src/core/host/record";
import { createReplayHost } from "../../src/core/host/replay";
import { sharedHost } from "../../src/core/host/shared";
import { HostError, listDirectory, type Host } from "../../src/core/host/types";

// The directory listing added to the host seam for /etc/resolver: a `files`
// entry with `entries`, replayed, recorded, shared, and absent from older
// recordings and hand-written hosts without breaking them.

const recording = (files: unknown[]) =>
  parseRecording(
    JSON.stringify({ format: RECORDING_FORMAT, recordedAt: "2026-11-21T10:00:00.000Z", platform: "darwin", files }),
  );

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HostError);
    return (error as HostError).code;
  }
  throw new Error("did not fail");
}

describe("listDir through a recording", () => {
  it("replays a listing, and a read of the same folder fails like the real host", async () => {
    const host = createReplayHost(recording([{ path: "/etc/resolver", entries: ["apple.com", "test"] }]));
    expect(await listDirectory(host, "/etc/resolver")).toEqual(["apple.com", "test"]);
    expect(await code(host.readFile("/etc/resolver"))).toBe("EISDIR");
  });

  it("a listing and a read of one path are separate entries", async () => {
    const host = createReplayHost(
      recording([
        { path: "/etc/resolver", error: "EACCES" },
        { path: "/etc/resolver", entries: ["apple.com"] },
      ]),
    );
    expect(await listDirectory(host, "/etc/resolver")).toEqual(["apple.com"]);
    expect(await code(host.readFile("/etc/resolver"))).toBe("EACCES");
  });

  it("a recording without the listing says ENOTRECORDED; a recorded error replays; a file isn't a folder", async () => {
    const host = createReplayHost(
      recording([
        { path: "/etc/hosts", text: "127.0.0.1 localhost\n" },
        { path: "/etc/missing", error: "ENOENT" },
      ]),
    );
    expect(await code(listDirectory(host, "/etc/resolver"))).toBe("ENOTRECORDED");
    expect(await code(listDirectory(host, "/etc/missing"))).toBe("ENOENT");
    expect(await code(listDirectory(host, "/etc/hosts"))).toBe("ENOTDIR");
    // Reads are unchanged by the new key.
    expect(await host.readFile("/etc/hosts")).toEqual({ link: undefined, text: "127.0.0.1 localhost\n" });
  });

  it("drops an entry whose listing isn't a list of strings, as for any wrong-typed field", async () => {
    const rec = recording([{ path: "/etc/resolver", entries: ["ok", 3] }]);
    expect(rec.files).toEqual([]);
  });

  it("a host without listDir (a test's stand-in) fails with ENOTRECORDED", async () => {
    const bare = { ...createReplayHost(recording([])), listDir: undefined } as Host;
    expect(await code(listDirectory(bare, "/etc/resolver"))).toBe("ENOTRECORDED");
    expect(await code(listDirectory(sharedHost(bare), "/etc/resolver"))).toBe("ENOTRECORDED");
  });
});

describe("listDir while recording", () => {
  it("writes the names, or the error, as `files` entries a replay reads back", async () => {
    const inner = createReplayHost(
      recording([
        { path: "/etc/resolver", entries: ["apple.com"] },
        { path: "/Library/Nope", error: "ENOENT" },
      ]),
    );
    const rec = createRecordingHost(inner);
    expect(await rec.listDir!("/etc/resolver")).toEqual(["apple.com"]);
    expect(await code(rec.listDir!("/Library/Nope"))).toBe("ENOENT");
    const written = rec.recording();
    expect(written.files).toEqual([
      { path: "/etc/resolver", entries: ["apple.com"] },
      { path: "/Library/Nope", error: "ENOENT" },
    ]);
    const again = createReplayHost(parseRecording(JSON.stringify(written)));
    expect(await listDirectory(again, "/etc/resolver")).toEqual(["apple.com"]);
  });
});
