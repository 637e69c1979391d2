// Runs SPARQL queries in Oxigraph (the npm package rdfcheck installs) over
// one RDF file, for kg's tests and benchmarks (package oxigraph embeds it).
//
//   OXIGRAPH=<dir with node_modules/oxigraph> node oxigraph.js FILE RUNS < queries.json
//
// queries.json is a JSON array of SELECT queries. Each query runs RUNS times
// (at least once); the output is JSON: {"load_ms": …, "results": [{"vars":
// […], "rows": [[…]…], "ms": [per run]}…]}. Values are N-Triples terms, as
// in SPARQL's TSV results (plain numbers stay plain).
const ox = require(process.env.OXIGRAPH + "/node_modules/oxigraph");
const fs = require("fs");
const [file, runs] = [process.argv[2], Math.max(1, +process.argv[3] || 1)];
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
const mime = /\.nt$/.test(file) ? "application/n-triples" : /\.nq$/.test(file) ? "application/n-quads" : "text/turtle";
const store = new ox.Store();
let t = process.hrtime.bigint();
store.load(fs.readFileSync(file), { format: mime, base_iri: "file:///" });
const ms = (a, b) => Number(b - a) / 1e6;
const out = { load_ms: ms(t, process.hrtime.bigint()), results: [] };
for (const q of queries) {
  const r = { vars: [], rows: [], ms: [] };
  for (let i = 0; i < runs; i++) {
    t = process.hrtime.bigint();
    const tsv = String(store.query(q, { results_format: "tsv", use_default_graph_as_union: true }));
    r.ms.push(ms(t, process.hrtime.bigint()));
    if (i === 0) {
      const lines = tsv.split("\n").filter((l) => l !== "");
      r.vars = (lines.shift() || "").split("\t").map((v) => v.replace(/^\?/, ""));
      r.rows = lines.map((l) => l.split("\t"));
    }
  }
  out.results.push(r);
}
process.stdout.write(JSON.stringify(out));
