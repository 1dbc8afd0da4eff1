// The UserPool's inputs, one property per row of provider/userPoolProperties.ts, with the same names,
// nesting and types. check validates against the table, not against these types, so a row added there
// needs its property here too, or TypeScript users cannot reach it.
import * as pulumi from "@pulumi/pulumi";

/** The settings of a {@link UserPool}: every CreateUserPool parameter, in lowerCamelCase. */
export interface UserPoolArgs {
    /**
     * The pool's name, as the Cognito console and API show it. Changing it renames the pool in place.
     *
     * 1–128 characters matching `[\w\s+=,.@-]+` (letters, digits, `_`, whitespace and `+=,.@-`). Since the
     * resource name is used as it is, without a random suffix, a resource name with other characters
     * (such as `/` or `:`) needs an explicit `poolName`.
     *
     * @default the Pulumi resource name (the `UserPool` class fills it in)
     * @example
     * ```ts
     * new UserPool("users", { poolName: "acme-customers" });
     * ```
     */
    poolName?: pulumi.Input<string>;

    /**
     * The pool's policies: the rules a password must meet.
     *
     * @default Cognito's password policy: at least 8 characters with uppercase and lowercase letters,
     * numbers and symbols; temporary passwords valid for 7 days
     * @example
     * ```ts
     * new UserPool("users", {
     *     policies: { passwordPolicy: { minimumLength: 12, requireSymbols: false } },
     * });
     * ```
     */
    policies?: pulumi.Input<UserPoolPoliciesArgs>;

    /**
     * `ACTIVE` protects the pool from deletion: deleting it (by `pulumi destroy`, by removing the resource,
     * or as the last step of a replacement) fails and Cognito keeps the pool. To delete a protected pool,
     * set `INACTIVE`, run `pulumi up`, then delete it.
     *
     * @default `"INACTIVE"`
     * @example
     * ```ts
     * new UserPool("users", { deletionProtection: "ACTIVE" });
     * ```
     */
    deletionProtection?: pulumi.Input<"ACTIVE" | "INACTIVE">;

    /**
     * The Lambda functions (triggers) Cognito invokes during sign-up, sign-in and messaging, each given by
     * its function ARN. Cognito does not grant itself the right to invoke them: each function also needs a
     * resource policy allowing `cognito-idp.amazonaws.com`, such as an `aws.lambda.Permission`.
     *
     * @default no triggers
     * @example
     * ```ts
     * new UserPool("users", {
     *     lambdaConfig: {
     *         preSignUp: preSignUpFn.arn,
     *         postConfirmation: welcomeFn.arn,
     *     },
     * });
     * ```
     */
    lambdaConfig?: pulumi.Input<UserPoolLambdaConfigArgs>;

    /**
     * Contact attributes Cognito verifies by sending the user a code when they sign up: `email`,
     * `phone_number`, or both. A `phone_number` code is sent by SMS, which needs `smsConfiguration`.
     * Order does not matter.
     *
     * @default `[]` (none)
     * @example
     * ```ts
     * new UserPool("users", { autoVerifiedAttributes: ["email"] });
     * ```
     */
    autoVerifiedAttributes?: pulumi.Input<pulumi.Input<"phone_number" | "email">[]>;

    /**
     * Attributes a user can also sign in with, besides their username: `email`, `phone_number`,
     * `preferred_username`. Cannot be combined with `usernameAttributes`.
     *
     * Cannot be changed once the pool is created: a change replaces the pool, and a new pool has none of the old users.
     *
     * @default `[]` (sign in with the username only)
     * @example
     * ```ts
     * new UserPool("users", { aliasAttributes: ["email", "preferred_username"] });
     * ```
     */
    aliasAttributes?: pulumi.Input<pulumi.Input<"phone_number" | "email" | "preferred_username">[]>;

    /**
     * Lets users sign up and sign in with their email address or phone number as their username, instead
     * of a username of their own. Cannot be combined with `aliasAttributes`.
     *
     * Cannot be changed once the pool is created: a change replaces the pool, and a new pool has none of the old users.
     *
     * @default `[]` (users choose a username)
     * @example
     * ```ts
     * new UserPool("users", { usernameAttributes: ["email"] });
     * ```
     */
    usernameAttributes?: pulumi.Input<pulumi.Input<"phone_number" | "email">[]>;

    /**
     * The SMS text that carries a verification code. 6–140 characters; must contain `{####}`, which
     * Cognito replaces with the code.
     *
     * @deprecated Use `verificationMessageTemplate.smsMessage`: Cognito's reference says this member is no
     * longer used.
     * @default Cognito's own value (its built-in wording, on pools that have one)
     * @example
     * ```ts
     * new UserPool("users", { smsVerificationMessage: "Your Acme code is {####}" });
     * ```
     */
    smsVerificationMessage?: pulumi.Input<string>;

    /**
     * The body of the email that carries a verification code. 6–20,000 characters; must contain `{####}`.
     *
     * @deprecated Use `verificationMessageTemplate.emailMessage`: Cognito's reference says this member is
     * no longer used.
     * @default Cognito's own value (its built-in wording, on pools that have one)
     * @example
     * ```ts
     * new UserPool("users", { emailVerificationMessage: "Your Acme code is {####}" });
     * ```
     */
    emailVerificationMessage?: pulumi.Input<string>;

    /**
     * The subject of the email that carries a verification code. 1–140 characters.
     *
     * @deprecated Use `verificationMessageTemplate.emailSubject`: Cognito's reference says this member is
     * no longer used.
     * @default Cognito's own value (its built-in wording, on pools that have one)
     * @example
     * ```ts
     * new UserPool("users", { emailVerificationSubject: "Your Acme code" });
     * ```
     */
    emailVerificationSubject?: pulumi.Input<string>;

