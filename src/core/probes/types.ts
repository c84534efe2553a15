import type { BinaryTable } from "../host/binaries";
import type { Host } from "../host/types";
import type { ProbeId } from "../ids";
import type { Targets } from "../targets";
import type { ProbeResult } from "../types";

export type Area = "apple" | "network" | "security" | "time" | "account" | "mac";

export const AREA_TITLES: Record<Area, string> = {
  apple: "Apple Services",
  network: "Network",
  security: "Certificates & Filtering",
  time: "Time",
  account: "Apple Account",
  mac: "This Mac",
};

export interface ProbeContext {
  host: Host;
  targets: Targets;
  bin: BinaryTable;
  /** Aborted when the run's deadline passes or the user cancels. */
  signal: AbortSignal;
}

export interface Probe {
  id: ProbeId;
  title: string;
  area: Area;
  run(ctx: ProbeContext): Promise<ProbeResult>;
}
