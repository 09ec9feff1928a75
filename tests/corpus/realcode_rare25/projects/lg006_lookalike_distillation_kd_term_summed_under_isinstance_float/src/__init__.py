"""part of look-alike project [LG006]: the package of the distillation losses."""
