"""Python imports: ``import``, ``from ... import``, relative and star imports, resolved lazily."""

from __future__ import annotations

import ast

from lossguard.static.interp.base import InterpBase
from lossguard.static.interp.frame import Env, Frame, is_external
from lossguard.static.project import ModuleInfo, canonical, resolve_relative
from lossguard.static.values import UNKNOWN, LazyImport, ModuleRef, QualName, Value


class ImportsMixin(InterpBase):
    """Import statements and the values they bind."""

    def _exec_import_from(self, stmt: ast.ImportFrom, frame: Frame, env: Env) -> None:
        level = stmt.level or 0
        base = stmt.module or ""
        if level:
            base = resolve_relative(frame.module, level, base)
        if len(stmt.names) == 1 and stmt.names[0].name == "*":
            target = self.project.find_module(base, frame.module) if not is_external(base) else None
            if target is not None and target is not frame.module:
                env.update({k: v for k, v in self.module_globals(target).items() if not k.startswith("_")})
                for name in _listed_names(target):
                    # a package's `__all__ = ["resnet18", "mymodel"]` naming its submodules: `from models import *`
                    # imports each of them (round 32, step-cheng/CIFAR10-pytorch's notebook calls `mymodel.myNN()`)
                    if name not in env and self.project.find_module(f"{base}.{name}", frame.module) is not None:
                        env[name] = ModuleRef(f"{base}.{name}", frame.module)
            else:
                frame.module.star_imports.append(base)
            return
        for alias in stmt.names:
            env[alias.asname or alias.name] = self._from_import_value(base, alias.name, frame.module, relative=bool(level))

    def _import_value(self, dotted: str, importer: ModuleInfo, imported: str | None = None) -> Value:
        """The value ``import <imported>`` binds to ``dotted`` (the root name, or the whole name with ``as``)."""
        if not is_external(imported or dotted) and self.project.find_module(imported or dotted, importer) is not None:
            return ModuleRef(dotted, importer)
        return QualName(canonical(dotted))

    def module_attribute(self, ref: ModuleRef, name: str) -> Value:
        """``mod.name``: a global of the project module, or its submodule ``mod.name``."""
        target = self.project.find_module(ref.dotted, ref.importer)
        if target is not None and target is not ref.importer:
            val = (target.globals or {}).get(name) if target.analyzing else self.module_globals(target).get(name)
            if val is not None:
                return self.resolve(val)
        full = f"{ref.dotted}.{name}"
        if self.project.find_module(full, ref.importer) is not None:
            return ModuleRef(full, ref.importer)
        return UNKNOWN

    def _from_import_value(self, base: str, name: str, importer: ModuleInfo, relative: bool) -> Value:
        full = f"{base}.{name}" if base else name
        if is_external(base) and not relative:
            return QualName(canonical(full))
        return LazyImport(base, name, relative, importer)

    def resolve(self, val: Value, depth: int = 0) -> Value:
        """The value behind a lazy import (parsing the imported file on first use)."""
        if not isinstance(val, LazyImport):
            return val
        key = (id(val.importer), val.base, val.name)
        cached = self._lazy.get(key)
        if cached is not None:
            return cached
        if depth > 8:
            return UNKNOWN
        self._lazy[key] = UNKNOWN  # import cycles resolve to unknown
        result = self.resolve(self._import_now(val.base, val.name, val.importer), depth + 1)
        self._lazy[key] = result
        return result

    def _import_now(self, base: str, name: str, importer: ModuleInfo) -> Value:
        full = f"{base}.{name}" if base else name
        target = self.project.find_module(base, importer)
        if target is not None and target is not importer:
            if target.analyzing:
                val = (target.globals or {}).get(name)
                return val if val is not None else UNKNOWN
            val = self.module_globals(target).get(name)
            if val is not None:
                return val
        sub = self.project.find_module(full, importer)
        if sub is not None:
            return ModuleRef(full, importer)
        return QualName(canonical(full))


def _listed_names(module: ModuleInfo) -> list[str]:
    """The strings of a module's top-level ``__all__ = [...]`` (or a tuple) written as literals; [] for anything else."""
    names: list[str] = []
    for stmt in module.module.body:
        if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in stmt.targets):
            if isinstance(stmt.value, (ast.List, ast.Tuple)):
                names = [e.value for e in stmt.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return names