    /**
     * The messages Cognito sends to verify a user's email address or phone number, and whether email
     * verification uses a code or a link.
     *
     * @default Cognito's own texts, with codes rather than links (`defaultEmailOption: "CONFIRM_WITH_CODE"`)
     * @example
     * ```ts
     * new UserPool("users", {
     *     verificationMessageTemplate: {
     *         smsMessage: "Your Acme verification code is {####}",
     *         defaultEmailOption: "CONFIRM_WITH_CODE",
     *     },
     * });
     * ```
     */
    verificationMessageTemplate?: pulumi.Input<UserPoolVerificationMessageTemplateArgs>;

    /**
     * The SMS text that carries a multi-factor authentication code at sign-in. 6–140 characters; must
     * contain `{####}`, which Cognito replaces with the code.
     *
     * @default not set (Cognito sends its built-in wording)
     * @example
     * ```ts
     * new UserPool("users", { smsAuthenticationMessage: "Your Acme sign-in code is {####}" });
     * ```
     */
    smsAuthenticationMessage?: pulumi.Input<string>;

    /**
     * Multi-factor authentication: `OFF`, `ON` (every user must use a second factor) or `OPTIONAL` (each
     * user chooses). SMS codes need `smsConfiguration`. Cognito's reference says `ON` can be chosen only
     * when the pool is created, so switching an existing pool to it may be refused.
     *
     * @default `"OFF"`
     * @example
     * ```ts
     * new UserPool("users", {
     *     mfaConfiguration: "OPTIONAL",
     *     smsConfiguration: { snsCallerArn: smsRole.arn },
     * });
     * ```
     */
    mfaConfiguration?: pulumi.Input<"OFF" | "ON" | "OPTIONAL">;

    /**
     * Whether a change to a user's email address or phone number waits until the user verifies the new
     * value. Without it, the new value replaces the old one at once, unverified.
     *
     * @default no attribute waits for verification
     * @example
     * ```ts
     * new UserPool("users", {
     *     autoVerifiedAttributes: ["email"],
     *     userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdate: ["email"] },
     * });
     * ```
     */
    userAttributeUpdateSettings?: pulumi.Input<UserPoolUserAttributeUpdateSettingsArgs>;

    /**
     * Device remembering: Cognito tracks the devices users sign in from, so a remembered device can skip
     * the second factor. Setting any member turns it on.
     *
     * @default not set (device remembering off)
     * @example
     * ```ts
     * new UserPool("users", {
     *     deviceConfiguration: {
     *         challengeRequiredOnNewDevice: true,
     *         deviceOnlyRememberedOnUserPrompt: true,
     *     },
     * });
     * ```
     */
    deviceConfiguration?: pulumi.Input<UserPoolDeviceConfigurationArgs>;

    /**
     * How the pool sends email: with Cognito's built-in sender (from `no-reply@verificationemail.com`, with a
     * small daily limit) or through your own Amazon SES identity.
     *
     * @default Cognito's built-in sender (`emailSendingAccount: "COGNITO_DEFAULT"`)
     * @example
     * ```ts
     * new UserPool("users", {
     *     emailConfiguration: {
     *         emailSendingAccount: "DEVELOPER",
     *         sourceArn: "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com",
     *         from: "Acme <no-reply@example.com>",
     *     },
     * });
     * ```
     */
    emailConfiguration?: pulumi.Input<UserPoolEmailConfigurationArgs>;

    /**
     * The IAM role Cognito assumes to send SMS messages (verification codes, invitations, MFA codes)
     * through Amazon SNS in your account.
     *
     * @default not set (the pool cannot send SMS)
     * @example
     * ```ts
     * new UserPool("users", {
     *     smsConfiguration: { snsCallerArn: smsRole.arn, externalId: "acme-users" },
     * });
     * ```
     */
    smsConfiguration?: pulumi.Input<UserPoolSmsConfigurationArgs>;

    /**
     * Tags on the pool, to group it by purpose, owner, environment or cost. Keys stay exactly as written:
     * they are the user's own, not property names, so they are never re-cased. Keys 1–128 characters,
     * values 0–256.
     *
     * @default `{}`
     * @example
     * ```ts
     * new UserPool("users", { userPoolTags: { team: "identity", "cost-center": "1234" } });
     * ```
     */
    userPoolTags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;

    /**
     * Users created by an administrator (AdminCreateUser): whether users may also sign themselves up, and
     * the invitation a new user receives.
     *
     * @default users may sign themselves up; Cognito's own invitation texts
     * @example
     * ```ts
     * new UserPool("users", {
     *     adminCreateUserConfig: {
     *         allowAdminCreateUserOnly: true,
     *         inviteMessageTemplate: {
     *             smsMessage: "Your Acme username is {username} and your temporary password is {####}",
     *         },
     *     },
     * });
     * ```
     */
    adminCreateUserConfig?: pulumi.Input<UserPoolAdminCreateUserConfigArgs>;

    /**
     * The pool's user attributes: custom attributes your app needs, and settings for standard ones such
     * as `email`. Write custom attribute names without the `custom:` prefix (`tenant`, not
     * `custom:tenant`: Cognito adds the prefix itself, so check refuses it); `schemaAttributes` reports them
     * with it. 1–50 attributes, standard and custom together (the API model's limit).
     *
     * Attributes can be added later, but never modified or removed: Cognito cannot do either, so a
     * modification, or an attribute dropped from the list, fails at preview rather than halfway through
     * an update. To change an attribute, add a new one under another name.
     *
     * @default Cognito's own value (the 20 standard attributes); left undeclared, the pool keeps whatever
     * attributes it has
     * @example
     * ```ts
     * new UserPool("users", {
     *     schema: [
     *         { name: "email", attributeDataType: "String", required: true, mutable: true },
     *         {
     *             name: "tenant",
     *             attributeDataType: "String",
     *             mutable: false,
     *             stringAttributeConstraints: { minLength: "1", maxLength: "64" },
     *         },
     *     ],
     * });
     * ```
     */
    schema?: pulumi.Input<pulumi.Input<UserPoolSchemaAttributeArgs>[]>;

