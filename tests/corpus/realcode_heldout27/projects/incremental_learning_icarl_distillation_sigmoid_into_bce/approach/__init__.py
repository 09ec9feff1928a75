"""part of positive project [LG016]: the approach package marker (the framework imports an approach module by name)."""
# Source: mmasana/FACIL at e09d2c83, src/approach/__init__.py; re-typed; the list of approach names cut.
