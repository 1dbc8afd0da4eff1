// AWS errors turned into messages that name the operation, the pool and what to do. A raw SDK error
// (with its stack) never reaches the user.

const DELETION_PROTECTION_DOC =
    "https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-deletion-protection.html";

export function errorName(err: unknown): string {
    return (err as { awsErrorName?: string })?.awsErrorName ?? (err as { name?: string })?.name ?? "Error";
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
    const message = String((err as Error)?.message ?? err).split("\n")[0];
    const fix = advice(name, err);
    // The AWS error's name stays on the clear error, so callers can still tell "not found" from the rest.
    return Object.assign(new Error(`Could not ${what}: ${name}: ${message}${fix ? `\n${fix}` : ""}`), { awsErrorName: name });
}

function advice(name: string, err: unknown): string | undefined {
    const message = String((err as Error)?.message ?? "");
    const code = (err as { code?: string })?.code ?? "";
    if (/region is missing/i.test(message)) {
        return "No AWS region is set: `pulumi config set aws:region <region>` (or set AWS_REGION), or give the UserPool a region.";
    }
    if (["ECONNREFUSED", "ENOTFOUND", "ECONNRESET", "ETIMEDOUT", "EAI_AGAIN"].includes(code) || name === "TimeoutError") {
        return "Cognito could not be reached. Check the network, and the endpoint if one is set (stack config cognito-user-pool:endpoint, AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER or AWS_ENDPOINT_URL).";
    }
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
            return "Cognito refused a setting; the message above names it. If `pulumi preview` passed, please report it: check should have caught this.";
        case "InvalidEmailRoleAccessPolicyException":
            return "Cognito cannot send email through SES with emailConfiguration.sourceArn: verify the identity in SES and allow Cognito to use it.";
        case "UserPoolTaggingException":
            return "Cognito refused the tags: keys 1–128 characters, values up to 256, at most 50 tags.";
        case "ConcurrentModificationException":
        case "InternalErrorException":
            return "A passing error on Cognito's side: run `pulumi up` again.";
        default:
            return undefined;
    }
}
