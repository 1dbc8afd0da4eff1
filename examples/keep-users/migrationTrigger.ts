// A UserMigration trigger: at a user's first sign-in to the new pool (or first "forgot password"), Cognito
// calls it with the username and password typed; it checks them against the old pool and returns the
// user's attributes, and Cognito creates the user in the new pool with that password
// (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-migrate-user.html).
// Passwords are kept, which no copy can do; users who never sign in again are never moved.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";

const HANDLER = `
const { CognitoIdentityProviderClient, AdminInitiateAuthCommand, AdminGetUserCommand } = require("@aws-sdk/client-cognito-identity-provider");
const cognito = new CognitoIdentityProviderClient({});
exports.handler = async (event) => {
    const UserPoolId = process.env.OLD_POOL_ID;
    if (event.triggerSource === "UserMigration_Authentication") {
        // Throws (and Cognito refuses the sign-in) when the password is wrong.
        await cognito.send(new AdminInitiateAuthCommand({
            UserPoolId, ClientId: process.env.OLD_CLIENT_ID, AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
            AuthParameters: { USERNAME: event.userName, PASSWORD: event.request.password },
        }));
    }
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId, Username: event.userName }));
    const attributes = Object.fromEntries(user.UserAttributes.map((a) => [a.Name, a.Value]));
    event.response.userAttributes = { ...attributes, "custom:old_sub": attributes.sub };
    delete event.response.userAttributes.sub;
    event.response.finalUserStatus = "CONFIRMED";
    event.response.messageAction = "SUPPRESS";
    return event;
};
`;

export function userMigrationTrigger(old: UserPool): aws.lambda.Function {
    const client = new aws.cognito.UserPoolClient("migration", { userPoolId: old.id, explicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] });
    const role = new aws.iam.Role("migration-trigger", {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
    });
    new aws.iam.RolePolicyAttachment("migration-trigger-logs", { role: role.name, policyArn: aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole });
    new aws.iam.RolePolicy("migration-trigger-old-pool", {
        role: role.id,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: ["cognito-idp:AdminInitiateAuth", "cognito-idp:AdminGetUser"], Resource: old.arn }],
        }),
    });
    const fn = new aws.lambda.Function("migration-trigger", {
        runtime: aws.lambda.Runtime.NodeJS20dX,
        handler: "index.handler",
        role: role.arn,
        code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(HANDLER) }),
        environment: { variables: { OLD_POOL_ID: old.id, OLD_CLIENT_ID: client.id } },
    });
    // Cognito must be allowed to call it.
    new aws.lambda.Permission("migration-trigger-cognito", { action: "lambda:InvokeFunction", function: fn.name, principal: "cognito-idp.amazonaws.com" });
    return fn;
}
