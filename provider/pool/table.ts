// The vocabulary of the property table (see properties.ts for the rows).
//
// One row per Cognito member says everything the provider needs to know about it: its Cognito name and
// ours, how a change reaches Cognito, and what Cognito holds when nobody declared it. Its type and
// constraints come from the official API model (model/fromModel.ts), plus the few rules Cognito holds
// stricter than the model, each with its source. check, diff, create, update and read are all walks
// over these rows, so adding a Cognito parameter is adding a row.

export type Shape =
    | {
          kind: "string";
          pattern?: RegExp;
          /** What the pattern means, for the error message ("an ARN", "a region like us-east-1"). */
          format?: string;
          minLength?: number;
          maxLength?: number;
          /** Placeholders Cognito requires in a message template, such as `{####}`. */
          mustContain?: readonly Placeholder[];
      }
    | { kind: "integer"; min?: number; max?: number }
    | { kind: "boolean" }
    | { kind: "enum"; values: readonly string[] }
    /** A list of scalars; `unordered` lists are sets to Cognito, so order never makes a diff. */
    | { kind: "list"; of: Shape; unordered?: boolean; minItems?: number; maxItems?: number }
    /** A list of objects; `sortBy` names the member that gives them a stable order. */
    | { kind: "objectList"; fields: readonly Field[]; sortBy?: string; minItems?: number; maxItems?: number }
    /** `orTrue`: `true` may stand for the object with every member at its default (an opt-in with options). */
    | { kind: "object"; fields: readonly Field[]; orTrue?: boolean }
    /** A string-to-string map whose keys are the user's own (tags): never renamed. */
    | { kind: "map"; maxEntries?: number; maxEntriesWhy?: string; keyLength?: [number, number]; valueLength?: [number, number] };

/** A row as written in the table: a Field whose shape the API model supplies (model/fromModel.ts). */
export interface Row extends Omit<Field, "shape"> {
    /** Only for inputs of our own, which the API model does not have. */
    shape?: Shape;
    /** A structure's members (or those of each item of a list of structures), as rows. */
    fields?: readonly Row[];
    /** A list that is a set to Cognito: its order never makes a diff. */
    unordered?: boolean;
    /** For a list of structures: the member that gives its items a stable order. */
    sortBy?: string;
    /** What Cognito enforces beyond the model, with where that is known from. */
    stricter?: Stricter;
    /** How a pattern reads in an error message, where the model's own wording (model/fromModel.ts) does not fit. */
    format?: string;
    /**
     * Placeholders a message must hold that the model's pattern already requires: named here so that the
     * error says which one is missing (Cognito's stricter ones go in `stricter`).
     */
    mustContain?: readonly Placeholder[];
}

export interface Stricter {
    /** Where the rule comes from: a Cognito error users reported, the developer guide, docs/cognito.md, ... */
    source: string;
    pattern?: RegExp;
    format?: string;
    mustContain?: readonly Placeholder[];
    maxLength?: number;
    maxEntries?: number;
    /** Why the limit is what it is, when that is not obvious (said in the message). */
    why?: string;
    /** Cognito refuses the member outright: why, and what to use instead (said in the message). */
    refused?: string;
}

export interface Placeholder {
    pattern: RegExp;
    /** How the message names it: `{####}`. */
    text: string;
}

/** How a change to a top-level member reaches Cognito. */
export type Apply =
    /** Sent in full with every UpdateUserPool. */
    | "updateUserPool"
    /** Cognito cannot change it: a change means a new pool (and a new pool has none of the old users). */
    | "replace"
    /** Tags: TagResource / UntagResource, and also sent with UpdateUserPool so an update cannot drop them. */
    | "tags"
    /** Schema: attributes can only be added (AddCustomAttributes), never changed or removed. */
    | "addCustomAttributes"
    /** MFA factors: SetUserPoolMfaConfig, always with the whole MFA configuration. */
    | "setUserPoolMfaConfig"
    /** Ours alone (a consent, say): kept in the state; a change is an update that calls Cognito for nothing. */
    | "state"
    /** Read only when the pool is created (adopting an existing pool); later changes mean nothing. */
    | "createOnly"
    /**
     * Passed by the UserPool class, never declared: its resource options and which inputs are secret.
     * Read by diff and update as they are now; a change to them alone is no change to the pool.
     */
    | "options";

export interface Field {
    /** The member's name in the Cognito API. */
    cognito: string;
    /** Where DescribeUserPool reports it, when not under the same name (PoolName is reported as Name). */
    reportedAs?: string;
    /** The member's name in our inputs and outputs. */
    name: string;
    shape: Shape;
    /** Top-level members only. */
    apply?: Apply;
    required?: boolean;
    /** What Cognito holds when the member is not declared (docs/cognito.md, "Defaults Cognito fills in"). */
    default?: unknown;
    /**
     * What an undeclared member means, when `default` does not say it:
     * - (nothing): a scalar is "not set"; an object is built from its members' defaults.
     * - "absent": not set, even for an object (sending an empty one would mean something).
     * - "keep": Cognito fills it with a value of its own (default texts, a setting it cannot unset):
     *   no diff, and updates resend the current value, since UpdateUserPool resets what it is not sent.
     * - "ignore": as "keep", but never sent: Cognito derives it from another member.
     */
    undeclared?: "absent" | "keep" | "ignore";
    /** Why the member is deprecated (the SDK marks it @deprecated; a read never spells it out). */
    deprecated?: string;
    /** The API model's shape this field was resolved from, when it was (model/fromModel.ts). */
    modelShape?: string;
    /** Constraints Cognito holds beyond the model, when any: where that is known from. */
    stricterSource?: string;
    /** Cognito refuses this member whenever it is declared: why, and what to use instead. */
    refused?: string;
    /**
     * A top-level text Cognito keeps as one with another member (the path of the template text it mirrors):
     * both are always sent with the same value, the one declared.
     */
    sameAs?: string;
    /**
     * The value as Cognito holds it once it has filled in what it derives from other members of it (an
     * object's members kept as one): applied to both sides before comparing, and to what is sent.
     */
    normalize?: (value: unknown) => unknown;
    /**
     * The name of the SDK's interface for this object (or each item of this list), `UserPool<sdkName>Args`,
     * where it is not the member's own name (sdk/generate.ts).
     */
    sdkName?: string;
    /**
     * For an "absent" object: whether a value means the member is set (by default, any object: an empty
     * `emailMfaConfiguration: {}` is an email factor). Set on one side and not on the other is a change.
     */
    present?: (value: unknown) => boolean;
}

/** The value Pulumi sends at preview for anything not known yet (`pulumi.runtime.unknownValue`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN;
}

export function childFields(field: Field): readonly Field[] {
    return field.shape.kind === "object" || field.shape.kind === "objectList" ? field.shape.fields : [];
}
