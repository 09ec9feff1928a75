"""part of positive project [LG009]: the utils package imports its quantizer module."""
# Source: AKSHATA-22/cs682-knowledge-distillation at 8d2cd444cacae2977e5d3e7f4c19298eec42727b src/utils/__init__.py (one import, kept; the quantizer module itself is cut)
import utils.HWGQQuantizer as HWGQQuantizer
