"""The optional compiled build of the hot extraction modules, and the guard that keeps it fresh.

``make accel`` (``python -m kb.tools.accel build``) compiles :data:`MODULES`, unchanged, with
Cython into ``build/accel/`` of the checkout, each file named by the sha256 of the source it
was compiled from and of the build's configuration (:func:`build_config`: the directives, the C
flags, the Python and Cython versions). :func:`install` (called by ``import kb``) puts
:class:`Finder` first on ``sys.meta_path``: it loads a compiled module only when the key of the
module's ``.py`` as it is now, and of the configuration now, equals that key, else the ordinary
finders load the ``.py`` (as they do when the compiled file goes before it is loaded). An edited module (in an
editor, in JupyterLab) is therefore always read from its source until ``make accel`` is run
again; ``KB_PURE=1`` in the environment turns the compiled build off altogether.

A compiled module's ``__file__`` is its ``.py`` (the source it was built from, byte for byte),
so that paths made from it, ``inspect`` and IPython's autoreload read the source; its
``__spec__.origin`` is the compiled file. This module imports nothing costly: ``hashlib`` only
when one of :data:`MODULES` is imported.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader, ModuleSpec

#: the modules compiled, in the order they import each other: the extractor's (grammar, the
#: tables' reader, linking, drafts) and relation discovery's (arith, which ``kb extract`` and
#: ``kb vet`` run over every text's drafts)
MODULES = ("kb.core.grammar", "kb.extract.tables", "kb.extract.linking", "kb.extract.drafts", "kb.extract.arith")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD_DIR = os.path.join(ROOT, "build", "accel")
#: this interpreter's suffix for extension modules (".cpython-311-x86_64-linux-gnu.so")
SUFFIX = EXTENSION_SUFFIXES[0] if EXTENSION_SUFFIXES else ".so"


def disabled() -> bool:
    """Is the compiled build turned off (``KB_PURE`` set to anything but "" or "0")?"""
    return os.environ.get("KB_PURE", "") not in ("", "0")


def source_path(name: str) -> str:
    return os.path.join(ROOT, *name.split(".")) + ".py"


#: Cython's directives: the modules' Python semantics kept (see kb/tools/accel.py)
DIRECTIVES = "language_level=3,binding=True,annotation_typing=False"
#: the C compiler's flags
CFLAGS = ("-O2", "-fwrapv", "-fno-strict-aliasing", "-fPIC")

_CONFIG: list = []  # (once) the build's configuration, as build_config gives it


def build_config() -> str:
    """What else a build is made from than the source: the directives, the C flags, this
    Python's version and Cython's (looked up once, only when a compiled module is asked for)."""
    if not _CONFIG:
        try:
            from importlib.metadata import PackageNotFoundError, version

            try:
                cython = version("Cython")
            except PackageNotFoundError:
                cython = "none"
        except ImportError:  # (no importlib.metadata: no build matches)
            cython = "unknown"
        _CONFIG.append("\n".join([DIRECTIVES, " ".join(CFLAGS), sys.version, "Cython " + cython]))
    return _CONFIG[0]


def source_key(data: bytes) -> str:
    """The build's key: the sha256 of the source's bytes and of :func:`build_config` (a build
    made by another Cython, Python or set of flags is not this one)."""
    import hashlib

    return hashlib.sha256(data + b"\0" + build_config().encode()).hexdigest()


def build_path(name: str, key: str) -> str:
    """Where the build of module ``name`` compiled from the source whose sha256 is ``key`` lies."""
    return os.path.join(BUILD_DIR, f"{name}.{key}{SUFFIX}")


def compiled_path(name: str) -> str | None:
    """The compiled build of ``name`` made from its current source, or None (none built from
    the source as it is now, or the source unreadable)."""
    try:
        with open(source_path(name), "rb") as f:
            data = f.read()
    except OSError:
        return None
    path = build_path(name, source_key(data))
    return path if os.path.isfile(path) else None


class CompiledLoader(ExtensionFileLoader):
    """Loads the compiled file, the module's ``__file__`` set to its source before it runs."""

    def __init__(self, name: str, path: str, source: str):
        super().__init__(name, path)
        self.source = source

    fallback = None  # the source's loader, when the compiled file went before it was loaded

    def create_module(self, spec):
        try:
            module = super().create_module(spec)
        except (ImportError, OSError):
            if os.path.isfile(self.path):
                raise
            # removed between the finder's look and this load (a rebuild, a clean): the source
            from importlib.machinery import SourceFileLoader

            self.fallback = SourceFileLoader(self.name, self.source)
            return None
        module.__file__ = self.source
        return module

    def exec_module(self, module):
        if self.fallback is None:
            return super().exec_module(module)
        from importlib.util import spec_from_file_location

        module.__file__, module.__loader__ = self.source, self.fallback
        module.__spec__ = spec_from_file_location(self.name, self.source, loader=self.fallback)
        return self.fallback.exec_module(module)


class Finder:
    """The meta-path finder of :data:`MODULES`' compiled builds (None: the ordinary finders)."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if fullname not in MODULES or disabled():
            return None
        # a module reloaded that is not the compiled one (its source was edited since) is read
        # from its source again: a compiled file cannot be run into another module's object
        if target is not None and not isinstance(getattr(target, "__loader__", None), CompiledLoader):
            return None
        so = compiled_path(fullname)
        if so is None:
            return None
        spec = ModuleSpec(fullname, CompiledLoader(fullname, so, source_path(fullname)), origin=so)
        spec.has_location = True
        return spec

    @classmethod
    def invalidate_caches(cls):
        pass


def install() -> None:
    """Put :class:`Finder` first on ``sys.meta_path`` (once), when a build folder exists and
    ``KB_PURE`` does not turn it off."""
    if disabled() or not os.path.isdir(BUILD_DIR) or Finder in sys.meta_path:
        return
    sys.meta_path.insert(0, Finder)


def is_compiled(module) -> bool:
    """Was this module object loaded from a compiled build?"""
    return isinstance(getattr(module, "__loader__", None), CompiledLoader)


def describe() -> str:
    """One line: which of :data:`MODULES` run compiled in this process (those not imported yet:
    which would), and why the others do not."""
    if disabled():
        return "pure Python (KB_PURE is set)"
    compiled, stale = [], []
    for name in MODULES:
        module = sys.modules.get(name)
        ok = is_compiled(module) if module is not None else Finder in sys.meta_path and compiled_path(name) is not None
        (compiled if ok else stale).append(name.rsplit(".", 1)[1])
    if not compiled:
        return "pure Python (no compiled build of the current sources: make accel)"
    if stale:
        return f"compiled: {', '.join(compiled)}; pure Python: {', '.join(stale)} (not built from the current source: make accel)"
    return f"compiled: {', '.join(compiled)} (Cython)"
