import type { CauseId, FixId, ProbeId } from "./ids";

export type Status = "pass" | "warn" | "fail" | "skip" | "error";
export type Confidence = "high" | "medium" | "low";

/** A value a probe saw that identifies the user or their network; the report hides it. */
export interface Identifier {
  value: string;
  kind: IdentifierKind;
}
export type IdentifierKind =
  "email" | "dsid" | "uuid" | "serial" | "user" | "computer" | "ip" | "mac" | "wifi" | "proxy-host" | "vpn" | "domain";

/** What one probe found. `details` are the evidence, verbatim where it helps support. */
export interface Finding {
  probe: ProbeId;
  status: Status;
  title: string;
  summary: string;
  details: string[];
  fixes: FixId[];
  durationMs: number;
  /** Structured evidence for front ends and diagnose (not part of the contract JSON). */
  data?: Record<string, unknown>;
  /** Values to hide in reports; never printed as such. */
  identifiers?: Identifier[];
}

/** What a probe returns; the runner adds probe, title and duration. */
export type ProbeResult = Omit<Finding, "probe" | "title" | "durationMs">;

export interface Cause {
  cause: CauseId;
  confidence: Confidence;
  /** One line a person understands: what is wrong and why it matters. */
  summary: string;
  /** Longer explanation: the evidence this is based on. */
  evidence: string[];
  fixes: FixId[];
  /** A title when the cause's own would mislead ("none" for a run that couldn't finish is not "No Problems Found"). */
  title?: string;
  /** Sign-in checks that couldn't finish (error), so this diagnosis is not based on them. */
  unchecked?: ProbeId[];
}

export interface FixRecord {
  fix: FixId;
  at: string; // ISO time
  outcome: "done" | "cancelled" | "failed";
  message?: string;
}
