// `npm test` runs the suite twice (tests/run.sh): on Node 22, then on the machine's Node. The suites that
// drive whole programs through the provider host, the CLI or npm (the soak, the demo, the installed
// package, the real CLI) run in the first pass only: the host, the CLI and npm run on the Node on PATH
// (Node 22) in either pass, so a second pass would repeat the same thing at the same cost. The unit and
// host-level suites run in both.

/** Why this pass leaves the heavy suites out, when it does (tests/run.sh sets it for the second pass). */
export const secondPass = process.env.COGNITO_SECOND_PASS;

/** A suite that runs in the first pass only; in the second it shows as one pending test, with the reason. */
export function firstPassOnly(title: string, body: () => void): void {
    if (!secondPass) {
        describe(title, body);
        return;
    }
    describe(title, () => {
        it(`not run in this pass: ${secondPass}`, function () {
            console.log(`      note: "${title}" is not run in this pass: ${secondPass}`);
            this.skip();
        });
    });
}
