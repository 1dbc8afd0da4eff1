// Java's own verdict on a batch of (pattern, value) pairs: Cognito matches its API model's patterns with
// java.util.regex, so the model test asks Java rather than trusting our translation (provider/pool/model/javaPattern.ts).
import { execFileSync } from "node:child_process";
import { join } from "node:path";

export function javaAvailable(): boolean {
    try {
        execFileSync("java", ["-version"], { stdio: "ignore" });
        return true;
    } catch {
        return false;
    }
}

/** For each [pattern, value]: does Java's Pattern.matches(pattern, value) hold? One JVM for the whole batch. */
export function javaMatches(pairs: readonly [string, string][]): boolean[] {
    if (pairs.length === 0) return [];
    const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
    const input = pairs.map(([p, v]) => `${b64(p)}\t${b64(v)}`).join("\n") + "\n";
    const out = execFileSync("java", [join(__dirname, "JavaMatches.java")], { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const lines = out.trim().split("\n");
    if (lines.length !== pairs.length) throw new Error(`java answered ${lines.length} of ${pairs.length} pattern checks`);
    return lines.map((l) => l === "1");
}
