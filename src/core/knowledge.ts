// What an error message or code means, what usually causes it, which checks
// confirm it and what a person does about it. Pure data and a pure search:
// the Raycast command, the CLI's `explain` and tests all read it.
//
// Sources are REFERENCE.md sections a (troubleshooting guides, restated) and
// g (codes and messages). Anything no public source confirms is marked
// `verified: false` and says so in `source`. Manual, account-level steps
// (password reset, approving on a trusted device, signing out) are text a
// person follows; no entry points at a fix that deletes Keychain items,
// resets NVRAM/SMC or signs out.
//
// The entries live in knowledge/ by family, the search in knowledge/search.ts.

export type { KnowledgeEntry } from "./knowledge/entry";
export { KNOWLEDGE } from "./knowledge/index";
export { confidenceWords, explanationText, searchKnowledge, type KnowledgeMatch } from "./knowledge/search";
