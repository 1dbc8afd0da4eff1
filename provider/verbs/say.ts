// What the provider tells the user beside its answers: a line on the host's stderr, which the CLI shows
// (it passes a plugin's stderr on as diagnostics, pkg/resource/plugin/plugin.go), never with a value the
// program marked secret in `props`.
import { maskSecrets, secretTexts } from "../pool/secrets";

type Props = Record<string, any>;

export function say(line: string, ...props: Props[]): void {
    console.error(maskSecrets(line, secretTexts(...props)));
}
