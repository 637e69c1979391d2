// Checks a JSON-LD file with the npm jsonld package, offline: it is
// converted to N-Quads (remote contexts refused) and its triples compared
// with an N-Triples file of the same graph. Usage: node jsonld-check.js FILE.jsonld FILE.nt
const fs = require("fs");
const jsonld = require(process.env.JSONLD_DIR + "/node_modules/jsonld");
const [file, nt] = process.argv.slice(2);
const offline = () => { throw new Error("remote context refused: the check is offline"); };
(async () => {
  const doc = JSON.parse(fs.readFileSync(file, "utf8"));
  const nq = await jsonld.toRDF(doc, { format: "application/n-quads", documentLoader: offline });
  const norm = (s) => new Set(s.split("\n").map((l) => l.trim()).filter(Boolean));
  const got = norm(nq), want = norm(fs.readFileSync(nt, "utf8"));
  if (got.size !== want.size) {
    console.error(`FAIL(jsonld): ${file}: ${got.size} triples, the N-Triples export has ${want.size}`);
    process.exit(1);
  }
  console.error(`ok: ${file}: ${got.size} triples through jsonld.js`);
})().catch((e) => { console.error(`FAIL(jsonld): ${file}: ${e.message}`); process.exit(1); });
