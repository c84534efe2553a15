// The CLI's one-line answer to an old Node, before it loads anything that
// needs Node 22. Same wording as scripts/check-node.cjs (a test holds them together).

const NEEDED = 22;

export function nodeVersionProblem(version: string): string | undefined {
  const bare = version.replace(/^v/, "");
  if (Number(bare.split(".")[0]) >= NEEDED) return undefined;
  return (
    `Apple ID Doctor needs Node ${NEEDED} or later, and this is Node ${bare}: ` +
    `run \`nvm install\` here (it reads .nvmrc) or install Node ${NEEDED} from nodejs.org, then try again.`
  );
}
