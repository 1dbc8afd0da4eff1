// The smallest useful pool: sign-in by email, verified by email, and protected against deletion.
import { UserPool } from "pulumi-cognito-user-pool";

const pool = new UserPool("users", {
    usernameAttributes: ["email"],
    autoVerifiedAttributes: ["email"],
    policies: { passwordPolicy: { minimumLength: 12 } },
    deletionProtection: "ACTIVE",
});

export const userPoolId = pool.id;
export const userPoolArn = pool.arn;
