import type { ReportInput } from "../../src/core/report";
import type { Cause, Finding } from "../../src/core/types";

/** Hand-made report inputs (not captures) for the buildReport tests. */
export const finding = (over: Partial<Finding> & Pick<Finding, "probe">): Finding => ({
  status: "pass",
  title: "Check",
  summary: "fine",
  details: [],
  fixes: [],
  durationMs: 1,
  ...over,
});

export const cause = (over: Partial<Cause> & Pick<Cause, "cause">): Cause => ({
  confidence: "high",
  summary: "Something is wrong. More text.",
  evidence: [],
  fixes: [],
  ...over,
});

/** A run on macOS 15.7.4 that found nothing, at a fixed time, for a fixed version. */
export const reportInput = (over: Partial<ReportInput> = {}): ReportInput => ({
  findings: [finding({ probe: "macos", title: "macOS", summary: "macOS 15.7.4 Sequoia: supported" })],
  causes: [cause({ cause: "none", confidence: "high", summary: "Nothing found." })],
  history: [],
  startedAt: new Date("2026-11-21T10:05:42.000Z"),
  durationMs: 2345,
  platform: "darwin",
  appVersion: "1.2.3",
  ...over,
});
