// `npm run model`: writes cognitoModel.generated.ts (beside this file) from the installed botocore model.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatedModule, loadBotocoreModel } from "./botocore";

const model = loadBotocoreModel();
const target = join(__dirname, "cognitoModel.generated.ts");
writeFileSync(target, generatedModule(model));
console.log(`wrote ${target} from botocore ${model.version}`);
