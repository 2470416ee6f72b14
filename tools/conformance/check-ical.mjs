// Strict iCalendar check: RFC 5545 line rules checked here (CRLF only, folding at 75 octets), then parsed by
// ical.js 2.x, then the components checked for what RFC 5545 requires (VERSION, PRODID; UID, DTSTAMP, DTSTART).
// Usage: node check-ical.mjs FILE.ics [MIN_EVENTS]
import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'

const [path, minEvents = '0'] = process.argv.slice(2)
const bytes = readFileSync(path)
const text = bytes.toString('utf8')
const errors = []
if (!text.startsWith('BEGIN:VCALENDAR\r\n')) errors.push('does not start with BEGIN:VCALENDAR CRLF')
if (!text.endsWith('END:VCALENDAR\r\n')) errors.push('does not end with END:VCALENDAR CRLF')
const lines = text.split('\r\n')
lines.pop()
lines.forEach((line, i) => {
  if (line.includes('\n') || line.includes('\r')) errors.push(`line ${i + 1}: bare LF or CR`)
  const octets = Buffer.byteLength(line, 'utf8')
  if (octets > 75) errors.push(`line ${i + 1}: ${octets} octets, more than 75 (not folded)`)
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(line)) errors.push(`line ${i + 1}: control character`)
})
let events = 0
try {
  const root = new ICAL.Component(ICAL.parse(text))
  if (root.name !== 'vcalendar') errors.push(`root is ${root.name}`)
  for (const p of ['version', 'prodid']) if (!root.hasProperty(p)) errors.push(`VCALENDAR without ${p.toUpperCase()}`)
  if (root.getFirstPropertyValue('version') !== '2.0') errors.push('VERSION is not 2.0')
  const tzids = new Set(root.getAllSubcomponents('vtimezone').map(z => z.getFirstPropertyValue('tzid')))
  const uids = new Set()
  for (const ev of root.getAllSubcomponents('vevent')) {
    events++
    for (const p of ['uid', 'dtstamp', 'dtstart']) if (!ev.hasProperty(p)) errors.push(`VEVENT ${events} without ${p.toUpperCase()}`)
    const uid = ev.getFirstPropertyValue('uid')
    if (uids.has(uid)) errors.push(`duplicate UID ${uid}`)
    uids.add(uid)
    for (const p of ['dtstart', 'dtend']) {
      const prop = ev.getFirstProperty(p)
      const tzid = prop?.getParameter('tzid')
      if (tzid && !tzids.has(tzid)) errors.push(`VEVENT ${uid}: ${p.toUpperCase()} uses TZID ${tzid} without its VTIMEZONE`)
    }
    const e = new ICAL.Event(ev)
    if (e.endDate && e.startDate && e.endDate.compare(e.startDate) < 0) errors.push(`VEVENT ${uid}: ends before it starts`)
  }
} catch (err) {
  errors.push(`ical.js: ${err.message}`)
}
if (events < Number(minEvents)) errors.push(`${events} events, expected at least ${minEvents}`)
for (const e of errors) console.log(e)
console.log(`${events} event(s), ${errors.length} error(s)`)
process.exit(errors.length === 0 ? 0 : 1)
