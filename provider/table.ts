// The vocabulary of the property table (see userPoolProperties.ts for the rows).
//
// One row per Cognito member says everything the provider needs to know about it: its Cognito name and
// ours, its type, how a change reaches Cognito, and what Cognito holds when nobody declared it. check,
// diff, create, update and read are all walks over these rows, so adding a Cognito parameter is adding
// a row.

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
    | { kind: "object"; fields: readonly Field[] }
    /** A string-to-string map whose keys are the user's own (tags): never renamed. */
    | { kind: "map"; maxEntries?: number; keyLength?: [number, number]; valueLength?: [number, number] };

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
    | "createOnly";

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
    /** What Cognito holds when the member is not declared (FACTS.md, "Defaults Cognito fills in"). */
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
}

/** The value Pulumi sends at preview for anything not known yet (`pulumi.runtime.unknownValue`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN;
}

export function childFields(field: Field): readonly Field[] {
    return field.shape.kind === "object" || field.shape.kind === "objectList" ? field.shape.fields : [];
}
