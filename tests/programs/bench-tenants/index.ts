// `npm run bench:tenants`'s program (tests/bench/tenants.ts): a pool per tenant, `bench-tenants:count` of
// them, each the promotion example's dev pool (examples/promotion: the ESSENTIALS plan with email one-time
// codes, email sign-in, case-insensitive usernames, a custom attribute) with a tag naming its tenant. The
// one-setting update raises `bench-tenants:minimumPasswordLength` across every pool.
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";

const config = new pulumi.Config();
const count = config.requireNumber("count");
const minimumLength = config.getNumber("minimumPasswordLength") ?? 8;

const pools = Array.from({ length: count }, (_, i) => {
    const tenant = `tenant-${String(i).padStart(4, "0")}`;
    return new UserPool(tenant, {
        usernameAttributes: ["email"],
        autoVerifiedAttributes: ["email"],
        usernameConfiguration: { caseSensitive: false },
        userPoolTier: "ESSENTIALS",
        policies: {
            passwordPolicy: { minimumLength, requireSymbols: false },
            signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] },
        },
        deletionProtection: "INACTIVE",
        schema: [{ name: "tenant", attributeDataType: "String", mutable: true }],
        userPoolTags: { environment: pulumi.getStack(), tenant },
    });
});

export const poolCount = pools.length;
