// The provider called the way the engine calls it, for suites that call its methods directly: Diff always
// comes after a Check of the same inputs, and gets what Check returned
// (pkg/resource/deploy/step_generator.go: continueStepsFromImport checks, generateStepsFromDiff diffs the
// checked inputs). A Diff with no Check before it is a refresh's (pkg/resource/deploy/step.go,
// RefreshStep.Apply), and the provider treats it so (provider/verbs/deployment.ts).
import type * as pulumi from "@pulumi/pulumi";
import runtime = require("../../provider/runtime");

type Props = Record<string, any>;

export const provider: pulumi.dynamic.ResourceProvider & Required<Pick<pulumi.dynamic.ResourceProvider, "check" | "diff" | "read" | "update" | "delete">> = {
    ...(runtime as any),
    async diff(id: string, olds: Props, news: Props) {
        const checked = await runtime.check!({}, news);
        if (checked.failures && checked.failures.length > 0) throw new Error(checked.failures.map((f) => f.reason).join("\n"));
        return runtime.diff!(id, olds, checked.inputs);
    },
};

/** The Diff a refresh makes: no Check before it (olds: the pool as read, news: the inputs in state). */
export const refreshDiff = (id: string, olds: Props, news: Props) => runtime.diff!(id, olds, news);
