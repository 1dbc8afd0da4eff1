// Carrying a pool's accounts into the pool that replaces it, and checking that they arrived.
//
// The copy converges: it reads both pools and does only what the new one still lacks (a group, a user,
// a password, an attribute, a disabled flag, a membership). So a copy cut short (a fault, a cancelled
// `pulumi up`, a crash) is resumed by running it again, and nobody is created twice or skipped.
// Passwords never leave Cognito: a copy gets a random one, made permanent (AdminSetUserPassword), so the
// user is CONFIRMED and can reset it with "forgot password" through a verified email or phone, as after
// Cognito's own CSV import (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-using-import-tool.html);
// a FORCE_CHANGE_PASSWORD user could not.
import { randomInt } from "node:crypto";
import {
    adminAddUserToGroup,
    adminCreateUser,
    adminDisableUser,
    adminEnableUser,
    adminSetUserPassword,
    adminUpdateUserAttributes,
    createGroup,
    updateGroup,
} from "../cognito/calls";
import { errorName } from "../cognito/errors";
import { regionOfPool } from "../pool/resourceInputs";
import { Directory, directoryOf, Group } from "./directory";
import { attributesOf, Copy, CopyPlan, listedKey, NewPoolRules, OldUser, planCopy, rulesFromPool } from "./rules";

type Props = Record<string, any>;

/** How many copies run at once: the shared rate limit (cognito/send.ts) sets the pace, this only keeps it busy. */
const AT_ONCE = 8;
/** AdminCreateUser's refusals of one account, not of the copy (API reference, AdminCreateUser, Errors). */
const REFUSED_ACCOUNT = new Set(["InvalidParameterException", "AliasExistsException", "InvalidPasswordException"]);
/** Progress is said every this many users. */
const PROGRESS_EVERY = 200;

export interface Outcome {
    plan: CopyPlan;
    /** Accounts Cognito refused to create (an attribute its schema rejects, say), by error name. */
    refused: Record<string, number>;
    /** What the check found still missing or different after the copy (all zero: every copy verified). */
    unverified: { users: number; groups: number; memberships: number };
}

/**
 * Copies into `newPool` (as DescribeUserPool reports it) every account of pool `oldId` it can hold,
 * then checks them. `say` is told the progress (counts only).
 */
export async function copyUsers(oldId: string, newPool: Props, keepSubAs: string | undefined, say: (line: string) => void): Promise<Outcome> {
    const newId: string = newPool.Id;
    const rules = rulesFromPool(newPool, keepSubAs);
    const old = await directoryOf(oldId);
    const plan = planCopy(old.users, rules);
    const target = await directoryOf(newId);
    await copyGroups(newId, old.groups, target.groups);
    const present = byKey(rules, target.users);
    const todo = plan.copies.filter((c) => !matches(c, present.get(c.key)));
    const refused: Record<string, number> = {};
    const minimumLength = Number(newPool.Policies?.PasswordPolicy?.MinimumLength ?? 0);
    let done = 0;
    if (todo.length > 0) say(`copying ${todo.length} of ${plan.copies.length} users from user pool ${oldId} into user pool ${newId}`);
    await inParallel(todo, async (copy) => {
        const made = await copyUser(newId, copy, present.get(copy.key), minimumLength);
        if (typeof made === "string") refused[made] = (refused[made] ?? 0) + 1;
        else present.set(copy.key, made);
        if (++done % PROGRESS_EVERY === 0 && done < todo.length) say(`copied ${done} of ${todo.length} users into user pool ${newId}`);
    });
    await copyMemberships(newId, old, plan, target, present);
    const unverified = await check(oldId, newId, rules, plan);
    return { plan, refused, unverified };
}

/** The check on its own: what of the old pool's copyable accounts the new pool lacks. */
export async function check(oldId: string, newId: string, rules: NewPoolRules, plan?: CopyPlan): Promise<Outcome["unverified"]> {
    const old = await directoryOf(oldId);
    const wanted = plan ?? planCopy(old.users, rules);
    const target = await directoryOf(newId);
    const present = byKey(rules, target.users);
    const users = wanted.copies.filter((c) => !matches(c, present.get(c.key))).length;
    const groups = old.groups.filter((g) => !sameGroup(g, target.groups.find((t) => t.GroupName === g.GroupName))).length;
    let memberships = 0;
    for (const [group, members] of old.members) {
        const there = new Set((target.members.get(group) ?? []).map((u) => listedKey(rules, u)));
        for (const member of members) {
            const key = wanted.keyOf.get(member.Username);
            if (key !== undefined && !there.has(key)) memberships++;
        }
    }
    return { users, groups, memberships };
}

export function verified(outcome: Outcome): boolean {
    const u = outcome.unverified;
    return u.users === 0 && u.groups === 0 && u.memberships === 0 && Object.keys(outcome.refused).length === 0;
}

function byKey(rules: NewPoolRules, users: readonly OldUser[]): Map<string, OldUser> {
    const map = new Map<string, OldUser>();
    for (const u of users) {
        const key = listedKey(rules, u);
        if (key !== undefined) map.set(key, u);
    }
    return map;
}

/** The copy is there, holds every attribute copied, is enabled as the original was, and can reset its password. */
function matches(copy: Copy, there: OldUser | undefined): boolean {
    if (!there) return false;
    const has = attributesOf(there);
    return (
        Object.entries(copy.attributes).every(([name, value]) => has[name] === value) &&
        (there.Enabled !== false) === copy.enabled &&
        there.UserStatus !== "FORCE_CHANGE_PASSWORD"
    );
}

