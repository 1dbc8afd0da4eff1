// An invalid declaration is refused by check before anything reaches Cognito: through the engine harness
// and the real provider host, `pulumi preview` and `pulumi up` both fail with check's message (property
// path in it), the layer in front of moto counts zero API calls, and no pool appears.
import assert from "node:assert/strict";
import { join } from "node:path";
import { CognitoIdentityProviderClient, ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { Engine } from "../support/engine";
import { localCognito } from "../support/localCognito";
import { repoRoot } from "../support/stacks";

type Props = Record<string, any>;

/** Every pool's id, page by page (ListUserPools itself is a call: taken before resetCalls and after the check). */
async function poolIds(): Promise<string[]> {
    const client = new CognitoIdentityProviderClient({});
    const ids: string[] = [];
    let NextToken: string | undefined;
    do {
        const page = await client.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
        ids.push(...page.UserPools!.map((p) => p.Id!));
        NextToken = page.NextToken;
    } while (NextToken);
    return ids.sort();
}

function stackWith(inputs: Props): Engine {
    return new Engine({
        project: "declared",
        stack: "test",
        program: join(repoRoot, "tests", "programs", "declared"),
        config: { "declared:inputs": JSON.stringify(inputs) },
    });
}

const cases: [string, Props, RegExp[]][] = [
    [
        "a value out of range (a row's shape)",
        { policies: { passwordPolicy: { minimumLength: 5 } } },
        [/'policies\.passwordPolicy\.minimumLength' is 5; it must be from 6 to 99/],
    ],
    [
        "aliasAttributes beside usernameAttributes (a cross-member rule)",
        { aliasAttributes: ["email"], usernameAttributes: ["email"] },
        [/'usernameAttributes' and 'aliasAttributes' are both set/],
    ],
    [
        "three mistakes at once: a required custom attribute, a custom sender without a KMS key, a tag value too long",
        {
            schema: [{ name: "tenant", attributeDataType: "String", required: true }],
            lambdaConfig: { customSmsSender: { lambdaVersion: "V1_0", lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:sms" } },
            userPoolTags: { team: "x".repeat(300) },
        },
        [
            /'schema\[0\]\.required' is true; Cognito cannot require a custom attribute/,
            /'lambdaConfig\.kmsKeyId' is missing; lambdaConfig\.customSmsSender needs the ARN of a KMS key/,
            /'userPoolTags\["team"\]' is "x+\.\.\.; it must be at most 256 characters long/,
        ],
    ],
];

describe("an invalid declaration makes no API call and no pool (engine harness)", function () {
    this.timeout(60_000);

    for (const [label, inputs, messages] of cases) {
        it(label, async () => {
            const before = await poolIds();
            const engine = stackWith(inputs);
            localCognito().resetCalls();
            for (const run of [() => engine.preview(), () => engine.up()]) {
                await assert.rejects(run(), (err: Error) => {
                    assert.match(err.message, /UserPool pool:/);
                    for (const m of messages) assert.match(err.message, m);
                    return true;
                });
            }
            assert.deepEqual(localCognito().calls(), [], "no call reached Cognito");
            assert.equal(engine.state.size, 0, "nothing recorded in the stack");
            assert.deepEqual(await poolIds(), before, "no new pool");
        });
    }
});
