// Adopting an existing pool (`existingPoolId`). A program that adopts a pool rarely declares all of it
// yet, so what it leaves out stays as the pool has it: check reads the pool and carries those settings
// into the resource's inputs, where preview shows them, instead of letting the first update reset them
// to Cognito's defaults. The inputs also say, under `adopted`, what the adoption keeps and what it changes.
// Deletion protection, Lambda triggers and MFA are never switched off by omission, even with
// `adoptionResetsUndeclared: true` (which resets the other undeclared settings to Cognito's defaults).
import { show as quote } from "../check/validate";
import { plan } from "../plan/plan";
import { changedPaths } from "../pool/defaults";
import { declarationOf } from "../state/fromCognito";
import { filledInputs } from "../state/record";
import { currentState } from "./reads";
import { regionOfPool, resourceInputs } from "../pool/resourceInputs";
import { allAttributes, schemaAsDeclared } from "../pool/attributes";
import { secretPaths, touchesSecret } from "../pool/secrets";
import { Field, isUnknown } from "../pool/table";
import { userPoolProperties } from "../pool/properties";

type Props = Record<string, any>;

/** What an adoption recorded, carried in the inputs (and so in state) from then on. */
export interface Adopted {
    /** The pool adopted. */
    poolId: string;
    /** Top-level settings the program did not declare, kept as the pool had them. */
    kept: string[];
    /** What the adoption changes: `path: the pool has X; this UserPool sets Y`. */
    changes: string[];
}

/** Never switched off by leaving them out. */
const NEVER_RESET = ["deletionProtection", "lambdaConfig", "mfaConfiguration", "softwareTokenMfaConfiguration", "smsConfiguration", "smsAuthenticationMessage"];

/** The members an adoption can keep: the pool's settings (our own inputs, such as consents, are not). */
const describing: readonly Field[] = [...userPoolProperties, ...resourceInputs.filter((f) => f.apply === "setUserPoolMfaConfig")];

/**
 * check's inputs for a declaration (values known): on the create of an adopting resource, the pool is
 * read and the settings left out are kept; on later runs, what was kept stays kept until declared.
 */
export async function withAdoption(olds: Props, declared: Props): Promise<Props> {
    const previous: Adopted | undefined = olds.adopted;
    if (previous) return carryForward(olds, declared, previous);
    const id = declared.existingPoolId;
    const creating = Object.keys(olds).filter((k) => k !== "__provider").length === 0;
    if (!creating || typeof id !== "string" || isUnknown(id)) return declared;
    const found = await currentState(id);
    if (!found) {
        throw new Error(
            `existingPoolId: there is no user pool ${id} in ${regionOfPool(id)} to adopt. Check the id (the Cognito console lists it), ` +
                "the region and the credentials, or remove existingPoolId to create a new pool.",
        );
    }
    // The declared attributes as the pool has them, for what the adoption changes.
    const current: Props = { ...found, schema: schemaAsDeclared(allAttributes(found.schemaAttributes), declared.schema) };
    const pool = declarationOf(current);
    const inputs: Props = { ...declared };
    const kept: string[] = [];
    for (const field of describing) {
        if (declared[field.name] !== undefined || pool[field.name] === undefined) continue;
        if (declared.adoptionResetsUndeclared === true && !NEVER_RESET.includes(field.name)) continue;
        inputs[field.name] = pool[field.name];
        kept.push(field.name);
    }
    if (inputs.poolName === undefined) inputs.poolName = current.poolName;
    // The values quoted are the pool's and the program's: none at a path the program marked secret.
    const secrets = secretPaths(declared);
    const changes = describing.flatMap((field) =>
        declared[field.name] === undefined
            ? []
            : changedPaths(field, current[field.name], declared[field.name]).map((path) =>
                  touchesSecret(path, secrets)
                      ? `${path}: changed (the value is secret)`
                      : `${path}: the pool has ${show(at(current, path))}; this UserPool sets ${show(at(declared, path) ?? field.default)}`,
              ),
    );
    const adopted: Adopted = { poolId: id, kept, changes };
    // What up would refuse (adoptPool), refused at preview: preview shows what up does.
    refuseUnadoptable(id, found, filledInputs({ ...inputs, adopted }));
    return { ...inputs, adopted };
}

/**
 * A pool whose settings differ from the declaration where Cognito cannot change them cannot be adopted:
 * adopting it would mean replacing it. `current`: the pool in the input shape; `inputs`: as check returns them.
 */
export function refuseUnadoptable(id: string, current: Props, inputs: Props): void {
    const steps = plan(current, inputs);
    const cannot = [
        // A value unknown at preview is judged at up, when it is known.
        ...steps.replaces.filter((r) => !steps.replacesIfChanged.includes(r)).map((r) => `${r} differs, and Cognito cannot change it: the pool has ${quote(current[r] ?? "nothing")}, this UserPool declares ${quote(inputs[r] ?? "nothing")}`),
        ...steps.refused,
    ];
    if (cannot.length === 0) return;
    throw new Error(
        `Cannot adopt user pool ${id}: its settings differ from this UserPool's where Cognito cannot change them:\n` +
            cannot.map((c) => `  - ${c}`).join("\n") +
            "\nDeclare them as the pool has them (read them with UserPool.get), then run `pulumi up` again.",
    );
}

/**
 * `adopted` is the record of the adoption and never changes; what it kept stays kept until declared, and
 * so does the pool's name: a program that removes existingPoolId (the class then names the pool after
 * the resource) does not rename the pool it adopted.
 */
function carryForward(olds: Props, declared: Props, previous: Adopted): Props {
    const inputs: Props = { ...declared };
    for (const name of previous.kept) if (declared[name] === undefined && olds[name] !== undefined) inputs[name] = olds[name];
    if ((inputs.poolName === undefined || declared.poolNameIsResourceName === true) && olds.poolName !== undefined) {
        inputs.poolName = olds.poolName;
        delete inputs.poolNameIsResourceName;
    }
    return { ...inputs, adopted: previous };
}

function at(value: unknown, path: string): unknown {
    return path.split(".").reduce<any>((node, key) => (node === undefined || node === null ? undefined : node[key]), value);
}

function show(value: unknown): string {
    if (value === undefined) return "nothing";
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
