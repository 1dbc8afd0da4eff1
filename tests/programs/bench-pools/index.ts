// `npm run bench`'s program for the real Pulumi CLI (tests/bench/cli.ts): `bench-pools:count` pools, each
// the minimal example's (examples/minimal), unprotected so that destroy can delete them, with the password
// length from `bench-pools:minimumPasswordLength` (the one-setting update).
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";

const config = new pulumi.Config();
const count = config.requireNumber("count");
const minimumLength = config.getNumber("minimumPasswordLength") ?? 12;

export const userPoolIds = Array.from({ length: count }, (_, i) =>
    new UserPool(`users-${i}`, {
        usernameAttributes: ["email"],
        autoVerifiedAttributes: ["email"],
        policies: { passwordPolicy: { minimumLength } },
        deletionProtection: "INACTIVE",
    }).id,
);
