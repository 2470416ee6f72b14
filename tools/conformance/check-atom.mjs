// Atom (RFC 4287) check: well-formed XML, a feed in the Atom namespace with id, title, updated and a self link;
// every entry with id, title, updated and a link. Usage: node check-atom.mjs FILE.atom
import { readFileSync } from 'node:fs'
import { DOMParser } from '@xmldom/xmldom'

const ATOM = 'http://www.w3.org/2005/Atom'
const [path] = process.argv.slice(2)
const errors = []
const doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') errors.push(`XML ${level}: ${msg}`) } })
  .parseFromString(readFileSync(path, 'utf8'), 'application/xml')
const feed = doc.documentElement
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const children = (el, name) => Array.from(el.childNodes).filter(n => n.nodeType === 1 && n.namespaceURI === ATOM && n.localName === name)
function required (el, what) {
  for (const name of ['id', 'title', 'updated']) {
    const found = children(el, name)
    if (found.length !== 1) errors.push(`${what}: ${found.length} <${name}>`)
  }
  const updated = children(el, 'updated')[0]?.textContent ?? ''
  if (!RFC3339.test(updated)) errors.push(`${what}: updated "${updated}" is not RFC 3339`)
}
let entries = 0
if (!feed || feed.namespaceURI !== ATOM || feed.localName !== 'feed') {
  errors.push('root is not an Atom <feed>')
} else {
  required(feed, 'feed')
  if (!children(feed, 'link').some(l => l.getAttribute('rel') === 'self')) errors.push('feed without a self link')
  const feedAuthor = children(feed, 'author').length > 0
  for (const entry of children(feed, 'entry')) {
    entries++
    required(entry, `entry ${entries}`)
    if (children(entry, 'link').length === 0 && children(entry, 'content').length === 0) errors.push(`entry ${entries}: no link nor content`)
    if (!feedAuthor && children(entry, 'author').length === 0) errors.push(`entry ${entries}: no author`)
  }
}
for (const e of errors) console.log(e)
console.log(`${entries} entr${entries === 1 ? 'y' : 'ies'}, ${errors.length} error(s)`)
process.exit(errors.length === 0 ? 0 : 1)