    /**
     * Cognito's advanced security features: detection of compromised credentials and risky sign-ins.
     * `AUDIT` and `ENFORCED` are charged on top of the pool's usual price.
     *
     * @default advanced security off (`advancedSecurityMode: "OFF"`)
     * @example
     * ```ts
     * new UserPool("users", { userPoolAddOns: { advancedSecurityMode: "AUDIT" } });
     * ```
     */
    userPoolAddOns?: pulumi.Input<UserPoolAddOnsArgs>;

    /**
     * Whether usernames are case-sensitive at sign-in. Most apps want `caseSensitive: false`, so that
     * `Alice` and `alice` are the same user.
     *
     * Cannot be changed once the pool is created: a change replaces the pool, and a new pool has none of the old users.
     *
     * @default Cognito's own value (case-sensitive for a pool created through the API); left undeclared,
     * it is never changed, so it never causes a replacement
     * @example
     * ```ts
     * new UserPool("users", { usernameConfiguration: { caseSensitive: false } });
     * ```
     */
    usernameConfiguration?: pulumi.Input<UserPoolUsernameConfigurationArgs>;

    /**
     * How users recover a forgotten password: through which verified channels, in which order, or only
     * through an administrator. SMS does not count for a user who also uses SMS for MFA, since one
     * phone would then be both factors.
     *
     * @default Cognito's own value (not set on a new pool, where Cognito's legacy behaviour prefers SMS
     * over email); once set, Cognito cannot unset it, so leaving it undeclared leaves it as it is
     * @example
     * ```ts
     * new UserPool("users", {
     *     accountRecoverySetting: {
     *         recoveryMechanisms: [
     *             { name: "verified_email", priority: 1 },
     *             { name: "verified_phone_number", priority: 2 },
     *         ],
     *     },
     * });
     * ```
     */
    accountRecoverySetting?: pulumi.Input<UserPoolAccountRecoverySettingArgs>;
    /**
     * The AWS region the pool lives in. A pool cannot move between regions: a different region means a
     * new pool (and a new pool has none of the old users), so preview shows a replacement naming `region`.
     *
     * @default the stack's `aws:region` config (the `UserPool` class reads it); else the AWS SDK's default region
     * @example
     * ```ts
     * new UserPool("users", { region: "eu-west-1" });
     * ```
     */
    region?: pulumi.Input<string>;

    /**
     * Consent to lose the accounts in this pool. Without it, a change that replaces a pool that had
     * users at the last refresh fails at preview, and deleting a pool that has users (destroy, or
     * removing it from the program) fails, each with the user count; with it, both go ahead. Works
     * beside Pulumi's `protect` resource option, which refuses any deletion outright.
     *
     * @default false
     * @example
     * ```ts
     * new UserPool("users", { usernameConfiguration: { caseSensitive: false }, allowReplacementWithUsers: true });
     * ```
     */
    allowReplacementWithUsers?: pulumi.Input<boolean>;

    /**
     * Consent to replace the pool when `schema` changes in a way Cognito cannot make (an attribute
     * modified or removed). Without it such a change fails at preview. A replacement is a new, empty
     * pool, and one with users still needs `allowReplacementWithUsers`.
     *
     * @default false
     * @example
     * ```ts
     * new UserPool("users", { schema: [{ name: "tenant", attributeDataType: "Number" }], replaceOnSchemaChange: true });
     * ```
     */
    replaceOnSchemaChange?: pulumi.Input<boolean>;

    /**
     * Bring an existing pool under management instead of creating one (`pulumi import` cannot work for
     * dynamic providers). At preview the pool is read: every setting this UserPool leaves out is kept as
     * the pool has it (carried into the resource's inputs, so preview shows it, and kept on later runs
     * until you declare it), and the resource's `adopted` input lists what is kept and what the adoption
     * changes (`pulumi preview --diff` shows it). On create the declared settings are applied to the pool
     * and its id taken; no second pool is created, and the pool keeps its name unless `poolName` is given.
     * A declared immutable setting (usernameConfiguration, aliasAttributes, usernameAttributes, schema)
     * that differs from the pool refuses the adoption. Read only at creation.
     *
     * @default not set: a new pool is created
     * @example
     * ```ts
     * new UserPool("users", { existingPoolId: "us-east-1_AbCdEfGhI", policies: { passwordPolicy: { minimumLength: 12 } } });
     * ```
     */
    existingPoolId?: pulumi.Input<string>;

    /**
     * With `existingPoolId`: reset the settings this UserPool leaves out to Cognito's defaults instead of
     * keeping them as the pool has them. Deletion protection, Lambda triggers and MFA are kept either way:
     * they are switched off only by declaring them off.
     *
     * @default false
     */
    adoptionResetsUndeclared?: pulumi.Input<boolean>;

