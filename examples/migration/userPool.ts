// The same pool as a pulumi-cognito-user-pool UserPool: @pulumi/aws's arguments under this package's
// names (docs/migrating-from-aws.md has the whole table), and `existingPoolId`, which adopts the pool
// instead of creating one. What is left out is kept as the pool has it, and the pool keeps its name
// ("app-users": no poolName here). Declare the pool as it is: change settings after the migration.
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";

export function adoptedPool(): UserPool {
    const config = new pulumi.Config();
    return new UserPool(
        "users",
        {
            existingPoolId: config.require("poolId"),
            usernameAttributes: ["email"], // as the pool has it: it cannot change
            autoVerifiedAttributes: ["email"],
            // passwordPolicy → policies.passwordPolicy
            policies: {
                passwordPolicy: {
                    minimumLength: 12,
                    requireLowercase: true,
                    requireNumbers: true,
                    requireSymbols: false,
                    requireUppercase: true,
                    temporaryPasswordValidityDays: 7,
                },
            },
            // schemas → schema
            schema: [{ name: "tenant", attributeDataType: "String", mutable: true, stringAttributeConstraints: { minLength: "1", maxLength: "64" } }],
            accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }] },
            emailConfiguration: { emailSendingAccount: "COGNITO_DEFAULT" },
            // tags → userPoolTags
            userPoolTags: { team: "identity" },
            deletionProtection: "ACTIVE",
        },
        { protect: true },
    );
}
