// A UserPool whose poolName and smsConfiguration.externalId the program marks secret (from the stack
// config), so tests can check that no message quotes them.
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "pulumi-cognito-user-pool";

const config = new pulumi.Config();

new UserPool("pool", {
    poolName: pulumi.secret(config.require("name")),
    smsConfiguration: { snsCallerArn: config.require("role"), externalId: pulumi.secret(config.require("externalId")) },
});
