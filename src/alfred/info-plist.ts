import { createHash } from "node:crypto";
import { build } from "plist";
import type { ScriptFilterCommand } from "./script-filter";

// The workflow's info.plist as data (REFERENCE.md i). Object UIDs come from
// their names, so a rebuild writes the same file byte for byte and Alfred
// keeps the user's keyword settings across updates.

export const BUNDLE_ID = "io.github.apple-id-doctor.alfred";
export const BUNDLE_SCRIPT = "apple-id-doctor.js";
/** What a Script Filter frame loads, and what the checks and fixes load (BUNDLE_SCRIPT picks one). */
export const FRAME_SCRIPT = "lib/frame.js";
export const WORKER_SCRIPT = "lib/worker.js";
export const LAUNCHER = "launcher.sh";

/** Alfred's modifier masks on connections. */
export const MODIFIERS = { none: 0, alt: 524288, cmd: 1048576 } as const;

export interface KeywordSpec {
  command: ScriptFilterCommand;
  /** The workflow variable (user configuration) holding the keyword. */
  variable: string;
  keyword: string;
  label: string;
  title: string;
  subtext: string;
  runningsubtext: string;
}

export const KEYWORDS: readonly KeywordSpec[] = [
  {
    command: "checklist",
    variable: "keyword_checklist",
    keyword: "appleid",
    label: "Full Checklist",
    title: "Apple ID Doctor: Run Full Checklist",
    subtext: "Why can't this Mac connect to the Apple Account server?",
    runningsubtext: "Checking…",
  },
  {
    command: "status",
    variable: "keyword_status",
    keyword: "applestatus",
    label: "Apple System Status",
    title: "Apple ID Doctor: Apple System Status",
    subtext: "Is Apple's sign-in down right now?",
    runningsubtext: "Asking Apple…",
  },
  {
    command: "dns",
    variable: "keyword_dns",
    keyword: "flushdns",
    label: "Flush DNS",
    title: "Apple ID Doctor: Flush DNS",
    subtext: "How this Mac looks up Apple's sign-in servers, and a DNS flush",
    runningsubtext: "Looking up Apple's servers…",
  },
  {
    command: "clock",
    variable: "keyword_clock",
    keyword: "clockcheck",
    label: "Verify Clock",
    title: "Apple ID Doctor: Verify Clock",
    subtext: "Apple's servers reject sign-ins when the clock is off",
    runningsubtext: "Asking time.apple.com…",
  },
  {
    command: "icloud",
    variable: "keyword_icloud",
    keyword: "icloudfix",
    label: "iCloud Account",
    title: "Apple ID Doctor: iCloud Account",
    subtext: "Restart iCloud services, or reset the cached account settings",
    runningsubtext: "Reading the account settings…",
  },
];

