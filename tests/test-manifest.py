#!/usr/bin/env python3
# test-manifest.py MANIFEST — checks the Flatpak manifest: valid JSON, the
# app id, command, runtime and SDK, permissions no wider than a document app
# needs (files come through the file chooser and document portals), and an
# app module built with meson from this source tree. Prints TAP.
import json
import sys

path = sys.argv[1]
results = []


def check(ok, description, detail=''):
    results.append((bool(ok), description, detail))


try:
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)
    check(isinstance(manifest, dict), 'the manifest is a JSON object')
except (OSError, ValueError) as e:
    manifest = {}
    check(False, 'the manifest is valid JSON', str(e))

app_id = manifest.get('id', manifest.get('app-id'))
check(app_id == 'com.example.Rollout', 'the app id is com.example.Rollout', repr(app_id))
check(manifest.get('command') == 'rollout', 'the command is rollout', repr(manifest.get('command')))
check(manifest.get('runtime') == 'org.gnome.Platform', 'the runtime is org.gnome.Platform',
      repr(manifest.get('runtime')))
check(manifest.get('sdk') == 'org.gnome.Sdk', 'the SDK is org.gnome.Sdk', repr(manifest.get('sdk')))
version = str(manifest.get('runtime-version', ''))
check(version.isdigit(), 'the runtime version is a stable GNOME release', repr(version))

args = manifest.get('finish-args', [])
check(isinstance(args, list) and all(isinstance(a, str) for a in args),
      'finish-args is a list of strings', repr(args))
args = [a for a in args if isinstance(a, str)]

# Any --filesystem is too wide for a document app, but name the worst ones.
broad = ('home', 'host', 'host-os', 'host-etc', 'host-root')
for a in args:
    if a.startswith('--filesystem='):
        where = a.split('=', 1)[1].split(':')[0].rstrip('/')
        check(where not in broad and not where.startswith('~') and not where.startswith('/'),
              'no broad filesystem access (%s)' % a)
check(not any(a.startswith('--filesystem=') for a in args), 'no filesystem access at all',
      ', '.join(a for a in args if a.startswith('--filesystem=')))
check('--share=network' not in args, 'no network access')
for wide in ('--socket=x11', '--socket=session-bus', '--socket=system-bus', '--device=all',
             '--talk-name=org.freedesktop.Flatpak'):
    check(wide not in args, 'not %s' % wide)
for needed in ('--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri'):
    check(needed in args, 'has %s' % needed)

modules = manifest.get('modules', [])
app_module = modules[-1] if modules and isinstance(modules[-1], dict) else {}
check(app_module.get('buildsystem') == 'meson', 'the app module builds with meson',
      repr(app_module.get('buildsystem')))
sources = app_module.get('sources', [])
check(any(isinstance(s, dict) and s.get('type') == 'dir' and s.get('path') in ('.', './')
          for s in sources),
      'the app module builds this directory', repr(sources))

# The runtime has GTK, libadwaita, json-glib, SQLite and libxml2.
in_runtime = ('gtk', 'libadwaita', 'json-glib', 'sqlite', 'libxml2', 'glib')
for m in modules:
    name = m.get('name', '') if isinstance(m, dict) else str(m)
    check(not any(name.lower().startswith(r) for r in in_runtime),
          'module %s is not one the runtime already has' % name)

cleanup = manifest.get('cleanup', [])
for pattern in ('/include', '/lib/pkgconfig', '*.a'):
    check(pattern in cleanup, 'cleanup removes %s' % pattern)

print('1..%d' % len(results))
for n, (ok, description, detail) in enumerate(results, 1):
    print('%s %d - %s' % ('ok' if ok else 'not ok', n, description))
    if not ok and detail:
        print('# ' + detail)
sys.exit(0 if all(r[0] for r in results) else 1)
