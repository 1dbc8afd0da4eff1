// The pool as the stack declared it with @pulumi/aws before the migration: 1-aws.ts and 2-both.ts
// declare it with exactly these arguments, so that @pulumi/aws sees no change while the migration runs.
import * as aws from "@pulumi/aws";

export const awsPoolArgs: aws.cognito.UserPoolArgs = {
    name: "app-users",
    usernameAttributes: ["email"],
    autoVerifiedAttributes: ["email"],
    passwordPolicy: {
        minimumLength: 12,
        requireLowercase: true,
        requireNumbers: true,
        requireSymbols: false,
        requireUppercase: true,
        temporaryPasswordValidityDays: 7,
    },
    schemas: [{ name: "tenant", attributeDataType: "String", mutable: true, stringAttributeConstraints: { minLength: "1", maxLength: "64" } }],
    accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }] },
    emailConfiguration: { emailSendingAccount: "COGNITO_DEFAULT" },
    tags: { team: "identity" },
    deletionProtection: "ACTIVE",
};
