// Plans printed the way the Pulumi CLI prints them: + create, ~ update, +- replace, - delete.
import { Step } from "./engine";

const SYMBOL: Record<string, string> = { create: "+ ", update: "~ ", replace: "+-", delete: "- ", same: "  ", read: "> ", refresh: "~ " };

/** `aws:cognito/userPoolClient:UserPoolClient` → `aws:cognito:UserPoolClient`, as the CLI shows types. */
export function displayType(type: string): string {
    const dynamic = /^pulumi-nodejs:dynamic\/(.+):(.+)$/.exec(type);
    if (dynamic) return `${dynamic[1]}:${dynamic[2]}`;
    const [pkg, module, name] = type.split(":");
    return `${pkg}:${module.split("/")[0]}:${name}`;
}

const PLANNED: Record<string, string> = { create: "to create", update: "to update", replace: "to replace", delete: "to delete", same: "unchanged", refresh: "refreshed", read: "to read" };
const DONE: Record<string, string> = { create: "created", update: "updated", replace: "replaced", delete: "deleted", same: "unchanged", refresh: "refreshed", read: "read" };

/** `tense` "plan" for a preview (what will happen), "done" for an update (what happened). */
export function planText(title: string, steps: Step[], tense: "plan" | "done" = "plan", options: { showSame?: boolean } = {}): string {
    const shown = steps.filter((s) => options.showSame || s.op !== "same");
    const typeWidth = Math.max(4, ...shown.map((s) => displayType(s.type).length));
    const nameWidth = Math.max(4, ...shown.map((s) => s.name.length));
    const lines = [title, "", `     ${"Type".padEnd(typeWidth)}  ${"Name".padEnd(nameWidth)}  ${tense === "plan" ? "Plan" : "Status"}`];
    for (const step of shown) {
        const info: string[] = [];
        if (step.changed?.length) info.push(`[diff: ${step.changed.map((p) => `~${p}`).join(", ")}]`);
        if (step.replaces?.length) info.push(`[replace because: ${step.replaces.join(", ")} cannot change]`);
        const status = tense === "plan" ? step.op : DONE[step.op];
        lines.push(` ${SYMBOL[step.op]}  ${displayType(step.type).padEnd(typeWidth)}  ${step.name.padEnd(nameWidth)}  ${status}${info.length ? "  " + info.join(" ") : ""}`);
    }
    const counts = new Map<string, number>();
    for (const step of steps) counts.set(step.op, (counts.get(step.op) ?? 0) + 1);
    const verb = tense === "plan" ? PLANNED : DONE;
    lines.push("", "Resources:");
    for (const [op, n] of counts) lines.push(`    ${SYMBOL[op].trim() || " "} ${n} ${verb[op] ?? op}`);
    return lines.join("\n");
}
