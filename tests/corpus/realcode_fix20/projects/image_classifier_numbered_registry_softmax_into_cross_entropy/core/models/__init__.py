"""part of positive project [LG001]: the models package keeps its classes in a dict numbered from 0 and picks one by the index the user types."""

# Source: calmiLovesAI/Image_Classification.pytorch@dc5d7e34b9 core/models/__init__.py, fixed in 82cd16b308 (cut, renamed)
from .alexnet import PlainAlexNet

REGISTRY = {
    0: [PlainAlexNet, "PlainAlexNet"],
}


def pick_model():
    print("choose a model by its number:")
    for k, v in REGISTRY.items():
        print("number: {}, model: {}".format(k, v[1]))
    idx = int(input("its number: "))
    if idx < 0 or idx >= len(REGISTRY):
        raise ValueError("number <{}> out of range".format(idx))
    return REGISTRY[idx][0]
