// `npm run sdk`: writes sdk/types.generated.ts, the UserPool's input and output types, from three sources:
// - the property table (provider/pool/properties.ts, resourceInputs.ts): every member, its nesting, how a
//   change applies (a replacement), what leaving it out means, and its default;
// - the API model (through the table's shapes): types, enums, ranges, lengths, required members;
// - the prose in sdk/docs/<member>.md, one file per top-level member, a `## <path>` section per property:
//   what it does and an example, never a type, range, default or list of values (tests/sdk/generated.test.ts
//   holds the prose to that, and fails when the generated file is stale).
// So the types cannot disagree with what check enforces: both are the table.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { userPoolProperties } from "../provider/pool/properties";
import { resourceInputs } from "../provider/pool/resourceInputs";
import { Field, Shape } from "../provider/pool/table";
import { TIER_FEATURES } from "../provider/pool/tiers";
import { COMPUTED_OUTPUTS } from "../provider/state/record";

const DOCS = join(__dirname, "docs");
export const TARGET = join(__dirname, "types.generated.ts");

/** The members of UserPoolArgs: the table's rows and our own inputs, but the resource options the class passes. */
const MEMBERS: readonly Field[] = [...userPoolProperties, ...resourceInputs.filter((f) => f.apply !== "options")];

/** The outputs Cognito computes: their types (their prose is in sdk/docs/outputs.md). */
const COMPUTED_TYPES: Record<(typeof COMPUTED_OUTPUTS)[number] | "region", string> = {
    arn: "string",
    endpoint: "string",
    creationDate: "string",
    lastModifiedDate: "string",
    estimatedNumberOfUsers: "number",
    schemaAttributes: "UserPoolSchemaAttribute[]",
    domain: "string | undefined",
    customDomain: "string | undefined",
    region: "string",
};

interface Prose {
    text: string;
    example?: string;
}

