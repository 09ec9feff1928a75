"""part of look-alike project [LG001, LG006, LG008, LG013, LG017]: the models package marker (empty in the source)."""
# Source: HoyTta0/KnowledgeDistillation at c84a33d5, models/__init__.py.
