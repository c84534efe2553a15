import type { Host } from "../../src/core/host/types";

/** A promise that never settles: what a hung command, socket or file read looks like to a probe. */
export const never = <T>() => new Promise<T>(() => {});

/** A host whose every operation hangs (no recording: the waits are the point of the tests using it). */
export const stuckHost = (over: Partial<Host> = {}): Host => ({
  platform: "darwin",
  now: () => new Date("2026-11-21T10:00:00.000Z"),
  env: () => undefined,
  exec: () => never(),
  http: () => never(),
  dns: () => never(),
  tcp: () => never(),
  tls: () => never(),
  ntp: () => never(),
  readFile: () => never(),
  listDir: () => never(),
  ...over,
});
