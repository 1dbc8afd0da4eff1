// Cognito checks each string against its API model's pattern as a Java regex over the whole value
// (java.util.regex, Matcher.matches). JavaScript's RegExp differs where it matters here, so the model's
// patterns are translated, not copied:
// - `\s` is ASCII whitespace in Java ([ \t\n\x0B\f\r]); JavaScript's also takes NBSP, BOM, U+2028, ...
// - `.` stops at Java's line terminators (\n \r \u0085 \u2028 \u2029) unless (?s) is on; JavaScript's
//   `.` lets \u0085 through.
// - `\p{L}` and the other Unicode classes need JavaScript's `u` flag, and then mean what Java's do.
// - matches() is anchored at both ends.

const JAVA_SPACE = " \\t\\n\\x0B\\f\\r";
const JAVA_LINE_END = "\\n\\r\\u0085\\u2028\\u2029";

/** The JavaScript RegExp that accepts exactly what Java's `Pattern.matches(pattern, value)` accepts. */
export function javaPattern(pattern: string): RegExp {
    let source = pattern;
    let dotAll = false;
    if (source.startsWith("(?s)")) {
        dotAll = true;
        source = source.slice(4);
    }
    let out = "";
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === "\\") {
            const next = source[i + 1];
            i++;
            if (next === "s") out += inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
            else if (next === "S") out += inClass ? unsupported(pattern, "\\S inside a class") : `[^${JAVA_SPACE}]`;
            else if (next === "p" || next === "P") {
                const end = source.indexOf("}", i);
                out += "\\" + source.slice(i, end + 1);
                i = end;
            } else out += "\\" + next;
            continue;
        }
        if (inClass) {
            if (c === "]") inClass = false;
            else if (c === "[" ) unsupported(pattern, "a nested class");
            // An unescaped `-` or other character inside a class means the same in both, but the `u`
            // flag refuses some needless escapes; the model uses none of them.
            out += c;
            continue;
        }
        if (c === "[") {
            inClass = true;
            out += c;
            if (source[i + 1] === "^") {
                out += "^";
                i++;
            }
            continue;
        }
        if (c === ".") {
            out += dotAll ? "[\\s\\S]" : `[^${JAVA_LINE_END}]`;
            continue;
        }
        out += c;
    }
    const body = out.replace(/^\^/, "").replace(/\$$/, "");
    return new RegExp(`^(?:${body})$`, "u");
}

function unsupported(pattern: string, what: string): never {
    throw new Error(`The API model's pattern ${pattern} uses ${what}, which javaPattern does not translate yet`);
}
