// Prints one field of every object in a JSON array file, one per line, optionally only where another field
// contains a word. Usage: node json-field.mjs FILE FIELD [FILTER_FIELD WORD]
import { readFileSync } from 'node:fs'
const [path, field, filterField, word] = process.argv.slice(2)
const rows = JSON.parse(readFileSync(path, 'utf8'))
if (!Array.isArray(rows)) { console.error(`${path}: not a JSON array`); process.exit(1) }
for (const row of rows) {
  if (filterField && !String(row[filterField] ?? '').split(',').map(s => s.trim()).includes(word)) continue
  if (row[field] != null) console.log(row[field])
}
