#!/usr/bin/env python3
"""Adds or updates UI strings in both resource files.

Input (stdin or a file argument): one string per line, KEY<TAB>Bulgarian<TAB>English. Blank lines and lines
starting with # are skipped. An existing key gets its values replaced; a new key is appended.
    python3 tools/add-strings.py <<'END'
    Events.Register	Записване	Register
    END
"""
import re
import sys
from xml.sax.saxutils import escape

ROOT = __file__.rsplit('/tools/', 1)[0] + '/src/Agora.Web/Resources/'
FILES = {1: ROOT + 'SharedResource.resx', 2: ROOT + 'SharedResource.en.resx'}


def entry(key, value):
    return f'  <data name="{escape(key, {chr(34): "&quot;"})}" xml:space="preserve">\n    <value>{escape(value)}</value>\n  </data>\n'


def main():
    src = open(sys.argv[1], encoding='utf-8') if len(sys.argv) > 1 else sys.stdin
    rows = []
    for line in src:
        line = line.rstrip('\n')
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        parts = line.split('\t')
        if len(parts) != 3 or not all(p.strip() for p in parts):
            sys.exit(f'expected KEY<TAB>bg<TAB>en: {line!r}')
        rows.append(parts)
    for col, path in FILES.items():
        text = open(path, encoding='utf-8').read()
        for row in rows:
            key, value = row[0], row[col]
            pattern = re.compile(r'  <data name="' + re.escape(key) + r'" xml:space="preserve">\n    <value>.*?</value>\n  </data>\n', re.S)
            if pattern.search(text):
                text = pattern.sub(lambda _: entry(key, value), text, count=1)
            else:
                text = text.replace('</root>', entry(key, value) + '</root>')
        open(path, 'w', encoding='utf-8').write(text)
    print(f'{len(rows)} strings in both languages')


if __name__ == '__main__':
    main()
