"""part of positive project [LG012]: build_head imports the heads lazily and instantiates the class the YAML config names (the recogniser's config, config/ppocr_rec.yaml, names CTCHead and, under Loss, CTCLoss)."""
# Source: ttjjmm/PaddleOCR at 1216d812 (read as is), model/heads/__init__.py; re-typed. The detection and
# classification heads are not included.
__all__ = ["build_head"]


def build_head(config):
    from .cls_head import ClsHead
    from .ctc_head import CTCHead
    from .db_head import DBHead

    module_name = config.pop("name")
    module_class = eval(module_name)(**config)
    return module_class
