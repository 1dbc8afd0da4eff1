// One sample declaration per CreateUserPool member, used by the lifecycle matrix. Each sample is what a
// user would write for that member; `with` adds what Cognito needs beside it.
export interface MemberSample {
    member: string;
    value: unknown;
    with?: Record<string, unknown>;
}

export const memberSamples: MemberSample[] = [
    {
        member: "policies",
        value: {
            passwordPolicy: { minimumLength: 12, requireSymbols: false, temporaryPasswordValidityDays: 3, passwordHistorySize: 5 },
            signInPolicy: { allowedFirstAuthFactors: ["PASSWORD"] },
        },
    },
    { member: "deletionProtection", value: "ACTIVE" },
    {
        member: "lambdaConfig",
        value: {
            preSignUp: "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up",
            customMessage: "arn:aws:lambda:us-east-1:123456789012:function:custom-message",
            postConfirmation: "arn:aws:lambda:us-east-1:123456789012:function:post-confirmation",
            preAuthentication: "arn:aws:lambda:us-east-1:123456789012:function:pre-auth",
            postAuthentication: "arn:aws:lambda:us-east-1:123456789012:function:post-auth",
            defineAuthChallenge: "arn:aws:lambda:us-east-1:123456789012:function:define",
            createAuthChallenge: "arn:aws:lambda:us-east-1:123456789012:function:create",
            verifyAuthChallengeResponse: "arn:aws:lambda:us-east-1:123456789012:function:verify",
            preTokenGeneration: "arn:aws:lambda:us-east-1:123456789012:function:pre-token",
            // One trigger with the legacy preTokenGeneration (Cognito keeps them as one): the same ARN.
            preTokenGenerationConfig: { lambdaVersion: "V2_0", lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:pre-token" },
            inboundFederation: { lambdaVersion: "V1_0", lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:federation" },
            userMigration: "arn:aws:lambda:us-east-1:123456789012:function:migrate",
            customSmsSender: { lambdaVersion: "V1_0", lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:sms" },
            customEmailSender: { lambdaVersion: "V1_0", lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:email" },
            kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        },
    },
    { member: "autoVerifiedAttributes", value: ["email", "phone_number"] },
    { member: "aliasAttributes", value: ["email", "preferred_username"] },
    { member: "usernameAttributes", value: ["email"] },
    // The legacy texts are one with the template's (verificationMessageTemplate below): the same texts.
    { member: "smsVerificationMessage", value: "SMS code {####}" },
    { member: "emailVerificationMessage", value: "Email code {####}" },
    { member: "emailVerificationSubject", value: "Your code" },
    {
        member: "verificationMessageTemplate",
        value: {
            smsMessage: "SMS code {####}",
            emailMessage: "Email code {####}",
            emailSubject: "Your code",
            emailMessageByLink: "Click {##here##}",
            emailSubjectByLink: "Your link",
            defaultEmailOption: "CONFIRM_WITH_LINK",
        },
        with: { emailConfiguration: { emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com" } },
    },
    { member: "smsAuthenticationMessage", value: "Sign-in code {####}" },
    {
        member: "mfaConfiguration",
        value: "OPTIONAL",
        with: { smsConfiguration: { snsCallerArn: "arn:aws:iam::123456789012:role/cognito-sms", externalId: "ext-1" } },
    },
    { member: "userAttributeUpdateSettings", value: { attributesRequireVerificationBeforeUpdate: ["email"] }, with: { autoVerifiedAttributes: ["email"] } },
    { member: "deviceConfiguration", value: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: true } },
    {
        member: "emailConfiguration",
        value: {
            sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com",
            replyToEmailAddress: "help@example.com",
            emailSendingAccount: "DEVELOPER",
            from: "Example <no-reply@example.com>",
            configurationSet: "transactional",
        },
    },
    {
        member: "smsConfiguration",
        value: { snsCallerArn: "arn:aws:iam::123456789012:role/cognito-sms", externalId: "ext-1", snsRegion: "us-east-1" },
    },
    { member: "userPoolTags", value: { team: "identity", "cost-center": "42", "aws-style:Key": "kept as written" } },
    {
        member: "adminCreateUserConfig",
        value: {
            allowAdminCreateUserOnly: true,
            inviteMessageTemplate: {
                smsMessage: "Hi {username}, code {####}",
                emailMessage: "Hello {username}, your password is {####}",
                emailSubject: "Welcome",
            },
        },
        with: { emailConfiguration: { emailSendingAccount: "DEVELOPER", sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com" } },
    },
    {
        member: "schema",
        value: [
            { name: "email", attributeDataType: "String", required: true, mutable: true },
            { name: "tenant", attributeDataType: "String", mutable: true, stringAttributeConstraints: { minLength: "1", maxLength: "64" } },
            { name: "seats", attributeDataType: "Number", mutable: true, numberAttributeConstraints: { minValue: "1", maxValue: "500" } },
        ],
    },
    // Threat protection needs the PLUS feature plan.
    { member: "userPoolAddOns", value: { advancedSecurityMode: "AUDIT", advancedSecurityAdditionalFlows: { customAuthMode: "AUDIT" } }, with: { userPoolTier: "PLUS" } },
    { member: "userPoolTier", value: "PLUS" },
    { member: "usernameConfiguration", value: { caseSensitive: false } },
    {
        member: "accountRecoverySetting",
        value: { recoveryMechanisms: [{ priority: 1, name: "verified_email" }, { priority: 2, name: "verified_phone_number" }] },
    },
];

/**
 * One declaration with every member set. aliasAttributes is left out: Cognito refuses it beside
 * usernameAttributes (docs/cognito.md), and check says so.
 */
export function everyMember(): Record<string, unknown> {
    return Object.assign(
        { poolName: "everything" },
        ...memberSamples.filter((s) => s.member !== "aliasAttributes").map((s) => ({ ...s.with, [s.member]: s.value })),
    );
}