/** A UUID-shaped id from a name (SHA-1, version 5 layout): the same name, the same UID, every build. */
export function stableUid(name: string): string {
  const b = createHash("sha1").update(`apple-id-doctor/alfred/${name}`).digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString("hex").toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const UIDS = {
  scriptFilter: (command: ScriptFilterCommand) => stableUid(`scriptfilter:${command}`),
  cmdJunction: stableUid("junction:cmd"),
  altJunction: stableUid("junction:alt"),
  route: stableUid("conditional:route"),
  routeCopy: stableUid("conditional:route:copy"),
  runScript: stableUid("action:run-script"),
  notifyAction: stableUid("output:notify-action"),
  clipboard: stableUid("output:clipboard"),
  notifyCopy: stableUid("output:notify-copy"),
};

/** The inline bash each Script Filter runs: the query goes after `--`, as one argv element. */
export const scriptFilterScript = (command: ScriptFilterCommand) => `/bin/sh ./${LAUNCHER} ${command} -- "$1"`;
export const RUN_SCRIPT = `/bin/sh ./${LAUNCHER} action -- "$1"`;

interface Connection {
  destinationuid: string;
  modifiers: number;
  modifiersubtext: string;
  sourceoutputuid?: string;
  vitoclose: boolean;
}

const to = (destinationuid: string, modifiers = 0, sourceoutputuid?: string): Connection => ({
  destinationuid,
  modifiers,
  modifiersubtext: "",
  ...(sourceoutputuid ? { sourceoutputuid } : {}),
  vitoclose: false,
});

const README = `# Apple ID Doctor

Why can't this Mac connect to the Apple Account server? Every check runs at once; the diagnosis comes first.

- **appleid**: the full checklist. ⏎ runs the fix on a row, ⌘⏎ its second fix, ⌥⏎ copies the support report. ⌘C copies the report, ⌘L shows it in Large Type. Emails, IP addresses and network names are hidden in everything copied, and copied reports stay out of Alfred's clipboard history.
- **applestatus**: Apple System Status for the sign-in services, outages first.
- **flushdns**: how this Mac resolves Apple's sign-in hosts, and ⏎ to flush the DNS cache (macOS asks for your password).
- **clockcheck**: this Mac's clock against time.apple.com, and ⏎ to sync it.
- **icloudfix**: the signed-in account, restart iCloud services, and reset the cached account settings (a backup is taken first; hold ⌘ to confirm).

Keywords can be changed in the workflow's Configure Workflow sheet. Needs Node.js 22 or later (\`brew install node\`). The fix history and account backups are kept in the workflow's data folder.`;

/** The whole info.plist as a JavaScript object (keys in any order: renderInfoPlist sorts them). */
export function infoPlist(options: { version: string }) {
  const objects: Record<string, unknown>[] = [];
  const connections: Record<string, Connection[]> = {};
  const uidata: Record<string, { xpos: number; ypos: number; note?: string }> = {};

  KEYWORDS.forEach((k, i) => {
    const uid = UIDS.scriptFilter(k.command);
    objects.push({
      type: "alfred.workflow.input.scriptfilter",
      uid,
      version: 3,
      config: {
        alfredfiltersresults: false,
        alfredfiltersresultsmatchmode: 0,
        argumenttreatemptyqueryasnil: true,
        argumenttrimmode: 0,
        argumenttype: 1,
        escaping: 0,
        keyword: `{var:${k.variable}}`,
        queuedelaycustom: 3,
        queuedelayimmediatelyinitially: true,
        queuedelaymode: 0,
        queuemode: 1,
        runningsubtext: k.runningsubtext,
        script: scriptFilterScript(k.command),
        scriptargtype: 1,
        scriptfile: "",
        subtext: k.subtext,
        title: k.title,
        type: 0,
        withspace: true,
      },
    });
    connections[uid] = [to(UIDS.route), to(UIDS.cmdJunction, MODIFIERS.cmd), to(UIDS.altJunction, MODIFIERS.alt)];
    uidata[uid] = { xpos: 30, ypos: 15 + i * 150, note: k.label };
  });

  objects.push(
    { type: "alfred.workflow.utility.junction", uid: UIDS.cmdJunction, version: 1 },
    { type: "alfred.workflow.utility.junction", uid: UIDS.altJunction, version: 1 },
    {
      type: "alfred.workflow.utility.conditional",
      uid: UIDS.route,
      version: 1,
      config: {
        conditions: [
          {
            inputstring: "{var:action}",
            matchcasesensitive: false,
            matchmode: 0,
            matchstring: "copy",
            outputlabel: "Copy",
            uid: UIDS.routeCopy,
          },
        ],
        elselabel: "Run",
        hideelse: false,
      },
    },
    {
      type: "alfred.workflow.action.script",
      uid: UIDS.runScript,
      version: 2,
      config: {
        concurrently: false,
        escaping: 0,
        script: RUN_SCRIPT,
        scriptargtype: 1,
        scriptfile: "",
        type: 0,
      },
    },
    {
      type: "alfred.workflow.output.notification",
      uid: UIDS.notifyAction,
      version: 1,
      config: {
        lastpathcomponent: false,
        onlyshowifquerypopulated: true,
        removeextension: false,
        text: "{query}",
        title: "Apple ID Doctor",
      },
    },
    {
      type: "alfred.workflow.output.clipboard",
      uid: UIDS.clipboard,
      version: 3,
      config: { autopaste: false, clipboardtext: "{query}", ignoredynamicplaceholders: false, transient: true },
    },
    {
      type: "alfred.workflow.output.notification",
      uid: UIDS.notifyCopy,
      version: 1,
      config: {
        lastpathcomponent: false,
        onlyshowifquerypopulated: false,
        removeextension: false,
        text: "Identifiers are hidden, and it isn't kept in Alfred's clipboard history.",
        title: "Copied",
      },
    },
  );
  connections[UIDS.cmdJunction] = [to(UIDS.route)];
  connections[UIDS.altJunction] = [to(UIDS.route)];
  connections[UIDS.route] = [to(UIDS.clipboard, 0, UIDS.routeCopy), to(UIDS.runScript)];
  connections[UIDS.runScript] = [to(UIDS.notifyAction)];
  connections[UIDS.clipboard] = [to(UIDS.notifyCopy)];
  Object.assign(uidata, {
    [UIDS.cmdJunction]: { xpos: 300, ypos: 330, note: "⌘: second fix, or confirm" },
    [UIDS.altJunction]: { xpos: 300, ypos: 430, note: "⌥: copy the report" },
    [UIDS.route]: { xpos: 420, ypos: 355, note: "copy or run?" },
    [UIDS.runScript]: { xpos: 600, ypos: 440, note: "fix:<id> or open:<url>" },
    [UIDS.notifyAction]: { xpos: 800, ypos: 440 },
    [UIDS.clipboard]: { xpos: 600, ypos: 240, note: "transient: not kept in clipboard history" },
    [UIDS.notifyCopy]: { xpos: 800, ypos: 240 },
  });

  return {
    bundleid: BUNDLE_ID,
    category: "Tools",
    connections,
    createdby: "apple-id-doctor",
    description: "Why can't this Mac connect to the Apple Account server? Checks, fixes and a redacted support report.",
    disabled: false,
    name: "Apple ID Doctor",
    objects,
    readme: README,
    uidata,
    userconfigurationconfig: KEYWORDS.map((k) => ({
      config: { default: k.keyword, placeholder: k.keyword, required: true, trim: true },
      description: `Keyword for ${k.title.replace(/^Apple ID Doctor: /, "")}`,
      label: `${k.label} Keyword`,
      type: "textfield",
      variable: k.variable,
    })),
    variables: {} as Record<string, string>,
    variablesdontexport: [] as string[],
    version: options.version,
    webaddress: "",
  };
}

export type InfoPlist = ReturnType<typeof infoPlist>;

/** Before packaging (deanishe/awgo util/build): values of variables marked "don't export" are blanked. */
export function blankUnexported(info: InfoPlist): InfoPlist {
  const variables = { ...info.variables };
  for (const name of info.variablesdontexport) if (name in variables) variables[name] = "";
  return { ...info, variables };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The XML Alfred reads, keys sorted as Alfred writes them, tab-indented. */
export function renderInfoPlist(info: InfoPlist): string {
  return build(sortKeys(blankUnexported(info)) as Parameters<typeof build>[0], { indent: "\t" }) + "\n";
}
