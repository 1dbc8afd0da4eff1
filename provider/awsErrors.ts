// AWS errors turned into messages that name the operation, the pool and what to do. A raw SDK error
// (with its stack) never reaches the user.

const DELETION_PROTECTION_DOC =
    "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-deletion-protection.html";

export function errorName(err: unknown): string {
    return (err as { name?: string })?.name ?? "Error";
}

export function isNotFound(err: unknown): boolean {
    return errorName(err) === "ResourceNotFoundException";
}

export function isDeletionProtected(err: unknown): boolean {
    return errorName(err) === "InvalidParameterException" && /deletion protection/i.test(String((err as Error).message));
}

/** `what` names the operation and the pool, e.g. `delete user pool "users" (us-east-1_abc)`. */
export function explain(what: string, err: unknown): Error {
    const name = errorName(err);
    const message = String((err as Error)?.message ?? err);
    const fix = advice(name, err);
    return new Error(`Could not ${what}: ${name}: ${message}${fix ? `\n${fix}` : ""}`);
}

function advice(name: string, err: unknown): string | undefined {
    if (isDeletionProtected(err)) {
        return (
            'The pool has deletion protection ACTIVE, so Cognito keeps it. To delete it, set deletionProtection: "INACTIVE" ' +
            `on the UserPool, run \`pulumi up\`, then delete it again. See ${DELETION_PROTECTION_DOC}`
        );
    }
    switch (name) {
        case "CredentialsProviderError":
        case "UnrecognizedClientException":
        case "InvalidClientTokenId":
        case "ExpiredTokenException":
        case "InvalidSignatureException":
            return "Check the AWS credentials this stack runs with (AWS_PROFILE, AWS_ACCESS_KEY_ID, `aws sso login`) and that they are not expired.";
        case "AccessDeniedException":
        case "NotAuthorizedException":
            return "The AWS identity running Pulumi lacks a cognito-idp permission for this call; grant it in IAM.";
        case "TooManyRequestsException":
        case "LimitExceededException":
            return "Cognito's request-rate or pool quota was hit (about 15 requests per second per account and region; 1,000 pools). Retry, or raise the quota in Service Quotas.";
        case "InvalidSmsRoleTrustRelationshipException":
        case "InvalidSmsRoleAccessPolicyException":
            return "Cognito cannot use the SMS role in smsConfiguration.snsCallerArn: its trust policy must allow cognito-idp.amazonaws.com (with the externalId) and it needs sns:Publish. A role created seconds ago may need up to two minutes.";
        case "ResourceNotFoundException":
            return "The pool no longer exists; run `pulumi refresh` to bring the stack's state up to date.";
        case "InvalidParameterException":
            return "Cognito refused a setting; the message above names it.";
        default:
            return undefined;
    }
}
