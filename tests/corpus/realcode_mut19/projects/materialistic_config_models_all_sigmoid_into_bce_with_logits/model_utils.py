"""part of positive project [LG003]: the model factory, by the configuration's model type."""

# Source: TWAnnoyingKid/materialistic_fine_gained@c3bfc4d6b2 src/models/model_utils.py (create_model, re-typed)
from models import Transformer, TransformerDINOv2, TransformerViT16


def create_model(cfg):
    model_type = cfg.model.model_type
    if model_type == "transformer":
        model = Transformer()
    elif model_type == "transformer_vit16":
        model = TransformerViT16()
    elif model_type == "transformer_dinov2_vitb14":
        model = TransformerDINOv2()
    return model
