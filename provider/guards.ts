// What stands between a user and losing their users' accounts: a replacement or a deletion of a pool
// that has users needs the user's consent (allowReplacementWithUsers), the way Pulumi's own `protect`
// needs to be lifted before a destroy. The messages say what is at stake and exactly what to do.

import { describe, label } from "./reads";

type Props = Record<string, any>;

const PROTECT_DOC = "https://www.pulumi.com/docs/iac/concepts/options/protect/";

/** Pools whose replacement the user consented to in this deployment; the host serves one deployment. */
const consentedReplacements = new Set<string>();

export function consents(props: Props): boolean {
    return props.allowReplacementWithUsers === true;
}

export function usersOf(props: Props): number {
    return Number(props.estimatedNumberOfUsers ?? 0);
}

/**
 * At preview and before any change: a replacement of a pool that has users is refused unless the new
 * declaration consents. The count is the pool's live one, read here (the count in state is only as
 * fresh as the last create, update or refresh, and users sign up in between). A consented replacement
 * is remembered, so that the deletion of the old pool that follows in the same `pulumi up` is allowed too.
 */
export async function checkReplacement(id: string, olds: Props, news: Props, reasons: string[]): Promise<void> {
    if (consents(news)) {
        consentedReplacements.add(id);
        return;
    }
    const pool = await describe(id);
    const users = Number(pool?.EstimatedNumberOfUsers ?? 0);
    if (users === 0) return;
    throw new Error(
        `User pool ${label(id, olds)} has ${users} user${users === 1 ? "" : "s"}, and this change replaces it: ` +
            `${reasons.join("; ")}.\nA replacement creates a new, empty pool and deletes this one with its users' accounts. Nothing was changed.\n` +
            `To go ahead and lose those accounts, add allowReplacementWithUsers: true to this UserPool and run \`pulumi up\` again. ` +
            "To keep them, put the setting back as it was. (README: \"Protecting your users\".)",
    );
}

/** Before DeleteUserPool: the pool's live user count, unless the user consented. */
export function checkDeletion(id: string, props: Props, liveUsers: number): void {
    if (consents(props) || consentedReplacements.has(id) || liveUsers === 0) return;
    throw new Error(
        `Could not delete user pool ${label(id, props)}: it has ${liveUsers} user${liveUsers === 1 ? "" : "s"}, whose accounts would be lost. Nothing was deleted.\n` +
            "To delete it with them, add allowReplacementWithUsers: true to this UserPool, run `pulumi up`, then destroy it (or remove it from " +
            "your program). To stop managing it but keep it, run `pulumi state delete <urn>`. " +
            `Pulumi's \`protect: true\` resource option refuses any deletion outright: ${PROTECT_DOC}`,
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