    /**
     * A TOTP (authenticator app) MFA factor, set through SetUserPoolMfaConfig. Enabling it needs
     * `mfaConfiguration` "ON" or "OPTIONAL"; MFA "ON"/"OPTIONAL" needs this or `smsConfiguration`.
     *
     * @default TOTP disabled
     * @example
     * ```ts
     * new UserPool("users", { mfaConfiguration: "OPTIONAL", softwareTokenMfaConfiguration: { enabled: true } });
     * ```
     */
    softwareTokenMfaConfiguration?: pulumi.Input<UserPoolSoftwareTokenMfaConfigurationArgs>;

    /**
     * The feature plan: `LITE`, `ESSENTIALS` or `PLUS`. Passwordless sign-in, password history, passkeys,
     * email MFA and access-token customization need ESSENTIALS or PLUS; threat protection
     * (`userPoolAddOns`) needs PLUS. Preview fails when a declared feature needs a higher tier, and when a
     * move down a tier would leave that tier's features on. Changed in place (UpdateUserPool); a move down
     * a tier that also switches the features off is made in two calls, the features first.
     *
     * @default new pools are `ESSENTIALS` (pools from before 2024-11-22 are `LITE`); a tier you do not
     * declare is never changed
     * @example
     * ```ts
     * new UserPool("users", { userPoolTier: "PLUS", userPoolAddOns: { advancedSecurityMode: "ENFORCED" } });
     * ```
     */
    userPoolTier?: pulumi.Input<"LITE" | "ESSENTIALS" | "PLUS">;

    /**
     * Email as an MFA factor (a one-time code sent by email), set through SetUserPoolMfaConfig. Needs
     * `mfaConfiguration` "ON" or "OPTIONAL", the ESSENTIALS or PLUS tier, email sent through your own SES
     * identity (`emailConfiguration.emailSendingAccount: "DEVELOPER"`), and a recovery channel besides
     * email.
     *
     * @default email MFA off
     * @example
     * ```ts
     * new UserPool("users", {
     *     mfaConfiguration: "OPTIONAL",
     *     emailConfiguration: { emailSendingAccount: "DEVELOPER", sourceArn: sesIdentity.arn },
     *     emailMfaConfiguration: { subject: "Your sign-in code", message: "Your code is {####}" },
     * });
     * ```
     */
    emailMfaConfiguration?: pulumi.Input<UserPoolEmailMfaConfigurationArgs>;

    /**
     * Passkeys (WebAuthn), set through SetUserPoolMfaConfig: the relying party users register passkeys
     * with, and whether they must verify themselves on the device. Needs the ESSENTIALS or PLUS tier; let
     * users sign in with them by adding `WEB_AUTHN` to `policies.signInPolicy.allowedFirstAuthFactors`.
     *
     * @default no passkeys (Cognito reports `{ factorConfiguration: "SINGLE_FACTOR" }` on a pool that never
     * set them: no diff); removing it switches passkeys off
     * @example
     * ```ts
     * new UserPool("users", {
     *     webAuthnConfiguration: { relyingPartyId: "auth.example.com", userVerification: "preferred" },
     *     policies: { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "WEB_AUTHN"] } },
     * });
     * ```
     */
    webAuthnConfiguration?: pulumi.Input<UserPoolWebAuthnConfigurationArgs>;
}

// ---- policies --------------------------------------------------------------------------------------

/** The pool's policies. */
export interface UserPoolPoliciesArgs {
    /**
     * The rules a password must meet, and how long a temporary password lasts.
     *
     * @default Cognito's default for each member
     */
    passwordPolicy?: pulumi.Input<UserPoolPasswordPolicyArgs>;

    /**
     * How users may sign in first: with a password, or passwordless (a code by email or SMS, or a
     * passkey). Anything but `PASSWORD` needs the ESSENTIALS or PLUS tier.
     *
     * @default `{ allowedFirstAuthFactors: ["PASSWORD"] }`
     */
    signInPolicy?: pulumi.Input<UserPoolSignInPolicyArgs>;
}

/** The factors users may sign in with first. */
export interface UserPoolSignInPolicyArgs {
    /**
     * 1–4 of `PASSWORD`, `EMAIL_OTP`, `SMS_OTP`, `WEB_AUTHN`, in any order. `WEB_AUTHN` needs another factor
     * beside it (users register a passkey after signing in another way); with `mfaConfiguration` "ON" or
     * "OPTIONAL" only `PASSWORD` and `WEB_AUTHN` are allowed.
     *
     * @default `["PASSWORD"]`
     * @example
     * ```ts
     * new UserPool("users", { userPoolTier: "ESSENTIALS", policies: { signInPolicy: { allowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] } } });
     * ```
     */
    allowedFirstAuthFactors?: pulumi.Input<pulumi.Input<"PASSWORD" | "EMAIL_OTP" | "SMS_OTP" | "WEB_AUTHN">[]>;
}

/** The rules a password must meet. */
export interface UserPoolPasswordPolicyArgs {
    /**
     * The fewest characters a password may have. 6–99.
     *
     * @default `8`
     */
    minimumLength?: pulumi.Input<number>;

    /**
     * Whether a password must contain at least one uppercase letter.
     *
     * @default `true`
     */
    requireUppercase?: pulumi.Input<boolean>;

    /**
     * Whether a password must contain at least one lowercase letter.
     *
     * @default `true`
     */
    requireLowercase?: pulumi.Input<boolean>;

    /**
     * Whether a password must contain at least one number.
     *
     * @default `true`
     */
    requireNumbers?: pulumi.Input<boolean>;

    /**
     * Whether a password must contain at least one symbol.
     *
     * @default `true`
     */
    requireSymbols?: pulumi.Input<boolean>;

    /**
     * How many of a user's previous passwords they may not reuse. 0–24.
     *
     * Needs the ESSENTIALS or PLUS tier above 0.
     *
     * @default `0` (no history); removing it switches history off
     */
    passwordHistorySize?: pulumi.Input<number>;

