// Check: the declaration judged (check/: pure), an adoption's pool read (existingPoolId: what the program
// leaves out is kept as the pool has it), and the inputs with Cognito's defaults filled in.
import { checkRules } from "../check/rules";
import { validateObject } from "../check/validate";
import { withoutNulls } from "../pool/convert";
import { userPoolProperties } from "../pool/properties";
import { resourceInputs } from "../pool/resourceInputs";
import { maskSecrets, secretPaths, secretTexts } from "../pool/secrets";
import { UNKNOWN } from "../pool/table";
import { filledInputs } from "../state/record";
import { withAdoption } from "./adoption";
import { noteChecked } from "./deployment";

type Props = Record<string, any>;
type Failure = { property: string; reason: string };

export async function checkPool(olds: Props, news: Props): Promise<{ inputs: Props; failures: Failure[] }> {
    const { __provider, ...given } = news;
    // null means "not declared", here and so everywhere after: the inputs check returns are what diff,
    // create and update see.
    const declared = withoutNulls(given);
    // An adopted pool's name comes from the pool when the program gives none.
    const named = declared.existingPoolId !== undefined && declared.poolName === undefined ? { ...declared, poolName: UNKNOWN } : declared;
    const failures = [...validateObject([...userPoolProperties, ...resourceInputs], named, "", secretPaths(declared)), ...checkRules(named)];
    if (failures.length > 0) return { inputs: news, failures: masked(failures.map((f) => withNameSource(f, declared)), declared) };
    const adopted = await withAdoption(olds ?? {}, declared);
    // An adoption keeps what the program leaves out as the pool has it (its tier above all): the rules
    // again, on what the pool will hold, so that a feature its tier lacks fails here, not at `up`.
    if (adopted.adopted !== undefined) {
        const kept = checkRules(adopted);
        if (kept.length > 0) return { inputs: news, failures: masked(kept.map((f) => ({ ...f, reason: `${f.reason} (the adopted pool keeps what this UserPool leaves out)` })), declared) };
    }
    const inputs = filledInputs(adopted);
    noteChecked(inputs);
    return { inputs: __provider === undefined ? inputs : { ...inputs, __provider }, failures: [] };
}

/** A poolName the class took from the resource name: the message says so, and what to do. */
function withNameSource(failure: Failure, declared: Props): Failure {
    if (failure.property !== "poolName" || declared.poolNameIsResourceName !== true) return failure;
    return {
        ...failure,
        reason: `${failure.reason} (no poolName is given, so the pool is named after the UserPool's resource name: give it a poolName, or rename the resource)`,
    };
}

/** Check failures with no secret value in them (validateObject leaves them out by path; rules quote values). */
function masked(failures: Failure[], declared: Props): Failure[] {
    const secrets = secretTexts(declared);
    return secrets.length === 0 ? failures : failures.map((f) => ({ ...f, reason: maskSecrets(f.reason, secrets) }));
}
