// Update: the calls the plan names, in the order Cognito needs them (plan/plan.ts decides what; this file
// when), then the record of what the pool now holds.
import { addCustomAttributes, setUserPoolMfaConfig, tagResource, untagResource, updateUserPool } from "../cognito/calls";
import { Attribute, schemaToCognito, shortName } from "../pool/attributes";
import { isRecord } from "../pool/convert";
import { label } from "../pool/labels";
import { userPoolProperties } from "../pool/properties";
import { regionOfPool } from "../pool/resourceInputs";
import { DEFAULT_TIER, featuresAbove, rank, Tier } from "../pool/tiers";
import { MFA_FACTORS, mfaOutputs, setUserPoolMfaConfigRequest } from "../plan/mfa";
import { withIgnoredChanges } from "../plan/options";
import { desiredMembers, plan, updateUserPoolRequest } from "../plan/plan";
import { poolState, PROVIDER_TAG_PREFIX } from "../state/fromCognito";
import { COMPUTED_OUTPUTS, poolRecord, SETTINGS } from "../state/record";
import { partialFailure } from "./failure";
import { currentState, describe } from "./reads";

type Props = Record<string, any>;

/** `olds`: the pool as its record holds it (state/record.ts, poolOf). */
export async function updatePool(id: string, olds: Props, given: Props): Promise<{ outs: Props }> {
    // Members under ignoreChanges are sent as Cognito holds them now, never reset (read fresh: another
    // tool may have changed them since the last refresh).
    const ignored = given.resourceOptions?.ignoreChanges;
    const news = Array.isArray(ignored) && ignored.length > 0 ? withIgnoredChanges(given, (await currentState(id)) ?? olds, ignored) : given;
    const steps = plan(olds, news);
    if (steps.refused.length > 0) throw new Error(`Cannot update user pool ${label(id, news)} in place: ${steps.refused.join("; ")}`);
    if (steps.replaces.length > 0) {
        throw new Error(`Cannot update user pool ${label(id, news)} in place: ${steps.replaces.join(", ")} can only change by replacement.`);
    }
    const pool = label(id, news);
    const region = regionOfPool(id);
    // What the pool holds if a later call fails and it cannot be read back: the attributes once added.
    let reached = olds;
    try {
        if (steps.addAttributes.length > 0) {
            const names = steps.addAttributes.map((a) => a.name);
            await addCustomAttributes(
                { UserPoolId: id, CustomAttributes: schemaToCognito(steps.addAttributes) },
                {
                    what: `add custom attributes to user pool ${pool}`,
                    region,
                    // Adding an attribute twice is refused: after a lost answer, look before adding again.
                    recover: async () => ((await hasAttributes(id, names)) ? {} : undefined),
                },
            );
            reached = withAttributes(olds, steps.addAttributes);
        }
        const request = steps.updateUserPool ? updateUserPoolRequest(id, olds, news) : undefined;
        // What the MFA factors need of the pool comes first: a tier that has them (passkeys and email MFA
        // need ESSENTIALS or PLUS), email sent through your own SES identity (email MFA). So when this update
        // raises the tier or switches to DEVELOPER email, UpdateUserPool goes first (the MFA configuration as
        // the pool has it), and SetUserPoolMfaConfig after it.
        const prerequisitesFirst = request !== undefined && steps.setUserPoolMfaConfig && raisesPrerequisites(olds, request);
        if (prerequisitesFirst) {
            await updateUserPool({ ...request, MfaConfiguration: olds.mfaConfiguration ?? "OFF" }, { what: `update user pool ${pool} before its MFA configuration`, region });
        }
        // Otherwise the MFA configuration before UpdateUserPool: Cognito accepts MFA ON/OPTIONAL only once a
        // factor is configured, and a move down a tier only once that tier's factors are off. The calls
        // carry a complete state, so sending one again changes nothing.
        if (steps.setUserPoolMfaConfig) {
            await setUserPoolMfaConfig(setUserPoolMfaConfigRequest(id, olds, news), { what: `set the MFA configuration of user pool ${pool}`, region });
        }
        if (request && !prerequisitesFirst) {
            // Down a tier: Cognito refuses the move while the higher tier's features are on, so they are
            // switched off first, on the tier the pool still has (TierChangeNotAllowedException otherwise).
            if (rank(request.UserPoolTier) >= 0 && rank(olds.userPoolTier) > rank(request.UserPoolTier) && featuresAbove(olds, request.UserPoolTier as Tier).length > 0) {
                await updateUserPool(
                    { ...request, UserPoolTier: olds.userPoolTier },
                    { what: `switch off the ${olds.userPoolTier} features of user pool ${pool} before its tier changes`, region },
                );
            }
            await updateUserPool(request, { what: `update user pool ${pool}`, region });
        }
        if (steps.tagsToRemove.length > 0) {
            await untagResource({ ResourceArn: olds.arn, TagKeys: steps.tagsToRemove }, { what: `untag user pool ${pool}`, region });
        }
        if (Object.keys(steps.tagsToSet).length > 0) {
            await tagResource({ ResourceArn: olds.arn, Tags: steps.tagsToSet }, { what: `tag user pool ${pool}`, region });
        }
    } catch (err) {
        throw await partialFailure(id, news, err as Error, reached);
    }
    const mfa = steps.setUserPoolMfaConfig ? mfaOutputs(olds, news) : pickAll(olds, MFA_FACTORS);
    // Added attributes change what Cognito reports of the schema (its defaults for them): read it. Anything
    // else is what was just sent, so the record is built from it without a DescribeUserPool;
    // lastModifiedDate and estimatedNumberOfUsers are then as of the last read.
    if (steps.addAttributes.length > 0) {
        // The attributes are added: a failed read is a partial failure too, recorded with them (a record that
        // did not know them would list an attribute marked secret in schemaAttributes at the next refresh).
        const current = await describe(id).catch(async (err) => {
            throw await partialFailure(id, news, err as Error, reached);
        });
        if (!current) throw new Error(`User pool ${pool} disappeared during the update; run \`pulumi refresh\`.`);
        return { outs: poolRecord({ ...poolState(current), ...mfa }, news) };
    }
    return { outs: poolRecord(sentState(olds, news, mfa), news) };
}

