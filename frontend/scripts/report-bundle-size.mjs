// After `vite build`: print the gzip size of the JavaScript the first page load
// downloads (the entry chunk and everything it imports statically; lazy route
// chunks are listed separately), and fail when it exceeds the budget.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 200;
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const manifest = JSON.parse(readFileSync(join(dist, ".vite/manifest.json"), "utf8"));

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  (chunk.imports ?? []).forEach(visit);
};
Object.entries(manifest)
  .filter(([, chunk]) => chunk.isEntry)
  .forEach(([key]) => visit(key));

const lazy = Object.values(manifest)
  .map((chunk) => chunk.file)
  .filter((file) => file.endsWith(".js") && !initial.has(file));

const row = (file) => `  ${file.padEnd(48)} ${gzipKb(file).toFixed(1).padStart(7)} kB gzip`;
const total = [...initial].reduce((sum, file) => sum + gzipKb(file), 0);

console.log("\nInitial JavaScript (entry + static imports):");
[...initial].forEach((file) => console.log(row(file)));
console.log(`  ${"total".padEnd(48)} ${total.toFixed(1).padStart(7)} kB gzip (budget ${BUDGET_KB} kB)`);
console.log("Loaded on demand (routes, validators):");
lazy.sort().forEach((file) => console.log(row(file)));

if (total > BUDGET_KB) {
  console.error(`\nInitial JavaScript is ${total.toFixed(1)} kB gzip, over the ${BUDGET_KB} kB budget.`);
  process.exit(1);
}
