#!/usr/bin/env python3
"""Resolves merge conflicts where both sides only added lines (registrations in FeatureSetup.cs): keeps ours, then theirs."""
import re, sys
for p in sys.argv[1:]:
    s = open(p, encoding='utf-8').read()
    s = re.sub(r'<<<<<<< [^\n]*\n(.*?)(?:\|\|\|\|\|\|\| [^\n]*\n.*?)?=======\n(.*?)>>>>>>> [^\n]*\n',
               lambda m: m.group(1) + m.group(2), s, flags=re.S)
    open(p, 'w', encoding='utf-8').write(s)
