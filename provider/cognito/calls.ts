// Every Cognito operation the provider makes, each through `send` (the rate limit, retries, recovery):
// the only place that names the AWS SDK's commands. Requests and answers are Cognito's own shapes
// (state/ turns answers into ours; plan/ builds requests).
import {
    AddCustomAttributesCommand,
    CreateUserPoolCommand,
    DeleteUserPoolCommand,
    DescribeUserPoolCommand,
    GetUserPoolMfaConfigCommand,
    ListUserPoolsCommand,
    SetUserPoolMfaConfigCommand,
    TagResourceCommand,
    UntagResourceCommand,
    UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { isNotFound } from "./errors";
import { CallOptions, send } from "./send";

type Props = Record<string, any>;
type Call = (request: Props, options: CallOptions<any>) => Promise<Props>;

const call =
    (Command: new (input: any) => unknown): Call =>
    (request, options) =>
        send<Props>(new Command(request), options);

export const createUserPool = call(CreateUserPoolCommand);
export const updateUserPool = call(UpdateUserPoolCommand);
export const setUserPoolMfaConfig = call(SetUserPoolMfaConfigCommand);
export const getUserPoolMfaConfig = call(GetUserPoolMfaConfigCommand);
export const addCustomAttributes = call(AddCustomAttributesCommand);
export const deleteUserPool = call(DeleteUserPoolCommand);
export const listUserPools = call(ListUserPoolsCommand);
export const tagResource = call(TagResourceCommand);
export const untagResource = call(UntagResourceCommand);

/** DescribeUserPool's pool; undefined when there is none with this id. */
export async function describeUserPool(id: string, region: string | undefined): Promise<Props | undefined> {
    try {
        const response = await send<Props>(new DescribeUserPoolCommand({ UserPoolId: id }), { what: `read user pool ${id}`, region });
        return response.UserPool as Props;
    } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
    }
}
