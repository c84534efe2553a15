import { GUIDES, type KnowledgeEntry } from "./entry";

// When to stop and hand it to Apple.
export const ESCALATION: readonly KnowledgeEntry[] = [
  {
    id: "contact-apple-support",
    title: "When to Contact Apple Support",
    match: {
      codes: [],
      phrases: [
        "nothing works",
        "tried everything",
        "contact Apple",
        "Apple Support",
        "account compromised",
        "account hacked",
        "data loss after password change",
      ],
    },
    meaning:
      "Time to hand it to Apple: every step failed, an unexplained code keeps coming back, the account seems locked or compromised, or data went missing after changing the password or email.",
    confidence: "high",
    verified: true,
    source: `${GUIDES} (escalation)`,
    likelyCauses: [],
    probes: [],
    fixes: ["contact-apple-support"],
    steps: [
      "Have your Mac model and macOS version ready.",
      "Write down the exact error messages and codes.",
      "List the steps you tried, with approximate times.",
      "Note whether other devices in your household can sign in.",
      "Run Full Checklist and copy its report: it carries the Mac's details, every check and the fixes you ran, with identifiers hidden.",
    ],
  },
];