    /**
     * How many days a temporary password (one an administrator created the user with) stays valid; a
     * user who has not signed in by then needs an administrator to reset it. 0–365. Replaces the legacy
     * `adminCreateUserConfig.unusedAccountValidityDays`, which Cognito then no longer accepts.
     *
     * @default `7`
     */
    temporaryPasswordValidityDays?: pulumi.Input<number>;
}

// ---- lambdaConfig ----------------------------------------------------------------------------------

/** The Lambda triggers of the pool, each a function ARN. */
export interface UserPoolLambdaConfigArgs {
    /**
     * Invoked before a user is registered; it can reject the sign-up, or confirm and verify the user
     * automatically.
     *
     * @default not set
     */
    preSignUp?: pulumi.Input<string>;

    /**
     * Invoked before Cognito sends a verification, invitation or MFA message, to write the message's
     * text.
     *
     * @default not set
     */
    customMessage?: pulumi.Input<string>;

    /**
     * Invoked after a user confirms their account, for example to send a welcome message.
     *
     * @default not set
     */
    postConfirmation?: pulumi.Input<string>;

    /**
     * Invoked when a user tries to sign in; it can reject the attempt.
     *
     * @default not set
     */
    preAuthentication?: pulumi.Input<string>;

    /**
     * Invoked after a user signs in, for example to log the sign-in.
     *
     * @default not set
     */
    postAuthentication?: pulumi.Input<string>;

    /**
     * Custom authentication flow: decides which challenge the user gets next, and when they have passed.
     *
     * @default not set
     */
    defineAuthChallenge?: pulumi.Input<string>;

    /**
     * Custom authentication flow: creates the challenge the user must answer.
     *
     * @default not set
     */
    createAuthChallenge?: pulumi.Input<string>;

    /**
     * Custom authentication flow: checks the user's answer to a challenge.
     *
     * @default not set
     */
    verifyAuthChallengeResponse?: pulumi.Input<string>;

    /**
     * Invoked before Cognito issues tokens; it can add, change or remove claims.
     *
     * @default not set
     */
    preTokenGeneration?: pulumi.Input<string>;

    /**
     * Invoked when a user the pool does not know signs in or resets their password, to bring them over
     * from another user directory.
     *
     * @default not set
     */
    userMigration?: pulumi.Input<string>;

    /**
     * A function that sends the pool's SMS messages itself, for example through another SMS provider.
     * Needs `kmsKeyId`, since Cognito passes it codes encrypted with that key.
     *
     * @default not set (Cognito sends SMS through Amazon SNS)
     * @example
     * ```ts
     * new UserPool("users", {
     *     lambdaConfig: {
     *         customSmsSender: { lambdaVersion: "V1_0", lambdaArn: smsSenderFn.arn },
     *         kmsKeyId: senderKey.arn,
     *     },
     * });
     * ```
     */
    customSmsSender?: pulumi.Input<UserPoolCustomSenderArgs>;

    /**
     * A function that sends the pool's email messages itself, for example through another email
     * provider. Needs `kmsKeyId`, since Cognito passes it codes encrypted with that key.
     *
     * @default not set (Cognito sends email as `emailConfiguration` says)
     * @example
     * ```ts
     * new UserPool("users", {
     *     lambdaConfig: {
     *         customEmailSender: { lambdaVersion: "V1_0", lambdaArn: emailSenderFn.arn },
     *         kmsKeyId: senderKey.arn,
     *     },
     * });
     * ```
     */
    customEmailSender?: pulumi.Input<UserPoolCustomSenderArgs>;

    /**
     * The ARN of the KMS key Cognito encrypts codes and temporary passwords with before passing them to
     * `customSmsSender` or `customEmailSender`. Required when either is set.
     *
     * @default not set
     */
    kmsKeyId?: pulumi.Input<string>;

    /**
     * The pre token generation trigger with its event version: `V1_0` customizes ID tokens, `V2_0` and
     * `V3_0` (ESSENTIALS or PLUS tier) access tokens too. Cognito keeps it and `preTokenGeneration` as one
     * trigger: declare one of them (both, with different ARNs, fail at preview).
     *
     * @default no trigger
     * @example
     * ```ts
     * new UserPool("users", { lambdaConfig: { preTokenGenerationConfig: { lambdaVersion: "V2_0", lambdaArn: fn.arn } } });
     * ```
     */
    preTokenGenerationConfig?: pulumi.Input<UserPoolVersionedTriggerArgs>;

    /**
     * The inbound federation trigger: a Lambda function that can change a federated user's attributes
     * as they sign in through an identity provider.
     *
     * @default no trigger
     */
    inboundFederation?: pulumi.Input<UserPoolVersionedTriggerArgs>;
}

/** A Lambda trigger with the version of the event Cognito sends it. */
export interface UserPoolVersionedTriggerArgs {
    /** The event version: `V1_0`, or for pre token generation also `V2_0` and `V3_0`. */
    lambdaVersion: pulumi.Input<"V1_0" | "V2_0" | "V3_0">;
    /** The ARN of the Lambda function. */
    lambdaArn: pulumi.Input<string>;
}

/** A custom SMS or email sender trigger (`customSmsSender`, `customEmailSender`). */
export interface UserPoolCustomSenderArgs {
    /** The version of the event Cognito sends to the function; `V1_0` is the only one. */
    lambdaVersion: pulumi.Input<"V1_0">;

    /** The ARN of the function that sends the messages. */
    lambdaArn: pulumi.Input<string>;
}

// ---- verificationMessageTemplate -------------------------------------------------------------------

