// Well-formed XML with the expected root element. Usage: node check-xml.mjs FILE NAMESPACE LOCALNAME
import { readFileSync } from 'node:fs'
import { DOMParser } from '@xmldom/xmldom'
const [path, ns, local] = process.argv.slice(2)
const errors = []
const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(`XML ${level}: ${msg}`) } })
  .parseFromString(readFileSync(path, 'utf8'), 'application/xml')
const root = doc.documentElement
if (!root || root.namespaceURI !== ns || root.localName !== local) errors.push(`root is not {${ns}}${local}`)
const count = root ? Array.from(root.childNodes).filter(n => n.nodeType === 1).length : 0
for (const e of errors) console.log(e)
console.log(`${count} child element(s), ${errors.length} error(s)`)
process.exit(errors.length === 0 && count > 0 ? 0 : 1)
