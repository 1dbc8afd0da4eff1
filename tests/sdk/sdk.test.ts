// The UserPool resource as a Pulumi program registers it (pulumi.runtime.setMocks plays the engine).
import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { UserPool } from "../../sdk";

interface Registration {
    type: string;
    name: string;
    inputs: Record<string, any>;
    id?: string;
}

describe("UserPool resource", () => {
    const registered: Registration[] = [];
    before(() => {
        pulumi.runtime.setMocks(
            {
                newResource: (args) => {
                    registered.push({ type: args.type, name: args.name, inputs: args.inputs, id: args.id });
                    return { id: args.id ?? `us-east-1_${args.name}`, state: { ...args.inputs, arn: `arn:${args.name}` } };
                },
                call: () => ({}),
            },
            "project",
            "stack",
            false,
        );
    });
    beforeEach(() => registered.splice(0));

    const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

    it("registers a dynamic resource whose poolName defaults to the resource name", async () => {
        const pool = new UserPool("users", { mfaConfiguration: "OFF" });
        await settled();
        assert.equal(registered.length, 1);
        assert.equal(registered[0].type, "pulumi-nodejs:dynamic/cognito:UserPool");
        assert.equal(registered[0].inputs.poolName, "users");
        assert.equal(registered[0].inputs.poolNameIsResourceName, true, "so that a message about poolName can say where it came from");
        assert.equal(registered[0].inputs.mfaConfiguration, "OFF");
        assert.equal(typeof registered[0].inputs.__provider, "string");
        assert.equal(await new Promise((resolve) => pool.arn.apply(resolve)), "arn:users");
    });

    it("keeps an explicit poolName and leaves undeclared members out", async () => {
        new UserPool("users", { poolName: "Customers", aliasAttributes: undefined });
        await settled();
        assert.equal(registered[0].inputs.poolName, "Customers");
        assert.equal(registered[0].inputs.poolNameIsResourceName, undefined);
        assert.ok(!("aliasAttributes" in registered[0].inputs));
    });

    it("registering takes no stack traces (a program of many pools), and leaves Error.stackTraceLimit as it was", async () => {
        const limit = Error.stackTraceLimit;
        const frames: number[] = [];
        const prepare = Error.prepareStackTrace;
        // Every stack trace formatted while the resource registers (@pulumi/pulumi's debuggablePromise takes one per promise).
        Error.prepareStackTrace = (err, calls) => (frames.push(calls.length), prepare ? prepare(err, calls) : String(err));
        try {
            new UserPool("traced", {});
        } finally {
            Error.prepareStackTrace = prepare;
        }
        await settled();
        assert.equal(Error.stackTraceLimit, limit);
        const withFrames = frames.filter((n) => n > 0).length;
        assert.ok(frames.length > 50 && withFrames <= 2, `${withFrames} of the ${frames.length} stack traces taken while registering have frames`);
        assert.ok(new Error().stack!.split("\n").length > 1, "stack traces elsewhere are whole");
    });

    it("UserPool.get reads by id without inventing a poolName", async () => {
        UserPool.get("legacy", "us-east-1_AbCdEfGhI");
        await settled();
        assert.equal(registered[0].id, "us-east-1_AbCdEfGhI");
        assert.equal(registered[0].inputs.poolName, undefined);
    });
});

describe("UserPool's outputs", () => {
    it("every input is an output, and every output has TSDoc and a real type (generated: sdk/types.generated.ts)", () => {
        const { readFileSync } = require("node:fs") as typeof import("node:fs");
        const { join } = require("node:path") as typeof import("node:path");
        const { userPoolProperties } = require("../../provider/pool/properties") as typeof import("../../provider/pool/properties");
        const { resourceInputs } = require("../../provider/pool/resourceInputs") as typeof import("../../provider/pool/resourceInputs");
        const { COMPUTED_OUTPUTS } = require("../../provider/state/fromCognito") as typeof import("../../provider/state/fromCognito");
        const source = readFileSync(join(__dirname, "..", "..", "sdk", "types.generated.ts"), "utf8");
        const outputs = source.slice(source.indexOf("export interface UserPoolOutputs"));
        const names = [
            ...userPoolProperties.map((f) => f.name),
            ...resourceInputs.filter((f) => f.apply !== "options").map((f) => f.name),
            ...COMPUTED_OUTPUTS,
        ];
        for (const name of names) {
            const declared = new RegExp(`/\\*\\*[^]*?\\*/\\n\\s+${name}\\??: ([^;]+);`).exec(outputs);
            assert.ok(declared, `UserPoolOutputs has no documented output ${name}`);
            assert.doesNotMatch(declared![1], /\bany\b/, `${name}'s type is any`);
        }
    });
});
