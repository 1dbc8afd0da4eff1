// Which accounts of the old pool the new one can hold, and as what: pure, so that the preview's counts,
// the copy and the check before the old pool's deletion all follow the same rules.
//
// A user is identified in a pool by its username, which Cognito compares with or without case
// (UsernameConfiguration.CaseSensitive); a pool that signs in by email or phone (UsernameAttributes)
// takes the email or phone number as the username at AdminCreateUser and names the user with its `sub`
// (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-usernames).
import { isCustom, shortName } from "../pool/attributes";
import { userPoolProperties } from "../pool/properties";
import { childFields, Field } from "../pool/table";

type Props = Record<string, any>;

/** What the new pool accepts: its sign-in rules and the attributes it declares. */
export interface NewPoolRules {
    /** "email" and/or "phone_number": what users sign in with instead of a username; empty for usernames. */
    usernameAttributes: string[];
    caseSensitive: boolean;
    /** Custom attributes the new pool has, as `custom:<name>`. */
    customAttributes: Set<string>;
    /** Standard attributes the new pool requires of every user. */
    required: string[];
    /** The custom attribute (`custom:<name>`) that keeps the old pool's `sub`, if the program names one. */
    keepSubAs?: string;
}

/** A user as ListUsers reports one. */
export interface OldUser {
    Username: string;
    Attributes?: { Name: string; Value?: string }[];
    Enabled?: boolean;
    UserStatus?: string;
}

/** One account to copy: the username to create it with, the key that finds it in the new pool, what it holds. */
export interface Copy {
    from: string;
    username: string;
    key: string;
    attributes: Record<string, string>;
    enabled: boolean;
}

/** Why accounts cannot be copied: counts only (usernames and emails are personal data, never printed). */
export type Reason = "no email" | "no email or phone number" | "no phone number" | "same name but for case" | "missing a required attribute";

export interface CopyPlan {
    copies: Copy[];
    /** Accounts the new pool cannot hold, by reason. */
    notCopyable: Partial<Record<Reason, number>>;
    /** Federated accounts (EXTERNAL_PROVIDER): they come back at their next sign-in through their identity provider. */
    federated: number;
    /** Old username -> the key of its copy, for the memberships. */
    keyOf: Map<string, string>;
}

/** Attributes Cognito assigns or derives, never written: `sub` is the pool's, `identities` the federation's. */
const NOT_WRITABLE = new Set(["sub", "identities"]);

/** What a new pool holds for a member the program leaves out: the property table's default. */
function tableDefault(...path: string[]): unknown {
    let fields: readonly Field[] = userPoolProperties;
    let field: Field | undefined;
    for (const name of path) {
        field = fields.find((f) => f.name === name);
        if (!field) return undefined;
        fields = childFields(field);
    }
    return field?.default;
}

/** The rules of the new pool as the program declares it (for the preview, before the pool exists). */
export function rulesFromInputs(inputs: Props): NewPoolRules {
    const schema: Props[] = Array.isArray(inputs.schema) ? inputs.schema : [];
    const usernameAttributes = inputs.usernameAttributes ?? tableDefault("usernameAttributes");
    return {
        usernameAttributes: Array.isArray(usernameAttributes) ? usernameAttributes : [],
        caseSensitive: (inputs.usernameConfiguration?.caseSensitive ?? tableDefault("usernameConfiguration", "caseSensitive")) !== false,
        customAttributes: new Set(schema.filter((a) => typeof a?.name === "string" && isCustom(a.name)).map((a) => `custom:${shortName(a.name)}`)),
        required: schema.filter((a) => typeof a?.name === "string" && !isCustom(a.name) && a.required === true).map((a) => a.name),
        keepSubAs: keepSubAttribute(inputs),
    };
}

/** The rules of the new pool as Cognito has it (DescribeUserPool). */
export function rulesFromPool(pool: Props, keepSubAs: string | undefined): NewPoolRules {
    const attributes: Props[] = pool.SchemaAttributes ?? [];
    return {
        usernameAttributes: pool.UsernameAttributes ?? tableDefault("usernameAttributes") ?? [],
        // DescribeUserPool leaves UsernameConfiguration out for a pool created without one (the table's default).
        caseSensitive: (pool.UsernameConfiguration?.CaseSensitive ?? tableDefault("usernameConfiguration", "caseSensitive")) !== false,
        customAttributes: new Set(attributes.filter((a) => isCustom(a.Name)).map((a) => `custom:${shortName(a.Name)}`)),
        // `sub` is required of every pool, and assigned by it.
        required: attributes.filter((a) => !isCustom(a.Name) && a.Required === true && !NOT_WRITABLE.has(a.Name)).map((a) => a.Name),
        keepSubAs,
    };
}

