// A create or update that failed half-way: the pool exists, so the engine must be told its id and what it
// holds (pkg/resource/plugin/provider_plugin.go, StatusPartialFailure): it records the pool and updates it
// on the next run.
import { poolRecord } from "../state/record";
import { currentState } from "./reads";

type Props = Record<string, any>;

/**
 * The error to throw: the pool as Cognito now holds it (read back), so that the next `pulumi up` sees, and
 * retries, exactly what is still to do. Never the declaration: that would record the failed values as
 * applied, and an attribute Cognito refused to add as declared before (so its removal as refused). When
 * the read fails too, `before` stands in: the previous record, or the pool CreateUserPool returned.
 */
export async function partialFailure(id: string, news: Props, err: Error, before: Props): Promise<Error> {
    const current = await currentState(id).catch(() => undefined);
    const properties = { ...poolRecord(current ?? before, news), __provider: news.__provider };
    return Object.assign(new Error(err.message), { id, properties, reasons: [err.message] });
}
