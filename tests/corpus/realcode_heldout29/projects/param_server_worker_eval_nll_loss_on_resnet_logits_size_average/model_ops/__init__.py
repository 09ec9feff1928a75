"""part of positive project [LG007, LG010]: the package marker (the source imports model_ops from src/ on sys.path)."""
# Source: hwang595/ps_pytorch at 096f3de3 (the parent of 812988cb), src/model_ops/; a package marker this re-typing adds.