/** `copyUsersOnReplacement`: true or an object turns it on. */
export function copyOption(props: Props): Props | undefined {
    const option = props.copyUsersOnReplacement;
    if (option === true) return {};
    return typeof option === "object" && option !== null ? option : undefined;
}

/** The custom attribute that keeps the old `sub`, as Cognito names it. */
export function keepSubAttribute(props: Props): string | undefined {
    const name = copyOption(props)?.keepSubAs;
    return typeof name === "string" && name !== "" ? `custom:${shortName(name)}` : undefined;
}

export function attributesOf(user: OldUser): Record<string, string> {
    return Object.fromEntries((user.Attributes ?? []).filter((a) => a.Value !== undefined).map((a) => [a.Name, a.Value as string]));
}

/** The key that finds a user of a pool with these rules: its sign-in name, folded when the pool ignores case. */
export function keyIn(rules: NewPoolRules, username: string): string {
    return rules.caseSensitive ? username : username.toLowerCase();
}

/** The key of a user as the new pool lists it (a pool that signs in by email names its users by `sub`). */
export function listedKey(rules: NewPoolRules, user: OldUser): string | undefined {
    if (rules.usernameAttributes.length === 0) return keyIn(rules, user.Username);
    const attributes = attributesOf(user);
    const name = signInName(rules, attributes);
    return name === undefined ? undefined : keyIn(rules, name);
}

function signInName(rules: NewPoolRules, attributes: Record<string, string>): string | undefined {
    for (const attribute of rules.usernameAttributes) if (attributes[attribute]) return attributes[attribute];
    return undefined;
}

function noSignInName(rules: NewPoolRules): Reason {
    const a = rules.usernameAttributes;
    return a.includes("email") && a.includes("phone_number") ? "no email or phone number" : a.includes("email") ? "no email" : "no phone number";
}

/**
 * The copies of `users` the new pool can hold. Sorted by old username first, so that which of two names
 * that differ only in case is copied does not depend on the order ListUsers answers in.
 */
export function planCopy(users: readonly OldUser[], rules: NewPoolRules): CopyPlan {
    const plan: CopyPlan = { copies: [], notCopyable: {}, federated: 0, keyOf: new Map() };
    const taken = new Set<string>();
    const refuse = (reason: Reason) => (plan.notCopyable[reason] = (plan.notCopyable[reason] ?? 0) + 1);
    for (const user of [...users].sort((a, b) => (a.Username < b.Username ? -1 : a.Username > b.Username ? 1 : 0))) {
        if (user.UserStatus === "EXTERNAL_PROVIDER") {
            plan.federated++;
            continue;
        }
        const old = attributesOf(user);
        const username = rules.usernameAttributes.length > 0 ? signInName(rules, old) : user.Username;
        if (username === undefined) {
            refuse(noSignInName(rules));
            continue;
        }
        if (rules.required.some((name) => !old[name])) {
            refuse("missing a required attribute");
            continue;
        }
        const key = keyIn(rules, username);
        if (taken.has(key)) {
            refuse("same name but for case");
            continue;
        }
        taken.add(key);
        const attributes: Record<string, string> = {};
        for (const [name, value] of Object.entries(old)) {
            if (NOT_WRITABLE.has(name) || name.startsWith("dev:")) continue;
            if (isCustom(name) && !rules.customAttributes.has(name)) continue;
            attributes[name] = value;
        }
        if (rules.keepSubAs && old.sub) attributes[rules.keepSubAs] = old.sub;
        plan.copies.push({ from: user.Username, username, key, attributes, enabled: user.Enabled !== false });
        plan.keyOf.set(user.Username, key);
    }
    return plan;
}

export function notCopyableCount(plan: CopyPlan): number {
    return Object.values(plan.notCopyable).reduce((n, c) => n + (c ?? 0), 0);
}

/** "2 without an email, 1 whose name differs from another's only in case": counts, never names. */
export function describeNotCopyable(plan: CopyPlan): string {
    const words: Record<Reason, string> = {
        "no email": "without an email",
        "no phone number": "without a phone number",
        "no email or phone number": "without an email or a phone number",
        "same name but for case": "whose name differs from another's only in case",
        "missing a required attribute": "missing an attribute the new pool requires",
    };
    return (Object.entries(plan.notCopyable) as [Reason, number][]).map(([reason, n]) => `${n} ${words[reason]}`).join(", ");
}
