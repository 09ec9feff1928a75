"""part of positive project [LG007]: build_network reads the model class from the registry by the config's ID."""
# Source: sieu-n/awesome-modular-pytorch-lightning@be5f346011ee19354f604eb008bcfa02f9cc3ebf utils/experiment.py (the parent of 5d36cad "b: fix nn.NLLLoss -> nn.CrossEntropyLoss", whose message says NLLLoss needs LogSoftmax, not Softmax; read as is; cut to build_network)
import models.model as model_registry


def build_network(model_cfg):
    if model_cfg["TYPE"] == "custom":
        model = getattr(model_registry, model_cfg["ID"])(model_cfg)
    elif model_cfg["TYPE"] == "pretrained":
        raise NotImplementedError()
    else:
        raise ValueError(f"Invalid model.TYPE: {model_cfg['TYPE']}")
    return model
