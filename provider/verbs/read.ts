// Read: a refresh of a pool this stack made or adopted, or a read by id (UserPool.get).
import { mfaMayBeSet } from "../plan/mfa";
import { regionOfPool } from "../pool/resourceInputs";
import { declarationOf, poolState } from "../state/fromCognito";
import { poolOf, poolRecord, programOf, refreshedInputs } from "../state/record";
import { describe, readMfa } from "./reads";

type Props = Record<string, any>;

/**
 * A refresh (`props` are the record of a pool this stack made or adopted) gets back the record rebuilt
 * from the live pool and, as inputs, what a program would write for the pool as it is (state/record.ts);
 * when the pool is gone, `{}` tells the engine it was deleted outside Pulumi. A read by id (UserPool.get:
 * `props` are only the inputs) gets the smallest declaration that reproduces the pool, and a clear error
 * when there is no pool.
 */
export async function readPool(id: string, props: Props): Promise<{ id?: string; props?: Props; inputs?: Props }> {
    const refreshing = props.arn !== undefined;
    const pool = await describe(id);
    if (!pool) {
        if (refreshing) return {};
        throw new Error(
            `UserPool.get: there is no user pool ${id} in ${regionOfPool(id) ?? "the stack's region"}. Check the id (the Cognito console lists ` +
                "the pool ids of each region), the region (the id starts with it) and the credentials Pulumi runs with.",
        );
    }
    // GetUserPoolMfaConfig only when there can be a factor to report: MFA on (Describe says so), or a
    // factor recorded before. With MFA off Cognito refuses TOTP and email factors, so there is none to
    // miss; passkeys are taken as they were recorded.
    const before = poolOf(props);
    const passkeys = before.webAuthnConfiguration === undefined ? {} : { webAuthnConfiguration: before.webAuthnConfiguration };
    const mfa = mfaMayBeSet(pool, {}, before) ? await readMfa(id) : { softwareTokenMfaConfiguration: { enabled: false }, ...passkeys };
    const live = { ...poolState(pool), ...mfa };
    if (!refreshing) {
        const declaration = declarationOf(live);
        return { id, props: poolRecord(live, { schema: declaration.schema }), inputs: declaration };
    }
    const record = poolRecord(live, programOf(props));
    return { id, props: record, inputs: refreshedInputs(record) };
}
