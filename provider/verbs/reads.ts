// Reading a pool: DescribeUserPool and GetUserPoolMfaConfig, in our shape. Shared by create (adoption),
// read, update, delete and check (an adoption's preview).
import { describeUserPool, getUserPoolMfaConfig } from "../cognito/calls";
import { regionOfPool } from "../pool/resourceInputs";
import { mfaState, poolState } from "../state/fromCognito";

type Props = Record<string, any>;

/** DescribeUserPool's pool; undefined when it is gone. */
export function describe(id: string): Promise<Props | undefined> {
    return describeUserPool(id, regionOfPool(id));
}

/** The MFA factors only GetUserPoolMfaConfig reports, in our shape. */
export async function readMfa(id: string): Promise<Props> {
    return mfaState(await getUserPoolMfaConfig({ UserPoolId: id }, { what: `read the MFA configuration of user pool ${id}`, region: regionOfPool(id) }));
}

/** Everything Cognito holds for the pool, in the input shape (plus computed outputs); undefined when gone. */
export async function currentState(id: string): Promise<Props | undefined> {
    const pool = await describe(id);
    if (!pool) return undefined;
    return { ...poolState(pool), ...(await readMfa(id)) };
}
