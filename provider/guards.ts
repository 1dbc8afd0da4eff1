// What stands between a user and losing their users' accounts: a replacement or a deletion of a pool
// that has users needs the user's consent (allowReplacementWithUsers), the way Pulumi's own `protect`
// needs to be lifted before a destroy. The messages say what is at stake and exactly what to do.
//
// Consent has to outlive the process that saw it. The engine replaces a pool in three steps (Diff,
// Create of the new pool, Delete of the old one), and when that Delete fails the old pool stays in state
// pending deletion: every later `pulumi up` retries only the Delete, with the old pool's outputs, in a new
// host process (pkg/resource/deploy/step_generator.go, GenerateDeletes). So a consented replacement also
// tags the old pool in Cognito (CONSENT_TAG) once the new pool exists, and a later Delete finds it there.
import { TagResourceCommand } from "@aws-sdk/client-cognito-identity-provider";
import { send } from "./cognitoCalls";
import { PROVIDER_TAG_PREFIX } from "./poolState";
import { describe, label } from "./reads";
import { regionOfPool } from "./resourceInputs";

type Props = Record<string, any>;

const PROTECT_DOC = "https://www.pulumi.com/docs/iac/concepts/options/protect/";

/** On a pool being replaced with the user's consent: its deletion, whenever it comes, is consented. */
export const CONSENT_TAG = `${PROVIDER_TAG_PREFIX}replacement-consented`;

/** Pools whose replacement the user consented to in this process, with their ARNs (to tag them). */
const consentedReplacements = new Map<string, string | undefined>();
/** `poolName|region` of every UserPool whose declaration consents, seen in this process. */
const consentingDeclarations = new Set<string>();

export function consents(props: Props): boolean {
    return props.allowReplacementWithUsers === true;
}

/** The old pool stays (the retainOnDelete resource option): a replacement loses no user. */
export function retained(props: Props): boolean {
    return props.resourceOptions?.retainOnDelete === true;
}

function declarationKey(props: Props, id?: string): string {
    return `${props.poolName}|${props.region ?? regionOfPool(id)}`;
}

/** Diff sees every declaration: one that consents also covers a deletion left pending by an earlier run. */
export function noteConsent(id: string, news: Props): void {
    if (consents(news)) consentingDeclarations.add(declarationKey(news, id));
}

/**
 * At preview and before any change: a replacement is refused when the old pool could not be deleted
 * afterwards (deletion protection: it would stay pending deletion forever), or when it has users and the
 * declaration does not consent. The count is the pool's live one, read here (the count in state is only
 * as fresh as the last refresh). With retainOnDelete the engine keeps the old pool, so nothing is lost.
 */
export async function checkReplacement(id: string, olds: Props, news: Props, reasons: string[]): Promise<void> {
    if (retained(news)) return;
    const pool = await describe(id);
    if (pool?.DeletionProtection === "ACTIVE") {
        throw new Error(
            `User pool ${label(id, olds)} has deletion protection ACTIVE, and this change replaces it: ${reasons.join("; ")}.\n` +
                "Cognito would refuse to delete the old pool once the new one exists, and it would stay pending deletion on every later " +
                "`pulumi up`. Nothing was changed. Switch deletion protection off first (deletionProtection: \"INACTIVE\", `pulumi up`), then " +
                "make this change; or keep the old pool with the retainOnDelete resource option.",
        );
    }
    if (consents(news)) {
        consentedReplacements.set(id, olds.arn ?? pool?.Arn);
        return;
    }
    const users = Number(pool?.EstimatedNumberOfUsers ?? 0);
    if (users === 0) return;
    throw new Error(
        `User pool ${label(id, olds)} has ${users} user${users === 1 ? "" : "s"}, and this change replaces it: ` +
            `${reasons.join("; ")}.\nA replacement creates a new, empty pool and deletes this one with its users' accounts. Nothing was changed.\n` +
            `To go ahead and lose those accounts, add allowReplacementWithUsers: true to this UserPool and run \`pulumi up\` again. ` +
            "To keep them, put the setting back as it was, or keep the old pool with the retainOnDelete resource option. " +
            "(README: \"Protecting your users\".)",
    );
}

/**
 * After a new pool was created (only `pulumi up` creates): record in Cognito, on each old pool whose
 * replacement was consented in this process, that its deletion is consented. Best effort: this process
 * remembers it anyway, and a failure here must not fail the create.
 */
export async function recordConsents(): Promise<void> {
    for (const [id, arn] of [...consentedReplacements]) {
        if (!arn) continue;
        await send(new TagResourceCommand({ ResourceArn: arn, Tags: { [CONSENT_TAG]: "true" } }), {
            what: `record on user pool ${id} that its replacement was consented`,
            region: regionOfPool(id),
        }).then(
            () => consentedReplacements.set(id, undefined),
            () => undefined,
        );
    }
}

/** The user consented to losing the pool's users, as far as is known without asking Cognito. */
export function consentKnown(id: string, props: Props): boolean {
    return consents(props) || consentedReplacements.has(id) || consentingDeclarations.has(declarationKey(props, id));
}

/** Before DeleteUserPool: the pool's live user count, unless the user consented (in state, in Cognito, or in this deployment). */
export function checkDeletion(id: string, props: Props, pool: Props): void {
    const liveUsers = Number(pool.EstimatedNumberOfUsers ?? 0);
    const consented =
        consents(props) ||
        consentedReplacements.has(id) ||
        pool.UserPoolTags?.[CONSENT_TAG] === "true" ||
        consentingDeclarations.has(declarationKey(props, id));
    if (consented || liveUsers === 0) return;
    throw new Error(
        `Could not delete user pool ${label(id, props)}: it has ${liveUsers} user${liveUsers === 1 ? "" : "s"}, whose accounts would be lost. Nothing was deleted.\n` +
            "To delete it with them, add allowReplacementWithUsers: true to this UserPool (or, for a pool left pending deletion by a replacement, " +
            "to the UserPool that replaced it), run `pulumi up`, then destroy it (or remove it from your program). To stop managing it but keep it, " +
            `run \`pulumi state delete <urn>\`. Pulumi's \`protect: true\` resource option refuses any deletion outright: ${PROTECT_DOC}`,
    );
}

/** Schema changes Cognito cannot make, and the user's options. */
export function schemaRefusal(id: string, props: Props, refused: string[]): Error {
    return new Error(
        `User pool ${label(id, props)}: Cognito cannot make this schema change, so nothing was changed.\n` +
            refused.map((r) => `  - ${r}`).join("\n") +
            "\nCognito can add custom attributes but never modify or remove one. Put the attribute back as it was, or add a new " +
            "attribute under another name. To replace the pool instead (a new, empty pool: its users are not carried over), " +
            "add replaceOnSchemaChange: true to this UserPool.",
    );
}
