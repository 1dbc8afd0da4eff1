// Reading a pool's accounts: its users, its groups and who is in each, every page of them (ListUsers and
// ListUsersInGroup answer 60 at most a page, ListGroups 60; https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUsers.html).
import { listGroups, listUsers, listUsersInGroup } from "../cognito/calls";
import { regionOfPool } from "../pool/resourceInputs";
import { OldUser } from "./rules";

type Props = Record<string, any>;

export interface Group {
    GroupName: string;
    Description?: string;
    Precedence?: number;
    RoleArn?: string;
}

export interface Directory {
    users: OldUser[];
    groups: Group[];
    /** Group name -> the users in it. */
    members: Map<string, OldUser[]>;
}

async function allPages<T>(fetch: (token: string | undefined) => Promise<Props>, items: string, token: string): Promise<T[]> {
    const out: T[] = [];
    let next: string | undefined;
    do {
        const page = await fetch(next);
        out.push(...((page[items] ?? []) as T[]));
        next = page[token];
    } while (next);
    return out;
}

export function usersOf(poolId: string): Promise<OldUser[]> {
    const options = { what: `list the users of user pool ${poolId}`, region: regionOfPool(poolId) };
    return allPages<OldUser>((t) => listUsers({ UserPoolId: poolId, Limit: 60, PaginationToken: t }, options), "Users", "PaginationToken");
}

export async function groupsOf(poolId: string): Promise<Group[]> {
    const options = { what: `list the groups of user pool ${poolId}`, region: regionOfPool(poolId) };
    const groups = await allPages<Props>((t) => listGroups({ UserPoolId: poolId, Limit: 60, NextToken: t }, options), "Groups", "NextToken");
    return groups.map((g) => ({ GroupName: g.GroupName, Description: g.Description, Precedence: g.Precedence, RoleArn: g.RoleArn }));
}

export async function membersOf(poolId: string, group: string): Promise<OldUser[]> {
    const options = { what: `list the members of a group of user pool ${poolId}`, region: regionOfPool(poolId) };
    return allPages<OldUser>((t) => listUsersInGroup({ UserPoolId: poolId, GroupName: group, Limit: 60, NextToken: t }, options), "Users", "NextToken");
}

/** Everything a copy needs of a pool. */
export async function directoryOf(poolId: string): Promise<Directory> {
    const users = await usersOf(poolId);
    const groups = await groupsOf(poolId);
    const members = new Map<string, OldUser[]>();
    for (const g of groups) members.set(g.GroupName, await membersOf(poolId, g.GroupName));
    return { users, groups, members };
}
