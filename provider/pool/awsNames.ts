// The names @pulumi/aws's aws.cognito.UserPool gives its arguments, and the UserPool inputs that take the
// same setting: check's "did you mean" for a program moving from @pulumi/aws (docs/migrating-from-aws.md
// is the same table for people). Paths are dotted, [] for any item of a list; ours is our path, or null
// with a reason where UserPool has no equivalent; note says what differs. tests/migration.test.ts fails
// when the installed @pulumi/aws has an argument this table lacks, or names one it no longer has.

export interface AwsName {
    /** Our path for the same setting, or null where UserPool has none (reason says why). */
    readonly ours: string | null;
    readonly reason?: string;
    /** What differs beyond the name. */
    readonly note?: string;
}

export const awsNames: {
    readonly package: string;
    readonly version: string;
    readonly resource: string;
    readonly arguments: Readonly<Record<string, AwsName>>;
    /** The @pulumi/aws outputs that are not arguments. */
    readonly outputs: Readonly<Record<string, AwsName>>;
} = {
    "package": "@pulumi/aws",
    "version": "7.48.0",
    "resource": "aws.cognito.UserPool",
    "arguments": {
        "accountRecoverySetting": {
            "ours": "accountRecoverySetting"
        },
        "accountRecoverySetting.recoveryMechanisms": {
            "ours": "accountRecoverySetting.recoveryMechanisms"
        },
        "accountRecoverySetting.recoveryMechanisms[].name": {
            "ours": "accountRecoverySetting.recoveryMechanisms[].name"
        },
        "accountRecoverySetting.recoveryMechanisms[].priority": {
            "ours": "accountRecoverySetting.recoveryMechanisms[].priority"
        },
        "adminCreateUserConfig": {
            "ours": "adminCreateUserConfig"
        },
        "adminCreateUserConfig.allowAdminCreateUserOnly": {
            "ours": "adminCreateUserConfig.allowAdminCreateUserOnly"
        },
        "adminCreateUserConfig.inviteMessageTemplate": {
            "ours": "adminCreateUserConfig.inviteMessageTemplate"
        },
        "adminCreateUserConfig.inviteMessageTemplate.emailMessage": {
            "ours": "adminCreateUserConfig.inviteMessageTemplate.emailMessage"
        },
        "adminCreateUserConfig.inviteMessageTemplate.emailSubject": {
            "ours": "adminCreateUserConfig.inviteMessageTemplate.emailSubject"
        },
        "adminCreateUserConfig.inviteMessageTemplate.smsMessage": {
            "ours": "adminCreateUserConfig.inviteMessageTemplate.smsMessage"
        },
        "aliasAttributes": {
            "ours": "aliasAttributes"
        },
        "autoVerifiedAttributes": {
            "ours": "autoVerifiedAttributes"
        },
        "deletionProtection": {
            "ours": "deletionProtection"
        },
        "deviceConfiguration": {
            "ours": "deviceConfiguration"
        },
        "deviceConfiguration.challengeRequiredOnNewDevice": {
            "ours": "deviceConfiguration.challengeRequiredOnNewDevice"
        },
        "deviceConfiguration.deviceOnlyRememberedOnUserPrompt": {
            "ours": "deviceConfiguration.deviceOnlyRememberedOnUserPrompt"
        },
        "emailConfiguration": {
            "ours": "emailConfiguration"
        },
        "emailConfiguration.configurationSet": {
            "ours": "emailConfiguration.configurationSet"
        },
        "emailConfiguration.emailSendingAccount": {
            "ours": "emailConfiguration.emailSendingAccount"
        },
        "emailConfiguration.fromEmailAddress": {
            "ours": "emailConfiguration.from",
            "note": "CreateUserPool's EmailConfiguration.From."
        },
        "emailConfiguration.replyToEmailAddress": {
            "ours": "emailConfiguration.replyToEmailAddress"
        },
        "emailConfiguration.sourceArn": {
            "ours": "emailConfiguration.sourceArn"
        },
        "emailMfaConfiguration": {
            "ours": "emailMfaConfiguration"
        },
        "emailMfaConfiguration.message": {
            "ours": "emailMfaConfiguration.message"
        },
        "emailMfaConfiguration.subject": {
            "ours": "emailMfaConfiguration.subject"
        },
        "emailVerificationMessage": {
            "ours": "emailVerificationMessage",
            "note": "Legacy: kept as one with verificationMessageTemplate.emailMessage; prefer that."
        },
        "emailVerificationSubject": {
            "ours": "emailVerificationSubject",
            "note": "Legacy: kept as one with verificationMessageTemplate.emailSubject; prefer that."
        },
        "lambdaConfig": {
            "ours": "lambdaConfig"
        },
        "lambdaConfig.createAuthChallenge": {
            "ours": "lambdaConfig.createAuthChallenge"
        },
        "lambdaConfig.customEmailSender": {
            "ours": "lambdaConfig.customEmailSender"
        },
        "lambdaConfig.customEmailSender.lambdaArn": {
            "ours": "lambdaConfig.customEmailSender.lambdaArn"
        },
        "lambdaConfig.customEmailSender.lambdaVersion": {
            "ours": "lambdaConfig.customEmailSender.lambdaVersion"
        },
        "lambdaConfig.customMessage": {
            "ours": "lambdaConfig.customMessage"
        },
        "lambdaConfig.customSmsSender": {
            "ours": "lambdaConfig.customSmsSender"
        },
        "lambdaConfig.customSmsSender.lambdaArn": {
            "ours": "lambdaConfig.customSmsSender.lambdaArn"
        },
        "lambdaConfig.customSmsSender.lambdaVersion": {
            "ours": "lambdaConfig.customSmsSender.lambdaVersion"
        },
        "lambdaConfig.defineAuthChallenge": {
            "ours": "lambdaConfig.defineAuthChallenge"
        },
        "lambdaConfig.kmsKeyId": {
            "ours": "lambdaConfig.kmsKeyId"
        },
        "lambdaConfig.postAuthentication": {
            "ours": "lambdaConfig.postAuthentication"
        },
        "lambdaConfig.postConfirmation": {
            "ours": "lambdaConfig.postConfirmation"
        },
        "lambdaConfig.preAuthentication": {
            "ours": "lambdaConfig.preAuthentication"
        },
        "lambdaConfig.preSignUp": {
            "ours": "lambdaConfig.preSignUp"
        },
        "lambdaConfig.preTokenGeneration": {
            "ours": "lambdaConfig.preTokenGeneration",
            "note": "One trigger with lambdaConfig.preTokenGenerationConfig.lambdaArn: declare either."
        },
        "lambdaConfig.preTokenGenerationConfig": {
            "ours": "lambdaConfig.preTokenGenerationConfig"
        },
        "lambdaConfig.preTokenGenerationConfig.lambdaArn": {
            "ours": "lambdaConfig.preTokenGenerationConfig.lambdaArn"
        },
        "lambdaConfig.preTokenGenerationConfig.lambdaVersion": {
            "ours": "lambdaConfig.preTokenGenerationConfig.lambdaVersion"
        },
        "lambdaConfig.userMigration": {
            "ours": "lambdaConfig.userMigration"
        },
        "lambdaConfig.verifyAuthChallengeResponse": {
            "ours": "lambdaConfig.verifyAuthChallengeResponse"
        },
        "mfaConfiguration": {
            "ours": "mfaConfiguration",
            "note": "Needs a factor when ON or OPTIONAL: softwareTokenMfaConfiguration, smsConfiguration or emailMfaConfiguration."
        },
        "name": {
            "ours": "poolName",
            "note": "@pulumi/aws names the pool after the resource with a random suffix when name is not given; UserPool names it after the resource, without a suffix. An adopted pool (existingPoolId) keeps its name unless poolName is given."
        },
        "passwordPolicy": {
            "ours": "policies.passwordPolicy",
            "note": "Nested under policies, as in CreateUserPool's Policies."
        },
        "passwordPolicy.minimumLength": {
            "ours": "policies.passwordPolicy.minimumLength"
        },
        "passwordPolicy.passwordHistorySize": {
            "ours": "policies.passwordPolicy.passwordHistorySize"
        },
        "passwordPolicy.requireLowercase": {
            "ours": "policies.passwordPolicy.requireLowercase"
        },
        "passwordPolicy.requireNumbers": {
            "ours": "policies.passwordPolicy.requireNumbers"
        },
        "passwordPolicy.requireSymbols": {
            "ours": "policies.passwordPolicy.requireSymbols"
        },
        "passwordPolicy.requireUppercase": {
            "ours": "policies.passwordPolicy.requireUppercase"
        },
        "passwordPolicy.temporaryPasswordValidityDays": {
            "ours": "policies.passwordPolicy.temporaryPasswordValidityDays"
        },
        "region": {
            "ours": "region",
            "note": "Defaults to the stack's aws:region; a different region is a new pool."
        },
        "schemas": {
            "ours": "schema",
            "note": "One attribute per item, custom attributes named without the custom: prefix, as in @pulumi/aws."
        },
        "schemas[].attributeDataType": {
            "ours": "schema[].attributeDataType"
        },
        "schemas[].developerOnlyAttribute": {
            "ours": "schema[].developerOnlyAttribute"
        },
        "schemas[].mutable": {
            "ours": "schema[].mutable"
        },
        "schemas[].name": {
            "ours": "schema[].name"
        },
        "schemas[].numberAttributeConstraints": {
            "ours": "schema[].numberAttributeConstraints"
        },
        "schemas[].numberAttributeConstraints.maxValue": {
            "ours": "schema[].numberAttributeConstraints.maxValue"
        },
        "schemas[].numberAttributeConstraints.minValue": {
            "ours": "schema[].numberAttributeConstraints.minValue"
        },
        "schemas[].required": {
            "ours": "schema[].required"
        },
        "schemas[].stringAttributeConstraints": {
            "ours": "schema[].stringAttributeConstraints"
        },
        "schemas[].stringAttributeConstraints.maxLength": {
            "ours": "schema[].stringAttributeConstraints.maxLength"
        },
        "schemas[].stringAttributeConstraints.minLength": {
            "ours": "schema[].stringAttributeConstraints.minLength"
        },
        "signInPolicy": {
            "ours": "policies.signInPolicy",
            "note": "Nested under policies, as in CreateUserPool's Policies."
        },
        "signInPolicy.allowedFirstAuthFactors": {
            "ours": "policies.signInPolicy.allowedFirstAuthFactors"
        },
        "smsAuthenticationMessage": {
            "ours": "smsAuthenticationMessage"
        },
        "smsConfiguration": {
            "ours": "smsConfiguration"
        },
        "smsConfiguration.externalId": {
            "ours": "smsConfiguration.externalId"
        },
        "smsConfiguration.snsCallerArn": {
            "ours": "smsConfiguration.snsCallerArn"
        },
        "smsConfiguration.snsRegion": {
            "ours": "smsConfiguration.snsRegion"
        },
        "smsVerificationMessage": {
            "ours": "smsVerificationMessage",
            "note": "Legacy: kept as one with verificationMessageTemplate.smsMessage; prefer that."
        },
        "softwareTokenMfaConfiguration": {
            "ours": "softwareTokenMfaConfiguration"
        },
        "softwareTokenMfaConfiguration.enabled": {
            "ours": "softwareTokenMfaConfiguration.enabled"
        },
        "tags": {
            "ours": "userPoolTags",
            "note": "The same tags. There are no provider-level default tags (tagsAll in @pulumi/aws): declare every tag here."
        },
        "userAttributeUpdateSettings": {
            "ours": "userAttributeUpdateSettings"
        },
        "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdates": {
            "ours": "userAttributeUpdateSettings.attributesRequireVerificationBeforeUpdate",
            "note": "Singular, as CreateUserPool names it (AttributesRequireVerificationBeforeUpdate)."
        },
        "userPoolAddOns": {
            "ours": "userPoolAddOns"
        },
        "userPoolAddOns.advancedSecurityAdditionalFlows": {
            "ours": "userPoolAddOns.advancedSecurityAdditionalFlows"
        },
        "userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode": {
            "ours": "userPoolAddOns.advancedSecurityAdditionalFlows.customAuthMode"
        },
        "userPoolAddOns.advancedSecurityMode": {
            "ours": "userPoolAddOns.advancedSecurityMode"
        },
        "userPoolTier": {
            "ours": "userPoolTier"
        },
        "usernameAttributes": {
            "ours": "usernameAttributes"
        },
        "usernameConfiguration": {
            "ours": "usernameConfiguration"
        },
        "usernameConfiguration.caseSensitive": {
            "ours": "usernameConfiguration.caseSensitive"
        },
        "verificationMessageTemplate": {
            "ours": "verificationMessageTemplate"
        },
        "verificationMessageTemplate.defaultEmailOption": {
            "ours": "verificationMessageTemplate.defaultEmailOption"
        },
        "verificationMessageTemplate.emailMessage": {
            "ours": "verificationMessageTemplate.emailMessage"
        },
        "verificationMessageTemplate.emailMessageByLink": {
            "ours": "verificationMessageTemplate.emailMessageByLink"
        },
        "verificationMessageTemplate.emailSubject": {
            "ours": "verificationMessageTemplate.emailSubject"
        },
        "verificationMessageTemplate.emailSubjectByLink": {
            "ours": "verificationMessageTemplate.emailSubjectByLink"
        },
        "verificationMessageTemplate.smsMessage": {
            "ours": "verificationMessageTemplate.smsMessage"
        },
        "webAuthnConfiguration": {
            "ours": "webAuthnConfiguration"
        },
        "webAuthnConfiguration.relyingPartyId": {
            "ours": "webAuthnConfiguration.relyingPartyId"
        },
        "webAuthnConfiguration.userVerification": {
            "ours": "webAuthnConfiguration.userVerification"
        }
    },
    "outputs": {
        "id": {
            "ours": "id",
            "note": "The pool id, as in @pulumi/aws."
        },
        "arn": {
            "ours": "arn",
            "note": "Unknown in an update's preview (a dynamic provider cannot preview); known after pulumi up."
        },
        "endpoint": {
            "ours": "endpoint"
        },
        "creationDate": {
            "ours": "creationDate"
        },
        "lastModifiedDate": {
            "ours": "lastModifiedDate"
        },
        "estimatedNumberOfUsers": {
            "ours": "estimatedNumberOfUsers"
        },
        "domain": {
            "ours": "domain"
        },
        "customDomain": {
            "ours": "customDomain"
        },
        "tagsAll": {
            "ours": null,
            "reason": "There are no provider-level default tags: userPoolTags is every tag the program declares (the provider's own create-token tag is never shown)."
        }
    }
};
