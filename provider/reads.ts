// Reading a pool: DescribeUserPool and GetUserPoolMfaConfig, in our shape. Shared by create (adoption),
// read, update, delete and check (an adoption's preview).
import { DescribeUserPoolCommand, GetUserPoolMfaConfigCommand } from "@aws-sdk/client-cognito-identity-provider";
import { isNotFound } from "./awsErrors";
import { send } from "./cognitoCalls";
import { mfaState } from "./mfa";
import { poolState } from "./poolState";
import { regionOfPool } from "./resourceInputs";
import { secretPaths, touchesSecret } from "./secrets";

type Props = Record<string, any>;

/** DescribeUserPool's pool; undefined when it is gone. */
export async function describe(id: string): Promise<Props | undefined> {
    try {
        const response = await send<Props>(new DescribeUserPoolCommand({ UserPoolId: id }), { what: `read user pool ${id}`, region: regionOfPool(id) });
        return response.UserPool as Props;
    } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
    }
}

/** The MFA factors only GetUserPoolMfaConfig reports, in our shape. */
export async function readMfa(id: string): Promise<Props> {
    const response = await send<Props>(new GetUserPoolMfaConfigCommand({ UserPoolId: id }), {
        what: `read the MFA configuration of user pool ${id}`,
        region: regionOfPool(id),
    });
    return mfaState(response);
}

/** Everything Cognito holds for the pool, in the input shape (plus computed outputs); undefined when gone. */
export async function currentState(id: string): Promise<Props | undefined> {
    const pool = await describe(id);
    if (!pool) return undefined;
    return { ...poolState(pool), ...(await readMfa(id)) };
}

/** How messages name a pool before it has an id: `"users"`, or `(its name is secret)`. */
export function nameOf(props: Props): string {
    return touchesSecret("poolName", secretPaths(props)) ? "(its name is secret)" : `"${props.poolName}"`;
}

/** How messages name a pool: `"users" (us-east-1_AbCdEfGhI)`; the id alone when the name is secret. */
export function label(id: string, props: Props): string {
    return props.poolName && !touchesSecret("poolName", secretPaths(props)) ? `"${props.poolName}" (${id})` : id;
}
