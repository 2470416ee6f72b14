#!/usr/bin/env python3
"""Git merge driver for .resx files: the union of both sides' <data> entries.

Branches that each add strings conflict at the end of the file; the right merge keeps every entry. Where both sides
changed the same key, ours wins and the key is printed. Register once per clone:
  git config merge.resx.driver "python3 tools/union-resx.py %O %A %B"
(.gitattributes already maps *.resx to it). Usage by git: union-resx.py BASE OURS THEIRS (writes OURS)."""
import re, sys

DATA = re.compile(r'  <data name="([^"]+)"[^>]*>.*?</data>\n', re.S)

def entries(text):
    return {m.group(1): m.group(0) for m in DATA.finditer(text)}

base_path, ours_path, theirs_path = sys.argv[1:4]
ours = open(ours_path, encoding='utf-8-sig').read()
theirs = open(theirs_path, encoding='utf-8-sig').read()
base = entries(open(base_path, encoding='utf-8-sig').read())
mine = entries(ours)
added = []
for key, block in entries(theirs).items():
    if key not in mine:
        added.append(block)
    elif mine[key] != block and base.get(key) == mine[key]:
        ours = ours.replace(mine[key], block)  # only they changed it
    elif mine[key] != block and base.get(key) != block:
        print(f"union-resx: both sides changed {key}; kept ours", file=sys.stderr)
end = ours.rindex('</root>')
ours = ours[:end] + ''.join(added) + ours[end:]
open(ours_path, 'w', encoding='utf-8').write(ours)
