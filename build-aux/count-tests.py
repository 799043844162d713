#!/usr/bin/env python3
# count-tests.py LOG[:LABEL]... — reads meson's testlog.json files and prints
# one line per failed case, then "N passed, N failed". A TAP test counts each
# of its cases; any other test counts once. Exits 1 when anything failed.
import json
import re
import sys

passed = failed = skipped = 0
failures = []

for arg in sys.argv[1:]:
    path, _, label = arg.partition(':')
    try:
        lines = open(path, encoding='utf-8').read().splitlines()
    except OSError as e:
        print(f'cannot read {path}: {e}')
        failed += 1
        continue
    for line in lines:
        if not line.strip():
            continue
        t = json.loads(line)
        name = t['name'] + (f' ({label})' if label else '')
        result = t['result']
        cases = re.findall(r'^(not ok|ok)\b(.*)$', t.get('stdout') or '', re.M)
        if t.get('protocol') == 'tap' or cases:
            for verdict, rest in cases:
                # TAP: a TODO case is known unfinished work, not a failure.
                if '# SKIP' in rest or '# TODO' in rest:
                    skipped += 1
                elif verdict == 'ok':
                    passed += 1
                else:
                    failed += 1
                    failures.append(f'{name}:{rest}')
            # A crash after the last case, or a plan not met, is a failure too.
            if result not in ('OK', 'SKIP', 'EXPECTEDFAIL') and not any(v == 'not ok' for v, _ in cases):
                failed += 1
                failures.append(f'{name}: {result}')
        elif result == 'SKIP':
            skipped += 1
        elif result in ('OK', 'EXPECTEDFAIL'):
            passed += 1
        else:
            failed += 1
            failures.append(f'{name}: {result}')

for f in failures:
    print(f'FAILED {f}')
line = f'{passed} passed, {failed} failed'
if skipped:
    line += f', {skipped} skipped'
print(line)
sys.exit(1 if failed else 0)
