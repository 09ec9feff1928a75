"""part of positive project [LG009]: package marker standing for the source's implicit namespace package TACNNModel/ (added, not in the source)."""
# Source: AKSHATA-22/cs682-knowledge-distillation at 8d2cd444cacae2977e5d3e7f4c19298eec42727b src/TACNNModel/ (no __init__.py there)
