import { START } from "./start";
import { MESSAGES } from "./messages";
import { SYMPTOMS } from "./symptoms";
import { SERVICE_CODES } from "./service-codes";
import { NETWORK_CODES } from "./network-codes";
import { CAUSES } from "./causes";
import { FIX_CODES } from "./fix-codes";
import { ESCALATION } from "./escalation";
import type { KnowledgeEntry } from "./entry";

// Every entry, family by family, in the order they were written.
export const KNOWLEDGE: readonly KnowledgeEntry[] = [
  ...START,
  ...MESSAGES,
  ...SYMPTOMS,
  ...SERVICE_CODES,
  ...NETWORK_CODES,
  ...CAUSES,
  ...FIX_CODES,
  ...ESCALATION,
];
