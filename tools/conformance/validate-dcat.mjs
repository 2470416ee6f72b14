// Validates a DCAT-AP catalogue (Turtle or JSON-LD) against the official DCAT-AP 3.0.1 SHACL shapes, offline.
// Usage: node validate-dcat.mjs SHAPES.ttl CATALOG.(ttl|jsonld) [BASE]
// Exit 0 when the report has no sh:Violation (warnings and infos are printed but allowed).
import { readFileSync } from 'node:fs'
import rdf from '@zazuko/env-node'
import SHACLValidator from 'rdf-validate-shacl'
import { Parser } from 'n3'
import jsonld from 'jsonld'

const [shapesPath, dataPath, base = 'http://localhost/'] = process.argv.slice(2)
if (!shapesPath || !dataPath) {
  console.error('usage: node validate-dcat.mjs SHAPES.ttl CATALOG.(ttl|jsonld) [BASE]')
  process.exit(2)
}

function parse (text, format) {
  const dataset = rdf.dataset()
  for (const q of new Parser({ format, baseIRI: base }).parse(text)) dataset.add(q)
  return dataset
}

async function load (path) {
  const text = readFileSync(path, 'utf8')
  if (path.endsWith('.jsonld') || path.endsWith('.json')) {
    // No remote contexts: the catalogue carries its context inline, and nothing may be fetched here.
    const documentLoader = async (url) => { throw new Error(`refusing to fetch ${url}`) }
    const nquads = await jsonld.toRDF(JSON.parse(text), { format: 'application/n-quads', documentLoader, base })
    return parse(nquads, 'N-Quads')
  }
  return parse(text, 'Turtle')
}

const shapes = await load(shapesPath)
const data = await load(dataPath)
const validator = new SHACLValidator(shapes, { factory: rdf })
const report = await validator.validate(data)
const SH = 'http://www.w3.org/ns/shacl#'
let violations = 0
for (const r of report.results) {
  const severity = r.severity?.value?.replace(SH, '') ?? 'Violation'
  if (severity === 'Violation') violations++
  const message = r.message.map(m => m.value).join('; ')
  console.log(`${severity}: ${r.focusNode?.value} ${r.path?.value ?? ''} ${message} (${r.sourceShape?.value ?? ''})`)
}
const types = [...data.match(null, rdf.ns.rdf.type, null)].length
console.log(`${data.size} triples, ${types} typed nodes, ${violations} violation(s), ${report.results.length - violations} other result(s)`)
if (data.size === 0) { console.error('empty catalogue'); process.exit(1) }
process.exit(violations === 0 ? 0 : 1)
