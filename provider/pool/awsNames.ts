// The names @pulumi/aws's aws.cognito.UserPool gives its arguments, where UserPool names the setting
// otherwise: check's "did you mean" for a program moving from @pulumi/aws, and the table of
// docs/migrating-from-aws.md. Only what differs is written here: an argument not listed (nor under a listed
// one) is UserPool's under the same path; a listed one renames its members with it (`passwordPolicy.x` is
// `policies.passwordPolicy.x`). Paths are dotted, [] for any item of a list. tests/examples/migration.test.ts fails
// when the installed @pulumi/aws has an argument that maps to no UserPool input, or this table names one it
// no longer has, or the guide's table disagrees.

export interface AwsName {
    /** Our path for the same setting, or null where UserPool has none (reason says why). */
    readonly ours: string | null;
    readonly reason?: string;
    /** What differs beyond the name. */
    readonly note?: string;
}

export const awsNames: {
    readonly package: string;
    readonly version: string;
    readonly resource: string;
    /** The arguments UserPool names otherwise (their members renamed with them). */
    readonly renames: Readonly<Record<string, AwsName>>;
    /** What differs beyond the name, for arguments UserPool names alike. */
    readonly notes: Readonly<Record<string, string>>;
    /** The @pulumi/aws outputs that are not arguments. */
    readonly outputs: Readonly<Record<string, AwsName>>;
} = {
    package: "@pulumi/aws",
    version: "7.48.0",
    resource: "aws.cognito.UserPool",
    renames: {
        name: {
            ours: "poolName",
            note: "@pulumi/aws names the pool after the resource with a random suffix when name is not given; UserPool names it after the resource, without a suffix. An adopted pool (existingPoolId) keeps its name unless poolName is given.",
        },
        tags: {
            ours: "userPoolTags",
            note: "The same tags. There are no provider-level default tags (tagsAll in @pulumi/aws): declare every tag here.",
        },
        passwordPolicy: { ours: "policies.passwordPolicy", note: "Nested under policies, as in CreateUserPool's Policies." },
        signInPolicy: { ours: "policies.signInPolicy", note: "Nested under policies, as in CreateUserPool's Policies." },
        schemas: { ours: "schema", note: "One attribute per item, custom attributes named without the custom: prefix, as in @pulumi/aws." },
        "emailConfiguration.fromEmailAddress": { ours: "emailConfiguration.from", note: "CreateUserPool's EmailConfiguration.From." },
        "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdates": {
            ours: "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate",
            note: "Singular, as CreateUserPool names it (AttributesRequireVerificationBeforeUpdate).",
        },
    },
    notes: {
        emailVerificationMessage: "Legacy: kept as one with verificationMessageTemplate.emailMessage; prefer that.",
        emailVerificationSubject: "Legacy: kept as one with verificationMessageTemplate.emailSubject; prefer that.",
        smsVerificationMessage: "Legacy: kept as one with verificationMessageTemplate.smsMessage; prefer that.",
        "lambdaConfig.preTokenGeneration": "One trigger with lambdaConfig.preTokenGenerationConfig.lambdaArn: declare either.",
        mfaConfiguration: "Needs a factor when ON or OPTIONAL: softwareTokenMfaConfiguration, smsConfiguration or emailMfaConfiguration.",
        region: "Defaults to the stack's aws:region; a different region is a new pool.",
    },
    outputs: {
        "id": {
            "ours": "id",
            "note": "The pool id, as in @pulumi/aws."
        },
        "arn": {
            "ours": "arn",
            "note": "Unknown in an update's preview (a dynamic provider cannot preview); known after pulumi up."
        },
        "endpoint": {
            "ours": "endpoint"
        },
        "creationDate": {
            "ours": "creationDate"
        },
        "lastModifiedDate": {
            "ours": "lastModifiedDate"
        },
        "estimatedNumberOfUsers": {
            "ours": "estimatedNumberOfUsers"
        },
        "domain": {
            "ours": "domain"
        },
        "customDomain": {
            "ours": "customDomain"
        },
        "tagsAll": {
            "ours": null,
            "reason": "There are no provider-level default tags: userPoolTags is every tag the program declares (the provider's own create-token tag is never shown)."
        }
    },
};

/** Our name for an argument of @pulumi/aws's: renamed under the nearest listed path, else the same path. */
export function ourName(awsPath: string): AwsName & { renamedAt?: string } {
    const segments = awsPath.split(".");
    for (let n = segments.length; n > 0; n--) {
        // A list's items (`schemas[]`) are renamed with the list (`schemas`).
        const last = segments[n - 1];
        const items = last.endsWith("[]") ? "[]" : "";
        const prefix = [...segments.slice(0, n - 1), last.slice(0, last.length - items.length)].join(".");
        const rename = awsNames.renames[prefix];
        if (!rename) continue;
        if (rename.ours === null) return { ...rename, renamedAt: prefix };
        const ours = [`${rename.ours}${items}`, ...segments.slice(n)].join(".");
        return { ours, note: n === segments.length && !items ? rename.note : awsNames.notes[awsPath], renamedAt: prefix };
    }
    return { ours: awsPath, note: awsNames.notes[awsPath] };
}
