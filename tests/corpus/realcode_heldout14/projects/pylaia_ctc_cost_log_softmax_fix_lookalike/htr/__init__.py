"""part of look-alike project [LG012]: package marker of the handwriting-recognition toolkit."""