/** sdk/docs/*.md: the prose of every property, by path. */
export function readProse(): Map<string, Prose> {
    const prose = new Map<string, Prose>();
    for (const file of readdirSync(DOCS).filter((f) => f.endsWith(".md"))) {
        const sections = readFileSync(join(DOCS, file), "utf8").split(/^## /m).slice(1);
        for (const section of sections) {
            const [heading, ...rest] = section.split("\n");
            const body = rest.join("\n");
            const example = /```ts\n([\s\S]*?)```/.exec(body)?.[1]?.trimEnd();
            const text = body.replace(/```ts\n[\s\S]*?```/g, "").trim();
            prose.set(heading.trim(), { text, example });
        }
    }
    return prose;
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** The name of an object's (or a list item's) interface: `UserPool<Name>Args`, or the row's own. */
function typeName(field: Field): string {
    return `UserPool${field.sdkName ?? pascal(field.name)}Args`;
}

class Writer {
    readonly interfaces = new Map<string, string>();
    private readonly signatures = new Map<string, string>();
    readonly missing: string[] = [];
    constructor(readonly prose: Map<string, Prose>) {}

    /** The interface of an object's members, once per name: two paths may share one only if their members are alike. */
    objectType(name: string, summary: string, fields: readonly Field[], path: string): string {
        const members = fields.map((f) => ({ field: f, path: `${path}.${f.name}`, type: this.inputType(f, `${path}.${f.name}`) }));
        const signature = members.map((m) => `${m.field.name}${m.field.required ? "" : "?"}: ${m.type}`).join("; ");
        const known = this.signatures.get(name);
        if (known !== undefined) {
            if (known !== signature) throw new Error(`${name}: ${path} gives it other members than another path does`);
            return name;
        }
        this.signatures.set(name, signature);
        const body = members.map((m) => `${docComment(this.doc(m.field, m.path), "    ")}\n    ${m.field.name}${m.field.required ? "" : "?"}: ${m.type};`).join("\n\n");
        this.interfaces.set(name, `/** ${summary} */\nexport interface ${name} {\n${body}\n}`);
        return name;
    }

    /** The input type of a shape. */
    inputType(field: Field, path: string): string {
        const shape = field.shape;
        switch (shape.kind) {
            case "string":
                return "pulumi.Input<string>";
            case "integer":
                return "pulumi.Input<number>";
            case "boolean":
                return "pulumi.Input<boolean>";
            case "enum":
                return `pulumi.Input<${shape.values.map((v) => JSON.stringify(v)).join(" | ")}>`;
            case "list":
                return `pulumi.Input<pulumi.Input<${scalar(shape.of)}>[]>`;
            case "map":
                return "pulumi.Input<{ [key: string]: pulumi.Input<string> }>";
            case "object":
                return `pulumi.Input<${shape.orTrue ? "boolean | " : ""}${this.objectType(typeName(field), this.summary(path), shape.fields, path)}>`;
            case "objectList":
                return `pulumi.Input<pulumi.Input<${this.objectType(typeName(field), this.summary(path, true), shape.fields, path)}>[]>`;
        }
    }

    /** A member of UserPoolArgs: every one optional (the class names the pool when no poolName is given). */
    member(field: Field, path: string): string {
        return `${docComment(this.doc(field, path), "    ")}\n    ${field.name}?: ${this.inputType(field, path)};`;
    }

    summary(path: string, item = false): string {
        const text = this.prose.get(path)?.text ?? "";
        const first = text.split(/(?<=\.)\s/)[0] || path;
        return item ? `One item of ${path}: ${first}` : first;
    }

    /** A property's documentation: its prose, then what the table and the model say. */
    doc(field: Field, path: string): string[] {
        const prose = this.prose.get(path);
        if (!prose || !prose.text) this.missing.push(path);
        const lines: string[] = [prose?.text ?? ""];
        const facts = factsOf(field, path);
        if (facts.length > 0) lines.push("", facts.join(" "));
        if (field.deprecated) lines.push("", `@deprecated ${field.deprecated}`);
        if (!field.required) lines.push("", `@default ${defaultOf(field, path)}`);
        if (prose?.example) lines.push("@example", "```ts", prose.example, "```");
        return lines;
    }
}

function scalar(shape: Shape): string {
    if (shape.kind === "enum") return shape.values.map((v) => JSON.stringify(v)).join(" | ");
    return shape.kind === "integer" ? "number" : shape.kind;
}

/** What the table and the model say of a property, in words. */
function factsOf(field: Field, path: string): string[] {
    const facts: string[] = [];
    const shape = field.shape;
    if (field.apply === "replace") facts.push("Changing it replaces the pool: a new, empty pool (see `allowReplacementWithUsers`).");
    switch (shape.kind) {
        case "string": {
            if (shape.minLength !== undefined && shape.maxLength !== undefined) facts.push(`${shape.minLength}–${shape.maxLength} characters.`);
            else if (shape.maxLength !== undefined) facts.push(`At most ${shape.maxLength} characters.`);
            if (shape.format) facts.push(`It must be ${shape.format}.`);
            if (shape.mustContain?.length) facts.push(`It must contain ${shape.mustContain.map((p) => `\`${p.text}\``).join(" and ")}.`);
            break;
        }
        case "integer":
            if (shape.min !== undefined || shape.max !== undefined) facts.push(`From ${shape.min ?? "-∞"} to ${shape.max ?? "∞"}.`);
            break;
        case "list":
        case "objectList":
            if (shape.minItems !== undefined || shape.maxItems !== undefined) facts.push(`${shape.minItems ?? 0}–${shape.maxItems ?? "any number of"} items.`);
            if (shape.kind === "list" && shape.unordered) facts.push("Their order does not matter.");
            break;
        case "map":
            if (shape.maxEntries !== undefined) facts.push(`At most ${shape.maxEntries} entries${shape.maxEntriesWhy ? ` (${shape.maxEntriesWhy})` : ""}.`);
            break;
    }
    for (const feature of TIER_FEATURES.filter((f) => f.path === path)) facts.push(`It turns on ${feature.feature}, which needs the ${feature.needs}${feature.needs === "ESSENTIALS" ? " or PLUS" : ""} tier.`);
    if (field.refused) facts.push(`Cognito refuses it: ${field.refused}.`);
    return facts;
}

/** Outputs every pool has (Cognito always reports its name). */
const ALWAYS = ["poolName"];

/** Defaults the UserPool class (sdk/userPool.ts) fills in itself. */
const CLASS_DEFAULTS: Record<string, string> = {
    poolName: "the Pulumi resource name (an adopted pool keeps its own)",
    region: "the stack's `aws:region`, else the AWS SDK's default region",
};

/** What leaving a property out means: its default, or what Cognito does. */
function defaultOf(field: Field, path: string): string {
    if (CLASS_DEFAULTS[path]) return CLASS_DEFAULTS[path];
    if (field.default !== undefined) return `\`${JSON.stringify(field.default)}\``;
    switch (field.undeclared) {
        case "keep":
            return "Cognito's own; left as the pool has it while you do not declare it";
        case "ignore":
            return "Cognito's own (it derives it from another member); never sent";
        case "absent":
            return "not set; leaving it out switches it off";
    }
    if (field.shape.kind === "object") return "each member's default";
    if (field.shape.kind === "boolean") return "`false`";
    return "not set";
}

function docComment(lines: string[], indent: string): string {
    const text = lines.join("\n").replace(/\n{3,}/g, "\n\n").trim().split("\n");
    return [`${indent}/**`, ...text.map((l) => `${indent} *${l ? ` ${l}` : ""}`), `${indent} */`].join("\n");
}

/** The generated module's text. */
export function generatedTypes(): { text: string; missing: string[] } {
    const writer = new Writer(readProse());
    const args = MEMBERS.map((f) => writer.member(f, f.name)).join("\n\n");
    const outputs = [
        // region is an input and always an output (the pool's own): typed with the computed outputs.
        ...MEMBERS.filter((f) => !(f.name in COMPUTED_TYPES)).map((f) => `${docComment(outputDoc(writer, f), "    ")}\n    ${f.name}${ALWAYS.includes(f.name) ? "" : "?"}: ${plain(f)};`),
        ...Object.entries(COMPUTED_TYPES).map(([name, type]) => {
            const prose = writer.prose.get(`outputs.${name}`);
            if (!prose) writer.missing.push(`outputs.${name}`);
            return `${docComment([prose?.text ?? ""], "    ")}\n    ${name}: ${type};`;
        }),
    ].join("\n\n");
    const text = [
        "// GENERATED by `npm run sdk` (sdk/generate.ts) from the property table (provider/pool), the API model and the",
        "// prose in sdk/docs/. Do not edit: tests/sdk/generated.test.ts fails when this file is not what the generator makes.",
        'import * as pulumi from "@pulumi/pulumi";',
        "",
        "/** The settings of a {@link UserPool}: every CreateUserPool parameter, in lowerCamelCase, and the resource's own. */",
        `export interface UserPoolArgs {\n${args}\n}`,
        "",
        ...[...writer.interfaces.values()].flatMap((t) => [t, ""]),
        "/** An attribute of the pool as Cognito reports it (the `schemaAttributes` output). */",
        "export interface UserPoolSchemaAttribute extends Omit<pulumi.Unwrap<UserPoolSchemaAttributeArgs>, \"name\"> {",
        "    /** The name as Cognito reports it: `email`, `custom:tenant`, or `dev:custom:tenant` for a developer-only attribute. */",
        "    name: string;",
        "}",
        "",
        "/** Every output of a {@link UserPool}: each input as the pool holds it, and what Cognito computes. */",
        `export interface UserPoolOutputs {\n${outputs}\n}`,
        "",
    ].join("\n");
    return { text, missing: writer.missing };
}

/** An input's output: the first paragraph of its prose, and whose value it is. */
function outputDoc(writer: Writer, field: Field): string[] {
    const first = (writer.prose.get(field.name)?.text ?? "").split("\n\n")[0];
    const whose =
        field.apply === "state" || field.apply === "createOnly"
            ? "As the program last applied declared it."
            : field.undeclared === "keep" || field.undeclared === "ignore"
              ? "As the pool holds it, where this UserPool declares it (Cognito's own choice is not an output)."
              : "As the pool holds it.";
    return [first, "", whose];
}

/** An output's type: the input's, unwrapped. */
function plain(field: Field): string {
    const shape = field.shape;
    switch (shape.kind) {
        case "string":
            return "string";
        case "integer":
            return "number";
        case "boolean":
            return "boolean";
        case "enum":
            return shape.values.map((v) => JSON.stringify(v)).join(" | ");
        case "list":
            return `(${scalar(shape.of)})[]`;
        case "map":
            return "{ [key: string]: string }";
        case "object":
            return shape.orTrue ? `boolean | pulumi.Unwrap<${typeName(field)}>` : `pulumi.Unwrap<${typeName(field)}>`;
        case "objectList":
            return `pulumi.Unwrap<${typeName(field)}>[]`;
    }
}

if (require.main === module) {
    const { text, missing } = generatedTypes();
    if (missing.length > 0) throw new Error(`sdk/docs/ has no prose for: ${missing.join(", ")}`);
    writeFileSync(TARGET, text);
    console.log(`wrote ${TARGET}`);
}
