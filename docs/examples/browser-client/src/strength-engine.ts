// zxcvbn-ts with the common password list, the diceware words and the keyboard graphs of @zxcvbn-ts/language-common.
// Loaded only through import() from strength.ts: esbuild splits it, with its ~0.5 MB of dictionaries, into a chunk of
// its own (chunks/strength-engine-<hash>.js) that the browser fetches when a password is first typed.
import { ZxcvbnFactory, type Score, type TranslationKeys } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/** The store judges only a password's first 64 code points (policy/ZxcvbnStrength): so does this estimate. */
const JUDGED_CODE_POINTS = 64;

// zxcvbn-ts answers feedback as keys; @zxcvbn-ts/language-en would translate them but is not a dependency here.
const english: TranslationKeys = {
  warnings: {
    straightRow: "A straight row of keys is easy to guess.",
    keyPattern: "Short keyboard patterns are easy to guess.",
    simpleRepeat: "Repeated characters such as \"aaa\" are easy to guess.",
    extendedRepeat: "Repeated patterns such as \"abcabcabc\" are easy to guess.",
    sequences: "Sequences such as \"abc\" or \"6543\" are easy to guess.",
    recentYears: "Recent years are easy to guess.",
    dates: "Dates are easy to guess.",
    topTen: "This is one of the ten most used passwords.",
    topHundred: "This is one of the hundred most used passwords.",
    common: "This is a very common password.",
    similarToCommon: "This is close to a very common password.",
    wordByItself: "A word by itself is easy to guess.",
    namesByThemselves: "A name by itself is easy to guess.",
    commonNames: "Common names are easy to guess.",
    userInputs: "It contains your username, email or name.",
    pwned: "This password appeared in a data breach.",
  },
  suggestions: {
    l33t: "Swapping letters for look-alikes (\"@\" for \"a\") does not help much.",
    reverseWords: "Reversed words are not much harder to guess.",
    allUppercase: "Capitalise some letters, not all of them.",
    capitalization: "Capitalising only the first letter does not help much.",
    dates: "Avoid dates and years that are associated with you.",
    recentYears: "Avoid recent years.",
    associatedYears: "Avoid years that are associated with you.",
    sequences: "Avoid sequences.",
    repeated: "Avoid repeated words and characters.",
    longerKeyboardPattern: "Use a longer keyboard pattern with more turns.",
    anotherWord: "Add another word or two. Uncommon words are better.",
    useWords: "Use a few words, but avoid common phrases.",
    noNeed: "No symbols, digits or capital letters are needed.",
    pwned: "If you use this password elsewhere, change it there.",
  },
  timeEstimation: {
    ltSecond: "less than a second", second: "{base} second", seconds: "{base} seconds", minute: "{base} minute",
    minutes: "{base} minutes", hour: "{base} hour", hours: "{base} hours", day: "{base} day", days: "{base} days",
    month: "{base} month", months: "{base} months", year: "{base} year", years: "{base} years",
    centuries: "centuries",
  },
};

const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, translations: english });

export interface Estimate {
  score: Score;
  warning: string | null;
  suggestions: string[];
}

/** zxcvbn's score (0-4) and feedback for the password, the account's words counted as known, in lower case. */
export function estimate(password: string, accountWords: readonly string[]): Estimate {
  const judged = Array.from(password).slice(0, JUDGED_CODE_POINTS).join("");
  const { score, feedback } = zxcvbn.check(judged, accountWords.map((word) => word.toLowerCase()));
  return { score, warning: feedback.warning, suggestions: feedback.suggestions };
}