function sameGroup(want: Group, there: Group | undefined): boolean {
    return there !== undefined && there.Description === want.Description && there.Precedence === want.Precedence && there.RoleArn === want.RoleArn;
}

async function copyGroups(newId: string, groups: readonly Group[], existing: readonly Group[]): Promise<void> {
    const options = { what: `copy a group into user pool ${newId}`, region: regionOfPool(newId) };
    for (const g of groups) {
        const there = existing.find((e) => e.GroupName === g.GroupName);
        if (sameGroup(g, there)) continue;
        const request = { UserPoolId: newId, GroupName: g.GroupName, Description: g.Description, Precedence: g.Precedence, RoleArn: g.RoleArn };
        if (there) await updateGroup(request, options);
        else {
            await createGroup(request, options).catch(async (err) => {
                // A retry after a lost answer finds the group made: make it match.
                if (errorName(err) !== "GroupExistsException") throw err;
                await updateGroup(request, options);
            });
        }
    }
}

/**
 * One account: created if missing (no invitation sent), its password made permanent, its attributes and
 * enabled flag as the original's. The user as the new pool now has it, or the name of Cognito's refusal.
 */
async function copyUser(newId: string, copy: Copy, there: OldUser | undefined, minimumLength: number): Promise<OldUser | string> {
    const options = { what: `copy a user into user pool ${newId}`, region: regionOfPool(newId) };
    const attributes = Object.entries(copy.attributes).map(([Name, Value]) => ({ Name, Value }));
    let user = there;
    if (!user) {
        try {
            const made = await adminCreateUser({ UserPoolId: newId, Username: copy.username, UserAttributes: attributes, MessageAction: "SUPPRESS" }, options);
            user = made.User as OldUser;
        } catch (err) {
            const name = errorName(err);
            // Cognito refuses this account (an attribute value the new schema rejects, an alias another
            // account holds): counted, and the rest go on. Anything else (denied, unreachable) stops the copy.
            if (REFUSED_ACCOUNT.has(name)) return name;
            // Made by a run cut short, or by a retry after a lost answer: the fix-ups below finish it.
            if (name !== "UsernameExistsException") throw err;
            user = { Username: copy.username, Attributes: [], Enabled: true, UserStatus: "FORCE_CHANGE_PASSWORD" };
        }
    } else {
        const has = attributesOf(user);
        const differing = attributes.filter((a) => has[a.Name] !== a.Value);
        if (differing.length > 0) await adminUpdateUserAttributes({ UserPoolId: newId, Username: user.Username, UserAttributes: differing }, options);
    }
    const username = user.Username;
    if (user.UserStatus === "FORCE_CHANGE_PASSWORD") {
        await adminSetUserPassword({ UserPoolId: newId, Username: username, Password: randomPassword(minimumLength), Permanent: true }, options);
    }
    if ((user.Enabled !== false) !== copy.enabled) {
        await (copy.enabled ? adminEnableUser : adminDisableUser)({ UserPoolId: newId, Username: username }, options);
    }
    return { Username: username, Attributes: attributes, Enabled: copy.enabled, UserStatus: "CONFIRMED" };
}

async function copyMemberships(newId: string, old: Directory, plan: CopyPlan, target: Directory, present: Map<string, OldUser>): Promise<void> {
    const options = { what: `add a copied user to its group in user pool ${newId}`, region: regionOfPool(newId) };
    const byKeyOf = new Map(plan.copies.map((c) => [c.key, c]));
    const adds: { group: string; username: string }[] = [];
    for (const [group, members] of old.members) {
        const there = new Set((target.members.get(group) ?? []).map((u) => u.Username));
        for (const member of members) {
            const key = plan.keyOf.get(member.Username);
            const copy = key !== undefined ? present.get(key) : undefined;
            if (!copy || !byKeyOf.has(key!) || there.has(copy.Username)) continue;
            adds.push({ group, username: copy.Username });
        }
    }
    await inParallel(adds, (a) => adminAddUserToGroup({ UserPoolId: newId, GroupName: a.group, Username: a.username }, options).then(() => undefined));
}

/**
 * `work` on every item, AT_ONCE at a time. On a failure no new item starts, and the failure is thrown only
 * once every call under way has ended: nothing is still copying after the verb answered the engine.
 */
async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    let failure: { err: unknown } | undefined;
    const worker = async () => {
        while (!failure && next < items.length) {
            try {
                await work(items[next++]);
            } catch (err) {
                failure ??= { err };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, items.length) }, worker));
    if (failure) throw failure.err;
}

const LOWER = "abcdefghijkmnopqrstuvwxyz";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";
const SYMBOLS = "^$*.[]{}()?!@#%&/,><:;|_~";

/**
 * A password nobody knows, that the new pool's policy accepts: 64 characters, or the policy's minimum
 * when longer (at most 99; Cognito takes passwords up to 256, AdminSetUserPassword's Password), with
 * every class a policy can require.
 */
export function randomPassword(minimum = 0): string {
    const all = LOWER + UPPER + DIGITS + SYMBOLS;
    const pick = (set: string) => set[randomInt(set.length)];
    const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < Math.max(64, minimum)) chars.push(pick(all));
    return chars.join("");
}
