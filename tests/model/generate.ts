// `npm run model`: writes provider/model/cognitoModel.generated.ts from the installed botocore model.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatedModule, loadBotocoreModel } from "./botocoreModel";

const model = loadBotocoreModel();
const target = join(__dirname, "..", "..", "provider", "model", "cognitoModel.generated.ts");
writeFileSync(target, generatedModule(model));
console.log(`wrote ${target} from botocore ${model.version}`);
