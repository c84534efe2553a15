import type { CauseId, FixId } from "./ids";
import type { Cause, Confidence, Finding } from "./types";

// How diagnose builds a Cause: the constructor, evidence lines, and the `none`
// variants, which say how clean a result is (clean, not fully checked,
// nothing checked, or warnings no rule explains) rather than what is wrong.

export const cause = (
  id: CauseId,
  confidence: Confidence,
  summary: string,
  evidence: string[],
  fixes: FixId[],
): Cause => ({
  cause: id,
  confidence,
  summary,
  evidence,
  fixes,
});

// "Clock is 9 min 1 s ahead", not "Clock: Clock is 9 min 1 s ahead": the title only when the summary doesn't start with it.
export const evidenceOf = (f: Finding | undefined) =>
  f ? [f.summary.toLowerCase().startsWith(f.title.toLowerCase()) ? f.summary : `${f.title}: ${f.summary}`] : [];

export function notFullyChecked(unfinished: readonly Finding[]): Cause {
  const names = unfinished.map((f) => `${f.title} (${f.summary.replace(/^./, (c) => c.toLowerCase())})`);
  return {
    ...cause(
      "none",
      "low",
      `Couldn't finish checking ${names.join("; ")}, so this is not a clean result: nothing else found a problem, but sign-in may still fail there. Run the checklist again, with a longer time limit if the network is slow.`,
      unfinished.flatMap(evidenceOf),
      [],
    ),
    title: "Not Fully Checked",
    unchecked: unfinished.map((f) => f.probe),
  };
}

export function nothingChecked(findings: readonly Finding[]): Cause {
  const unfinished = findings.filter((f) => f.status === "error");
  return {
    ...cause(
      "none",
      "low",
      unfinished.length
        ? `Nothing could be checked: ${unfinished.length === 1 ? "the one check that ran" : `all ${unfinished.length} checks that ran`} couldn't finish, so this run says nothing about sign-in. Run it again.`
        : "Nothing could be checked here (every check was skipped), so this run says nothing about sign-in.",
      unfinished.flatMap(evidenceOf),
      [],
    ),
    title: "Nothing Checked",
    unchecked: unfinished.map((f) => f.probe),
  };
}

export function unexplainedWarnings(warned: readonly Finding[]): Cause {
  return {
    ...cause(
      "none",
      "low",
      `No known cause found, but ${warned.map((f) => `${f.title} warned (${f.summary.replace(/^./, (c) => c.toLowerCase())})`).join("; ")}. If sign-in fails, start there.`,
      warned.flatMap(evidenceOf),
      warned.flatMap((f) => f.fixes).filter((x, i, all) => all.indexOf(x) === i),
    ),
    title: "No Clear Cause",
  };
}

export function noneCause(checked: number, skipped: readonly Finding[]): Cause {
  // High confidence only when every sign-in check ran and passed.
  const gap = skipped.length ? ` ${skipped.map((f) => f.title).join(", ")} couldn't be checked.` : "";
  return cause(
    "none",
    skipped.length ? "medium" : "high",
    `No problem found in ${checked} checks: this Mac can reach Apple's sign-in servers.${gap} If sign-in still fails, check Apple's System Status and whether your password works on another device.`,
    [],
    [],
  );
}
