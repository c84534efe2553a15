import type { Finding } from "../../core/types";
import { measurementOf, offsetPhrase } from "../clock-summary";

/** "Was 9 min 1 s ahead": the clock before the last Sync Clock. */
export const wasText = (before: Finding | undefined) => {
  const m = measurementOf(before);
  return m ? `Was ${offsetPhrase(m.offsetMs)}` : undefined;
};