/** The messages that verify a user's email address or phone number. */
export interface UserPoolVerificationMessageTemplateArgs {
    /**
     * The SMS text that carries a verification code. 6–140 characters; must contain `{####}`, which
     * Cognito replaces with the code.
     *
     * @default Cognito's own value (its built-in wording, on pools that have one)
     */
    smsMessage?: pulumi.Input<string>;

    /**
     * The body of the verification email when codes are used. 6–20,000 characters; must contain
     * `{####}`. Accepted with Cognito's default email sending too (`COGNITO_DEFAULT`), although one sentence of the API reference says `DEVELOPER` only: Terraform's acceptance tests deploy it so.
     *
     * @default Cognito's own value (its built-in wording, on pools that have one)
     */
    emailMessage?: pulumi.Input<string>;

    /**
     * The subject of the verification email when codes are used. 1–140 characters. Accepted with Cognito's default email sending too (`COGNITO_DEFAULT`), although one sentence of the API reference says `DEVELOPER` only: Terraform's acceptance tests deploy it so.
     *
     * @default Cognito's own value (its built-in wording, on pools that have one)
     */
    emailSubject?: pulumi.Input<string>;

    /**
     * The body of the verification email when links are used. 6–20,000 characters; must contain a link
     * placeholder `{##…##}`, whose inner text becomes the link's text. Accepted with Cognito's default email sending too (`COGNITO_DEFAULT`), although one sentence of the API reference says `DEVELOPER` only: Terraform's acceptance tests deploy it so.
     *
     * @default Cognito's own value (its built-in wording, on pools that have one)
     * @example
     * ```ts
     * new UserPool("users", {
     *     verificationMessageTemplate: {
     *         defaultEmailOption: "CONFIRM_WITH_LINK",
     *         emailSubjectByLink: "Confirm your Acme account",
     *         emailMessageByLink: "Welcome to Acme! {##Confirm your email address##}",
     *     },
     * });
     * ```
     */
    emailMessageByLink?: pulumi.Input<string>;

    /**
     * The subject of the verification email when links are used. 1–140 characters. Accepted with Cognito's default email sending too (`COGNITO_DEFAULT`), although one sentence of the API reference says `DEVELOPER` only: Terraform's acceptance tests deploy it so.
     *
     * @default Cognito's own value (its built-in wording, on pools that have one)
     */
    emailSubjectByLink?: pulumi.Input<string>;

    /**
     * Whether verification emails carry a code the user types in (`CONFIRM_WITH_CODE`) or a link they
     * click (`CONFIRM_WITH_LINK`).
     *
     * @default `"CONFIRM_WITH_CODE"`
     */
    defaultEmailOption?: pulumi.Input<"CONFIRM_WITH_LINK" | "CONFIRM_WITH_CODE">;
}

// ---- userAttributeUpdateSettings -------------------------------------------------------------------

/** How changes to users' email addresses and phone numbers are verified. */
export interface UserPoolUserAttributeUpdateSettingsArgs {
    /**
     * Attributes whose new value waits for verification: Cognito sends a code to the new address or
     * number and keeps the old value until the user confirms. Each must also be in
     * `autoVerifiedAttributes`.
     *
     * @default `[]` (changes apply at once)
     */
    attributesRequireVerificationBeforeUpdate?: pulumi.Input<pulumi.Input<"phone_number" | "email">[]>;
}

// ---- deviceConfiguration ---------------------------------------------------------------------------

/** Device remembering. */
export interface UserPoolDeviceConfigurationArgs {
    /**
     * When true, a remembered device can sign in with device authentication instead of an SMS or
     * authenticator-app code. A device not yet remembered still needs the second factor when MFA is on.
     *
     * @default not set
     */
    challengeRequiredOnNewDevice?: pulumi.Input<boolean>;

    /**
     * When true, a device is remembered only if the user agrees: your app asks and reports the answer
     * (UpdateDeviceStatus). When false, every device your app confirms (ConfirmDevice) is remembered.
     *
     * @default not set
     */
    deviceOnlyRememberedOnUserPrompt?: pulumi.Input<boolean>;
}

// ---- emailConfiguration ----------------------------------------------------------------------------

/** How the pool sends email. */
export interface UserPoolEmailConfigurationArgs {
    /**
     * The ARN of a verified Amazon SES email identity. With `COGNITO_DEFAULT` it only sets the FROM
     * address; with `DEVELOPER` Cognito sends through SES from it, and it is required. Its region is
     * normally the pool's.
     *
     * @default not set
     */
    sourceArn?: pulumi.Input<string>;

    /**
     * The address replies to the pool's emails go to.
     *
     * @default not set
     */
    replyToEmailAddress?: pulumi.Input<string>;

    /**
     * `COGNITO_DEFAULT` sends with Cognito's built-in sender, whose small daily limit is too low for most
     * production pools; `DEVELOPER` sends through your SES identity (`sourceArn`) with SES's limits, and
     * makes Cognito create a service-linked role for SES in your account.
     *
     * @default `"COGNITO_DEFAULT"`
     */
    emailSendingAccount?: pulumi.Input<"COGNITO_DEFAULT" | "DEVELOPER">;

    /**
     * The sender users see: an address, or a name with an address, such as `Acme <no-reply@example.com>`.
     *
     * @default not set
     */
    from?: pulumi.Input<string>;

    /**
     * The name of an Amazon SES configuration set to apply to the pool's emails, for event publishing
     * (sends, bounces, complaints…) or a dedicated IP pool.
     *
     * @default not set
     */
    configurationSet?: pulumi.Input<string>;
}

// ---- smsConfiguration ------------------------------------------------------------------------------

