"""Compile the theme's templates once per run instead of once per language.

Events: on_env. MkDocs makes a new Jinja environment for every build, and static-i18n builds
once per language, so Material's thirty-odd templates were compiled six times. An in-memory
bytecode cache shared by those environments compiles each template once; its key holds the
template's source checksum, so an edited override (mkdocs serve) is compiled again.
"""

from __future__ import annotations

import jinja2


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_cache = _MemoryBytecodeCache()


def on_env(env, config, files):
    env.bytecode_cache = _cache
    return env
