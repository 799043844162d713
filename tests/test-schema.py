#!/usr/bin/env python3
# test-schema.py ROLLOUT_CLI — checks that data/rollout-project.schema.json
# agrees with Rollout: every plan Rollout accepts or writes validates against
# it, and the files Rollout refuses for their form are refused by it too.
# Prints TAP.
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

cli = sys.argv[1]
src = os.environ.get('G_TEST_SRCDIR', os.path.dirname(os.path.abspath(__file__)))
top = os.path.join(src, '..')
schema = json.load(open(os.path.join(top, 'data', 'rollout-project.schema.json'), encoding='utf-8'))
validator = jsonschema.Draft202012Validator(schema)

results = []


def check(ok, description, detail=''):
    results.append((ok, description, detail))


check(True, 'the schema itself is valid') if not list(
    jsonschema.Draft202012Validator(jsonschema.Draft202012Validator.META_SCHEMA).iter_errors(schema)
) else check(False, 'the schema itself is valid')

with tempfile.TemporaryDirectory() as tmp:
    generated = os.path.join(tmp, 'generated.rollout')
    subprocess.run([cli, 'generate', '--tasks', '200', '--seed', '3', '-o', generated], check=True)
    accepted = [
        os.path.join(top, 'data', 'demo', 'scooter-reservations.rollout'),
        os.path.join(src, 'data', 'unknown-keys.rollout'),
        generated,
    ]
    for path in accepted:
        errors = list(validator.iter_errors(json.load(open(path, encoding='utf-8'))))
        check(not errors, f'{os.path.basename(path)} validates against the schema',
              errors[0].message if errors else '')

# Files refused for their form must be refused by the schema as well.
for name in ['missing-required', 'wrong-types', 'out-of-range', 'bad-values',
             'invalid-dates', 'wrong-format', 'newer-version', 'no-working-days']:
    path = os.path.join(src, 'data', 'invalid', name + '.rollout')
    document = json.load(open(path, encoding='utf-8'))
    check(not validator.is_valid(document), f'{name}.rollout is refused by the schema')

failed = 0
for i, (ok, description, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {description}')
    if not ok:
        failed += 1
        if detail:
            print(f'# {detail}')
print(f'1..{len(results)}')
sys.exit(1 if failed else 0)