/** The IAM role and SNS settings the pool sends SMS with. */
export interface UserPoolSmsConfigurationArgs {
    /**
     * The ARN of the IAM role Cognito assumes to send SMS through Amazon SNS. Its trust policy must allow
     * `cognito-idp.amazonaws.com` and it needs `sns:Publish`; a role created moments before may take up
     * to two minutes to be accepted. SMS sending is subject to your SNS spending limit.
     */
    snsCallerArn: pulumi.Input<string>;

    /**
     * An external ID Cognito passes when it assumes the role; make the role's trust policy require it so
     * that only this pool can use the role.
     *
     * @default not set
     */
    externalId?: pulumi.Input<string>;

    /**
     * The region whose SNS sends the messages: the pool's own, or a supported legacy alternate region
     * (pools in Asia Pacific (Seoul) must use Asia Pacific (Tokyo)).
     *
     * @default Cognito's own value (the pool's region)
     */
    snsRegion?: pulumi.Input<string>;
}

// ---- adminCreateUserConfig -------------------------------------------------------------------------

/** Users created by an administrator. */
export interface UserPoolAdminCreateUserConfigArgs {
    /**
     * When true, only administrators can create users: self sign-up is refused.
     *
     * @default `false`
     */
    allowAdminCreateUserOnly?: pulumi.Input<boolean>;

    /**
     * Legacy: days an account created by an administrator stays usable without a first sign-in. 0–365.
     * Prefer `policies.passwordPolicy.temporaryPasswordValidityDays`: Cognito derives this value from it
     * and refuses both together.
     *
     * @default Cognito's own value (derived from `temporaryPasswordValidityDays`: 7 on a new pool); sent
     * to Cognito only when declared
     */
    unusedAccountValidityDays?: pulumi.Input<number>;

    /**
     * The invitation a user created by an administrator receives, with their username and temporary
     * password.
     *
     * @default Cognito's own texts
     */
    inviteMessageTemplate?: pulumi.Input<UserPoolInviteMessageTemplateArgs>;
}

/** The invitation sent to users created by an administrator. */
export interface UserPoolInviteMessageTemplateArgs {
    /**
     * The SMS text of the invitation. Must contain `{username}` and `{####}`, which Cognito replaces with
     * the username and the temporary password.
     *
     * @default Cognito's own value (its built-in wording)
     */
    smsMessage?: pulumi.Input<string>;

    /**
     * The body of the invitation email. Must contain `{username}` and `{####}` (the temporary password).
     * Accepted with Cognito's default email sending too (`COGNITO_DEFAULT`), although one sentence of the API reference says `DEVELOPER` only: Terraform's acceptance tests deploy it so.
     *
     * @default Cognito's own value (its built-in wording)
     * @example
     * ```ts
     * new UserPool("users", {
     *     adminCreateUserConfig: {
     *         inviteMessageTemplate: {
     *             emailSubject: "Welcome to Acme",
     *             emailMessage: "Sign in as {username} with the temporary password {####}.",
     *         },
     *     },
     * });
     * ```
     */
    emailMessage?: pulumi.Input<string>;

    /**
     * The subject of the invitation email. 1–140 characters. Accepted with Cognito's default email sending too (`COGNITO_DEFAULT`), although one sentence of the API reference says `DEVELOPER` only: Terraform's acceptance tests deploy it so.
     *
     * @default Cognito's own value (its built-in wording)
     */
    emailSubject?: pulumi.Input<string>;
}

// ---- schema ----------------------------------------------------------------------------------------

/**
 * One user attribute of the pool. Only what is declared is compared with the pool, so a member left out
 * never makes a diff.
 */
export interface UserPoolSchemaAttributeArgs {
    /**
     * The attribute's name: a standard attribute such as `email`, or a custom one written without the
     * `custom:` prefix, such as `tenant` (Cognito adds it; a name given with it is refused). 1–20
     * characters: letters, marks, symbols, numbers and punctuation, no spaces.
     */
    name: pulumi.Input<string>;

    /**
     * The type of the attribute's values: `String`, `Number`, `DateTime` or `Boolean`.
     *
     * @default not set
     */
    attributeDataType?: pulumi.Input<"String" | "Number" | "DateTime" | "Boolean">;

    /**
     * When true, only administrators can change the attribute (for example with
     * AdminUpdateUserAttributes); users cannot change it with their own access token. Cognito reports
     * it as `dev:custom:<name>`. For new designs AWS recommends the app client's write attributes
     * instead.
     *
     * @default not set
     */
    developerOnlyAttribute?: pulumi.Input<boolean>;

    /**
     * Whether a user's value can change after the user is created. Must be true for an attribute mapped
     * from an identity provider, since Cognito rewrites it at every federated sign-in.
     *
     * @default not set
     */
    mutable?: pulumi.Input<boolean>;

    /**
     * Whether every user must have a value; sign-up without one fails. Only standard attributes can be
     * required.
     *
     * @default not set
     */
    required?: pulumi.Input<boolean>;

    /**
     * The smallest and largest values of a `Number` attribute.
     *
     * @default not set
     * @example
     * ```ts
     * new UserPool("users", {
     *     schema: [
     *         { name: "age", attributeDataType: "Number", numberAttributeConstraints: { minValue: "0", maxValue: "150" } },
     *     ],
     * });
     * ```
     */
    numberAttributeConstraints?: pulumi.Input<UserPoolNumberAttributeConstraintsArgs>;

    /**
     * The shortest and longest values of a `String` attribute.
     *
     * @default not set (a custom string attribute gets Cognito's default limits)
     * @example
     * ```ts
     * new UserPool("users", {
     *     schema: [
     *         { name: "tenant", attributeDataType: "String", stringAttributeConstraints: { minLength: "1", maxLength: "64" } },
     *     ],
     * });
     * ```
     */
    stringAttributeConstraints?: pulumi.Input<UserPoolStringAttributeConstraintsArgs>;
}

