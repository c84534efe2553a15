// Stryker ignorer: string mutants of user-facing wording ("Your clock is 9
// minutes fast…") only prove that no test pins a sentence, which wording
// tests do on purpose in a few places and not everywhere. Issue 19 allows
// leaving them out; nothing else is. A literal counts as wording when it
// reads as words (two or more, with letters) and is not text that code
// compares, matches or looks up: parsers' match strings, IDs and paths stay
// mutated. Parsers are never treated as wording: their strings are what
// they look for.
import { PluginKind, declareValuePlugin } from "@stryker-mutator/api/plugin";

const MATCHING_METHODS = new Set([
  "includes",
  "startsWith",
  "endsWith",
  "indexOf",
  "lastIndexOf",
  "match",
  "matchAll",
  "split",
  "replace",
  "replaceAll",
  "search",
  "test",
  "has",
  "get",
  "set",
  "add",
  "delete",
]);
const COMPARISONS = new Set(["===", "!==", "==", "!="]);

const textOf = (path) => {
  if (path.isStringLiteral()) return path.node.value;
  if (path.isTemplateLiteral()) return path.node.quasis.map((q) => q.value.cooked ?? "").join(" ");
  return undefined;
};

const readsAsWords = (text) => /[A-Za-z]{2,}[^\n]*\s+\S*[A-Za-z]/.test(text) && !/^[\w./:-]+$/.test(text);

function isMatchedOrCompared(path) {
  const parent = path.parentPath;
  if (!parent) return false;
  if (parent.isBinaryExpression() && COMPARISONS.has(parent.node.operator)) return true;
  if (parent.isSwitchCase()) return true;
  if (parent.isCallExpression() && parent.node.arguments.includes(path.node)) {
    const callee = parent.node.callee;
    if (callee.type === "MemberExpression" && callee.property.type === "Identifier") {
      return MATCHING_METHODS.has(callee.property.name);
    }
    if (callee.type === "Identifier" && callee.name === "RegExp") return true;
  }
  // obj["some key"]: a lookup, not wording.
  if (parent.isMemberExpression() && parent.node.computed) return true;
  return false;
}

const inParser = (path) => /[\\/]src[\\/]core[\\/]parse[\\/]/.test(path.hub?.file?.opts?.filename ?? "");

export const wordingIgnorer = {
  shouldIgnore(path) {
    const text = textOf(path);
    if (text === undefined || !readsAsWords(text)) return undefined;
    if (inParser(path) || isMatchedOrCompared(path)) return undefined;
    return "User wording (issue 19 allows excluding string mutants of wording)";
  },
};

export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, "wording", wordingIgnorer)];
