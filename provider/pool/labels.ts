// How messages name a pool, never by a name the program marked secret.
import { secretPaths, touchesSecret } from "./secrets";

type Props = Record<string, any>;

/** How messages name a pool before it has an id: `"users"`, or `(its name is secret)`. */
export function nameOf(props: Props): string {
    return touchesSecret("poolName", secretPaths(props)) ? "(its name is secret)" : `"${props.poolName}"`;
}

/** How messages name a pool: `"users" (us-east-1_AbCdEfGhI)`; the id alone when the name is secret. */
export function label(id: string, props: Props): string {
    return props.poolName && !touchesSecret("poolName", secretPaths(props)) ? `"${props.poolName}" (${id})` : id;
}
