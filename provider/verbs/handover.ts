// The hand-over between a pool and the pool that replaces it, when the program copies users.
//
// The engine replaces a pool in three calls that know little of each other: Diff (this resource), Create
// (the new pool: its inputs only, nothing of the pool it replaces) and Delete (the old pool: its own
// outputs only, nothing of the pool that replaced it), the Delete possibly in a later run, as a pending
// delete, in a new provider process (pkg/resource/deploy/step.go, CreateStep.Apply marks the old state
// Delete when a replacement's create succeeds; step_generator.go, GenerateDeletes / the pending deletes
// a later run retries). So the link is kept where all three can read it: a tag on the old pool, written
// by the Create once the new pool exists and before the first user is copied, naming the resource (a
// digest of its URN) and the new pool. The Delete finds it, finishes and checks the copy, and deletes
// the old pool only when every account it can hold is verified there; a Create run again after a crash
// finds it, and continues into the pool it had made instead of making a third.
import { tagResource } from "../cognito/calls";
import { shortName } from "../pool/attributes";
import { regionOfPool, URN } from "../pool/resourceInputs";
import { PROVIDER_TAG_PREFIX } from "../state/fromCognito";
import { urnDigest } from "./deployment";

type Props = Record<string, any>;

export const COPY_TAG = `${PROVIDER_TAG_PREFIX}users-copied-to`;

export interface HandOver {
    newPoolId: string;
    /** The custom attribute (`custom:<name>`) that keeps the old `sub`. */
    keepSubAs?: string;
}

/** Written on the old pool once the new one exists: `<urn digest>:<new pool id>[:<keepSubAs>]`. */
export async function recordHandOver(urn: string, oldPool: Props, handOver: HandOver): Promise<void> {
    const value = [urnDigest(urn), handOver.newPoolId, ...(handOver.keepSubAs ? [shortName(handOver.keepSubAs)] : [])].join(":");
    await tagResource(
        { ResourceArn: oldPool.Arn, Tags: { [COPY_TAG]: value } },
        { what: `record on user pool ${oldPool.Id} which pool its users are copied into`, region: regionOfPool(oldPool.Id) },
    );
}

/** The hand-over recorded on `pool` (as DescribeUserPool reports it) by the resource whose record is `props`. */
export function handOverOf(pool: Props, props: Props): HandOver | undefined {
    const value = pool.UserPoolTags?.[COPY_TAG];
    if (typeof value !== "string") return undefined;
    const [digest, newPoolId, keepSubAs] = value.split(":");
    const urn = props[URN];
    if (!newPoolId || (typeof urn === "string" && digest !== urnDigest(urn))) return undefined;
    return { newPoolId, keepSubAs: keepSubAs ? `custom:${keepSubAs}` : undefined };
}
