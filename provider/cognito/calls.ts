// Every Cognito operation the provider makes, each through `send` (the rate limit, retries, recovery):
// the only place that names the AWS SDK's commands. Requests and answers are Cognito's own shapes
// (state/ turns answers into ours; plan/ builds requests).
import {
    AddCustomAttributesCommand,
    AdminAddUserToGroupCommand,
    AdminCreateUserCommand,
    AdminDisableUserCommand,
    AdminEnableUserCommand,
    AdminSetUserPasswordCommand,
    AdminUpdateUserAttributesCommand,
    CreateGroupCommand,
    ListGroupsCommand,
    ListUsersCommand,
    ListUsersInGroupCommand,
    UpdateGroupCommand,
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

// Users and groups: only to carry a pool's accounts into its replacement (users/).
export const listUsers = call(ListUsersCommand);
export const listGroups = call(ListGroupsCommand);
export const listUsersInGroup = call(ListUsersInGroupCommand);
export const createGroup = call(CreateGroupCommand);
export const updateGroup = call(UpdateGroupCommand);
export const adminCreateUser = call(AdminCreateUserCommand);
export const adminSetUserPassword = call(AdminSetUserPasswordCommand);
export const adminUpdateUserAttributes = call(AdminUpdateUserAttributesCommand);
export const adminDisableUser = call(AdminDisableUserCommand);
export const adminEnableUser = call(AdminEnableUserCommand);
export const adminAddUserToGroup = call(AdminAddUserToGroupCommand);

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
