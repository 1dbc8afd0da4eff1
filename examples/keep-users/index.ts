// Moving a pool's users to sign in by email, a setting Cognito cannot change in place (a new pool is
// needed), two ways. Stack config `signInByEmail: true` makes the change; `way` picks how the users come along:
//
// - "copy" (the default): copyUsersOnReplacement. The new pool is created, every account copied into it
//   (attributes, verified flags, enabled flag, groups and memberships; the old `sub` kept in `old_sub`),
//   checked, and only then is the old pool deleted. Passwords cannot be read out of Cognito: users set a
//   new one with "forgot password". Users without an email cannot sign in by email: preview counts them,
//   and the old pool is kept until you deal with them.
// - "trigger": the old pool stays, and a second pool signs users in by email with a UserMigration
//   trigger (migrationTrigger.ts) that checks each user's password against the old pool at their first
//   sign-in, so passwords are kept. Users move one by one as they sign in; delete the old pool when enough
//   have (README: "Replacing a pool without losing its users").
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";
import { userMigrationTrigger } from "./migrationTrigger";

const config = new pulumi.Config();
const signInByEmail = config.getBoolean("signInByEmail") ?? false;
const way = config.get("way") ?? "copy";

const schema = [{ name: "old_sub", attributeDataType: "String" as const, mutable: true }];

let pool: UserPool;
if (way === "copy") {
    pool = new UserPool("users", {
        schema,
        ...(signInByEmail ? { usernameAttributes: ["email"], autoVerifiedAttributes: ["email"] } : {}),
        copyUsersOnReplacement: { keepSubAs: "old_sub" },
    });
} else {
    // The old pool is never replaced: the new one is another resource, and users migrate into it.
    const old = new UserPool("users", { schema });
    pool = signInByEmail
        ? new UserPool("users-by-email", {
              schema,
              usernameAttributes: ["email"],
              autoVerifiedAttributes: ["email"],
              lambdaConfig: { userMigration: userMigrationTrigger(old).arn },
          })
        : old;
}

export const userPoolId = pool.id;