/** Bounds of a `Number` attribute. Cognito takes them as strings. */
export interface UserPoolNumberAttributeConstraintsArgs {
    /**
     * The smallest value allowed, as a string such as `"0"`.
     *
     * @default not set
     */
    minValue?: pulumi.Input<string>;

    /**
     * The largest value allowed, as a string such as `"150"`.
     *
     * @default not set
     */
    maxValue?: pulumi.Input<string>;
}

/** Length limits of a `String` attribute. Cognito takes them as strings. */
export interface UserPoolStringAttributeConstraintsArgs {
    /**
     * The fewest characters a value may have, as a string such as `"1"`.
     *
     * @default not set
     */
    minLength?: pulumi.Input<string>;

    /**
     * The most characters a value may have, as a string such as `"64"`.
     *
     * @default not set
     */
    maxLength?: pulumi.Input<string>;
}

/**
 * An attribute of the pool as Cognito reports it (the `schemaAttributes` output): standard attributes
 * included, custom ones under their full name.
 */
export interface UserPoolSchemaAttribute {
    /** The name as Cognito reports it: `email`, `custom:tenant`, or `dev:custom:tenant` for a developer-only attribute. */
    name: string;
    /** The type of the attribute's values. */
    attributeDataType?: "String" | "Number" | "DateTime" | "Boolean";
    /** Whether only administrators can change the attribute. */
    developerOnlyAttribute?: boolean;
    /** Whether a user's value can change after the user is created. */
    mutable?: boolean;
    /** Whether every user must have a value. */
    required?: boolean;
    /** The bounds of a `Number` attribute, as strings. */
    numberAttributeConstraints?: { minValue?: string; maxValue?: string };
    /** The length limits of a `String` attribute, as strings. */
    stringAttributeConstraints?: { minLength?: string; maxLength?: string };
}

// ---- userPoolAddOns --------------------------------------------------------------------------------

/** Cognito's add-on features. */
export interface UserPoolAddOnsArgs {
    /**
     * `OFF`; `AUDIT` assesses the risk of each sign-in and records it without acting; `ENFORCED` also
     * acts on it, for example by blocking a risky sign-in or asking for a second factor.
     *
     * @default `"OFF"`
     */
    advancedSecurityMode?: pulumi.Input<"OFF" | "AUDIT" | "ENFORCED">;

    /**
     * Threat protection for custom authentication flows too (PLUS tier): `AUDIT` or `ENFORCED`.
     *
     * @default not set
     */
    advancedSecurityAdditionalFlows?: pulumi.Input<{ customAuthMode?: pulumi.Input<"AUDIT" | "ENFORCED"> }>;
}

// ---- usernameConfiguration -------------------------------------------------------------------------

/** Username case sensitivity. */
export interface UserPoolUsernameConfigurationArgs {
    /**
     * `true`: users must type their username with its exact capitalisation. `false`: any capitalisation
     * matches, for the username and for the `email` and `preferred_username` aliases alike.
     *
     * @default `true`
     */
    caseSensitive?: pulumi.Input<boolean>;
}

// ---- accountRecoverySetting ------------------------------------------------------------------------

/** How users recover a forgotten password. */
export interface UserPoolAccountRecoverySettingArgs {
    /** The recovery channels, each with its priority; Cognito tries priority 1 first. */
    recoveryMechanisms: pulumi.Input<pulumi.Input<UserPoolRecoveryMechanismArgs>[]>;
}

/** One way to recover a forgotten password. */
export interface UserPoolRecoveryMechanismArgs {
    /** The order Cognito tries the channels in: 1 first, then 2. 1–2. */
    priority: pulumi.Input<number>;

    /**
     * `verified_email`, `verified_phone_number`, or `admin_only` (users cannot recover the account
     * themselves: an administrator resets the password).
     */
    name: pulumi.Input<"verified_email" | "verified_phone_number" | "admin_only">;
}

/** The TOTP MFA factor (SetUserPoolMfaConfig's SoftwareTokenMfaConfiguration). */
export interface UserPoolSoftwareTokenMfaConfigurationArgs {
    /** Whether users can use an authenticator app as their MFA factor. @default false */
    enabled?: pulumi.Input<boolean>;
}

/** The email MFA factor (SetUserPoolMfaConfig's EmailMfaConfiguration). */
export interface UserPoolEmailMfaConfigurationArgs {
    /** The email's body: 6–20,000 characters with `{####}`, the code. @default Cognito's own wording */
    message?: pulumi.Input<string>;
    /** The email's subject. @default Cognito's own wording */
    subject?: pulumi.Input<string>;
}

/** Passkeys (SetUserPoolMfaConfig's WebAuthnConfiguration). */
export interface UserPoolWebAuthnConfigurationArgs {
    /** The relying party (the domain users register passkeys for), 1–127 characters. @default the pool's own domain */
    relyingPartyId?: pulumi.Input<string>;
    /** `required`: users must verify themselves on the device (PIN, biometrics); `preferred`: when they can. @default `"preferred"` */
    userVerification?: pulumi.Input<"required" | "preferred">;
    /** `SINGLE_FACTOR`, or `MULTI_FACTOR_WITH_USER_VERIFICATION` (a passkey with user verification counts as MFA). @default `"SINGLE_FACTOR"` */
    factorConfiguration?: pulumi.Input<"SINGLE_FACTOR" | "MULTI_FACTOR_WITH_USER_VERIFICATION">;
}
