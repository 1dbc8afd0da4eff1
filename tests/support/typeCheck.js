// Type-checks folders with this repository's TypeScript, as `tsc -p <folder>` would, reporting what tsc
// reports for the folder's own files and for the installed package's declarations (node_modules/<package>),
// and nothing about other libraries' declarations (@types/node, @pulumi/pulumi: checking those takes
// most of tsc's time and is their business). A worker of tests/support/consumerTypes.ts, in plain
// JavaScript so that it runs without ts-node: `node typeCheck.js <package> <folder>...` prints
// {"<folder>": ["<diagnostic>", ...], ...} as JSON.
"use strict";
const ts = require("typescript");
const { join, relative, sep } = require("node:path");

const [pkg, ...folders] = process.argv.slice(2);
const host = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => "\n",
};

// Declaration files under node_modules are parsed once for all the folders: what differs between the
// module settings (the resolution of imports, a file's module format) is the program's, or is part of the
// key (impliedNodeFormat is in the parse options); a declaration file's parse and binding do not depend
// on module or moduleResolution otherwise. This halves the time of checking five settings.
const parsedDeclarations = new Map();
function compilerHost(options) {
    const base = ts.createCompilerHost(options);
    const getSourceFile = base.getSourceFile.bind(base);
    base.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreate) => {
        if (!fileName.includes(`${sep}node_modules${sep}`) || !fileName.endsWith(".d.ts")) {
            return getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate);
        }
        const key = `${fileName}\0${JSON.stringify(languageVersionOrOptions)}`;
        if (!parsedDeclarations.has(key)) parsedDeclarations.set(key, getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate));
        return parsedDeclarations.get(key);
    };
    return base;
}

const results = {};
for (const folder of folders) {
    const parsed = ts.getParsedCommandLineOfConfigFile(join(folder, "tsconfig.json"), {}, {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
            throw new Error(ts.formatDiagnostic(d, host));
        },
    });
    const program = ts.createProgram({
        rootNames: parsed.fileNames,
        options: parsed.options,
        projectReferences: parsed.projectReferences,
        host: compilerHost(parsed.options),
    });
    const ours = (f) => !f.fileName.includes(`${sep}node_modules${sep}`) || f.fileName.includes(`${sep}node_modules${sep}${pkg}${sep}`);
    const files = program.getSourceFiles().filter(ours);
    const diagnostics = [
        ...parsed.errors,
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...files.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]),
    ];
    results[folder] = diagnostics.map((d) => {
        const text = ts.flattenDiagnosticMessageText(d.messageText, "\n    ");
        if (!d.file || d.start === undefined) return `TS${d.code}: ${text}`;
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        const source = d.file.text.split("\n")[line].trim();
        return `${relative(folder, d.file.fileName)}(${line + 1},${character + 1}): TS${d.code}: ${text}\n    | ${source}`;
    });
}
process.stdout.write(JSON.stringify(results));