/** The pool's state with custom attributes added (names as Cognito reports them). */
function withAttributes(olds: Props, added: Attribute[]): Props {
    const listed = Array.isArray(olds.schemaAttributes) ? olds.schemaAttributes : [];
    return { ...olds, schemaAttributes: [...listed, ...added.map((a) => ({ ...a, name: `custom:${shortName(a.name)}` }))] };
}

/** The update raises the tier, or switches to email through your own SES identity: what MFA factors need. */
function raisesPrerequisites(olds: Props, request: Props): boolean {
    const tierUp = rank(request.UserPoolTier) > rank((olds.userPoolTier ?? DEFAULT_TIER) as Tier);
    const developer = (config: unknown) => isRecord(config) && (config.emailSendingAccount ?? config.EmailSendingAccount) === "DEVELOPER";
    return tierUp || (developer(request.EmailConfiguration) && !developer(olds.emailConfiguration));
}

/**
 * The pool after an update that Cognito carried out as sent: each member the update sent, as it was sent
 * (the complete configuration: what Cognito now holds), the MFA factors as set, and the rest (what Cognito
 * computes, members no call carried) as of the last read. Only the pool's state: the program's own inputs
 * come from the program applied, never from the previous record.
 */
function sentState(olds: Props, news: Props, mfa: Props): Props {
    const live: Props = {};
    for (const field of SETTINGS) if (olds[field.name] !== undefined) live[field.name] = olds[field.name];
    for (const name of [...COMPUTED_OUTPUTS, "region"]) if (olds[name] !== undefined) live[name] = olds[name];
    const fields = userPoolProperties.filter((f) => f.apply === "updateUserPool" || f.apply === "tags");
    const sent = desiredMembers(fields, olds, news);
    for (const field of fields) {
        if (sent[field.name] === undefined) delete live[field.name];
        else live[field.name] = sent[field.name];
    }
    if (isRecord(live.userPoolTags)) live.userPoolTags = Object.fromEntries(Object.entries(live.userPoolTags).filter(([k]) => !k.startsWith(PROVIDER_TAG_PREFIX)));
    return { ...live, ...mfa };
}

async function hasAttributes(id: string, names: string[]): Promise<boolean> {
    const pool = await describe(id);
    const present = new Set((pool?.SchemaAttributes ?? []).map((a: Props) => String(a.Name).replace(/^(dev:)?custom:/, "")));
    return names.every((n) => present.has(n.replace(/^(dev:)?custom:/, "")));
}

function pickAll(props: Props, names: readonly string[]): Props {
    return Object.fromEntries(names.filter((n) => props[n] !== undefined).map((n) => [n, props[n]]));
}
