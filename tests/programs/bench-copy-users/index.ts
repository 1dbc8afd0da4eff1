// `npm run bench:copy-users`'s program (tests/bench/copyUsers.ts): one pool, its arguments from the stack's
// config. Created with `bench-copy-users:caseSensitive` true; the benchmark then adds users with the AWS SDK
// and sets caseSensitive false (which Cognito cannot change in place: a replacement) with
// `bench-copy-users:copyUsersOnReplacement` true, so the replacement copies every user into the new pool.
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";

const config = new pulumi.Config();
const caseSensitive = config.requireBoolean("caseSensitive");
const copyUsersOnReplacement = config.getBoolean("copyUsersOnReplacement") ?? false;

const pool = new UserPool("users", {
    autoVerifiedAttributes: ["email"],
    usernameConfiguration: { caseSensitive },
    deletionProtection: "INACTIVE",
    copyUsersOnReplacement,
});

export const poolId = pool.id;
