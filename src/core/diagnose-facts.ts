import type { ProbeId } from "./ids";
import type { Finding } from "./types";

/** What a diagnosis rule reads: the findings by probe, their status and their data. */
export interface Facts {
  get(id: ProbeId): Finding | undefined;
  is(id: ProbeId, ...statuses: Finding["status"][]): boolean;
  data<T = unknown>(id: ProbeId, key: string): T | undefined;
}
