// The stateful test's program (tests/engine/combinations.test.ts), and the real-CLI suite's when a scenario needs
// several pools: any number of UserPools, each declared whole by the stack config `cli-combinations:pools`
// (JSON: name, arguments, resource options, and the paths of the arguments to mark secret with
// pulumi.secret). The program is what a user writes; the config is how a test edits it between runs.
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";

interface Declared {
    name: string;
    args: Record<string, any>;
    options?: pulumi.CustomResourceOptions;
    /** Argument paths (`poolName`, `smsConfiguration.externalId`, `policies`) whose values the program marks secret. */
    secrets?: string[];
}

const pools = new pulumi.Config().getObject<Declared[]>("pools") ?? [];

function withSecrets(args: Record<string, any>, paths: string[]): Record<string, any> {
    const out = structuredClone(args);
    for (const path of paths) {
        const keys = path.split(".");
        let node: any = out;
        for (const key of keys.slice(0, -1)) node = node?.[key];
        const last = keys[keys.length - 1];
        if (node && node[last] !== undefined) node[last] = pulumi.secret(node[last]);
    }
    return out;
}

const ids: Record<string, pulumi.Output<string>> = {};
for (const pool of pools) {
    ids[pool.name] = new UserPool(pool.name, withSecrets(pool.args, pool.secrets ?? []), pool.options).id;
}
export const poolIds = pulumi.output(ids);
