"""part of positive project [LG006]: get_model() picks the network from a net_type string and the project config."""
# Source: weixr18/MNIST-pytorch at 550a9575f9189c14b49da8897b4179312899b696 src/models/model.py (the ViT, MLP-Mixer, VFNet and local-attention branches and their imports cut; `from ..config import config` kept, the config module itself is cut)
from .mlp import SoftmaxRegression, TwoLayerPerceptron
from .cnn import LeNetSmall
from ..config import config


def get_model(net_type: str = 'lenet', dataset: str = "mnist"):

    input_shape = config[dataset][net_type]["train_params"]["input_shape"]
    if net_type == 'lenet':
        return LeNetSmall(input_shape=input_shape)
    elif net_type == 'mlp1':
        return SoftmaxRegression(input_shape=input_shape)
    elif net_type == 'mlp2':
        return TwoLayerPerceptron(input_shape=input_shape)

    pass
