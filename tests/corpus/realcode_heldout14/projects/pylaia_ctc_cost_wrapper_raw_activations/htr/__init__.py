"""part of positive project [LG012]: package marker of the handwriting-recognition toolkit."""
