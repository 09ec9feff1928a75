"""part of positive project [LG006]: the package's own Cython build script (`python graphsaint/setup.py build_ext --inplace`), beside its `__init__.py`."""

# Source: GraphSAINT/GraphSAINT@c9b1e34 graphsaint/setup.py (re-typed, cut)
from distutils.core import setup

setup(ext_modules=[], include_dirs=[])
