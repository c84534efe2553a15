import { createHash } from "node:crypto";
import { build } from "plist";
import type { ScriptFilterCommand } from "./args";
import { REPORT_VARIABLES } from "./items";

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
  routeCopyReport: stableUid("conditional:route:copy-report"),
  routeCopyMarkdown: stableUid("conditional:route:copy-report-markdown"),
  adminCheck: stableUid("conditional:admin"),
  adminYes: stableUid("conditional:admin:yes"),
  notifyAdmin: stableUid("output:notify-admin"),
  runScript: stableUid("action:run-script"),
  notifyAction: stableUid("output:notify-action"),
  clipboard: stableUid("output:clipboard"),
  clipboardReport: stableUid("output:clipboard-report"),
  clipboardMarkdown: stableUid("output:clipboard-report-markdown"),
  notifyCopy: stableUid("output:notify-copy"),
};

/** The product's home: its Raycast Store page (package.json's author and name), which the Gallery asks for. */
export const HOMEPAGE = "https://www.raycast.com/apple-id-doctor/apple-id-doctor";
export const CREATED_BY = "apple-id-doctor";

/** The Alfred Gallery submission's metadata (alfredapp/gallery-edits 01_submit_workflow.yml). */
export const GALLERY = {
  homepage: HOMEPAGE,
  tags: ["apple account", "apple id", "icloud", "dns", "network", "troubleshooting"],
  /** Alfred installs these from homebrew-core (alfredapp.com/help/kb/dependencies). */
  homebrewDependencies: ["node"],
  /** Bundled into the workflow's JavaScript, not downloaded. */
  bundledLibraries: ["execa", "date-fns", "fast-plist"],
} as const;

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

const RETURN = "<kbd>↩\uFE0E</kbd>";
const CMD = "<kbd>⌘</kbd>";
const ALT = "<kbd>⌥</kbd>";

/** The workflow's About, in the Gallery's style (## Usage, <kbd> keys, one keyword per paragraph). */
export const README = `## Usage

Find out why this Mac can't connect to the Apple Account server via the \`appleid\` keyword. Every check runs at once and the rows fill in as they finish; the diagnosis comes first.

* ${RETURN} Run the row's fix.
* ${CMD}${RETURN} Run its second fix.
* ${ALT}${RETURN} Copy the support report (emails, IP addresses and network names hidden; kept out of Alfred's clipboard history).
* ${CMD}<kbd>C</kbd> Copy the row, identifiers hidden.
* ${CMD}<kbd>L</kbd> Show the row in Large Type.

See whether Apple reports a problem with the sign-in services via the \`applestatus\` keyword.

Compare how this Mac and public resolvers find Apple's sign-in servers via the \`flushdns\` keyword. ${RETURN} on Flush DNS Cache flushes it (macOS asks for your password).

Check this Mac's clock against time.apple.com via the \`clockcheck\` keyword. ${RETURN} on Sync Clock sets it.

See the signed-in account, restart iCloud services and reset the cached account settings via the \`icloudfix\` keyword. The reset backs up first; ${CMD}${RETURN} confirms it.

Keywords can be changed in the [Workflow Configuration](https://www.alfredapp.com/help/workflows/user-configuration/). Needs Node.js 22 or later: the workflow finds it in Homebrew, nvm, fnm, Volta, asdf, mise or your shell's PATH. The fix history and account backups are kept in the workflow's data folder.`;

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
      // Alfred filters the rows as the user types: the script runs once per
      // invocation (plus its reruns while checks run), never per keystroke.
      config: {
        alfredfiltersresults: true,
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
        skipuniversalaction: true,
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
          ["copy", "Copy", UIDS.routeCopy],
          ["copy-report", "Copy Report", UIDS.routeCopyReport],
          ["copy-report-markdown", "Copy Markdown", UIDS.routeCopyMarkdown],
        ].map(([matchstring, outputlabel, uid]) => ({
          inputstring: "{var:action}",
          matchcasesensitive: false,
          matchmode: 0,
          matchstring,
          outputlabel,
          uid,
        })),
        elselabel: "Run",
        hideelse: false,
      },
    },
    {
      // The row said the fix asks for a password: say so the moment ⏎ is
      // pressed, not seconds later when the prompt appears.
      type: "alfred.workflow.utility.conditional",
      uid: UIDS.adminCheck,
      version: 1,
      config: {
        conditions: [
          {
            inputstring: "{var:admin}",
            matchcasesensitive: false,
            matchmode: 0,
            matchstring: "yes",
            outputlabel: "Admin",
            uid: UIDS.adminYes,
          },
        ],
        elselabel: "else",
        hideelse: true,
      },
    },
    {
      type: "alfred.workflow.output.notification",
      uid: UIDS.notifyAdmin,
      version: 1,
      config: {
        lastpathcomponent: false,
        onlyshowifquerypopulated: false,
        removeextension: false,
        text: "macOS will ask for your password in a moment.",
        title: "Apple ID Doctor",
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
    // Transient: kept out of Alfred's clipboard history (and other clipboard managers that honor the flag).
    ...(
      [
        [UIDS.clipboard, "{query}"],
        [UIDS.clipboardReport, `{var:${REPORT_VARIABLES.plain}}`],
        [UIDS.clipboardMarkdown, `{var:${REPORT_VARIABLES.markdown}}`],
      ] as const
    ).map(([uid, clipboardtext]) => ({
      type: "alfred.workflow.output.clipboard",
      uid,
      version: 3,
      config: { autopaste: false, clipboardtext, ignoredynamicplaceholders: false, transient: true },
    })),
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
  connections[UIDS.route] = [
    to(UIDS.clipboard, 0, UIDS.routeCopy),
    to(UIDS.clipboardReport, 0, UIDS.routeCopyReport),
    to(UIDS.clipboardMarkdown, 0, UIDS.routeCopyMarkdown),
    to(UIDS.adminCheck),
    to(UIDS.runScript),
  ];
  connections[UIDS.adminCheck] = [to(UIDS.notifyAdmin, 0, UIDS.adminYes)];
  connections[UIDS.runScript] = [to(UIDS.notifyAction)];
  for (const uid of [UIDS.clipboard, UIDS.clipboardReport, UIDS.clipboardMarkdown])
    connections[uid] = [to(UIDS.notifyCopy)];
  Object.assign(uidata, {
    [UIDS.cmdJunction]: { xpos: 300, ypos: 330, note: "⌘: second fix, or confirm" },
    [UIDS.altJunction]: { xpos: 300, ypos: 430, note: "⌥: copy the report" },
    [UIDS.route]: { xpos: 420, ypos: 355, note: "copy or run?" },
    [UIDS.adminCheck]: { xpos: 600, ypos: 560, note: "asks for a password?" },
    [UIDS.notifyAdmin]: { xpos: 800, ypos: 560 },
    [UIDS.runScript]: { xpos: 600, ypos: 680, note: "fix:<id> or open:<url>" },
    [UIDS.notifyAction]: { xpos: 800, ypos: 680 },
    [UIDS.clipboard]: { xpos: 600, ypos: 80, note: "transient: not kept in clipboard history" },
    [UIDS.clipboardReport]: { xpos: 600, ypos: 240, note: "the report, from the answer's variables" },
    [UIDS.clipboardMarkdown]: { xpos: 600, ypos: 400, note: "the report as Markdown" },
    [UIDS.notifyCopy]: { xpos: 800, ypos: 240 },
  });

  return {
    bundleid: BUNDLE_ID,
    category: "Tools",
    connections,
    createdby: CREATED_BY,
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
    webaddress: HOMEPAGE,
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
