"""part of positive project [LG006]: paths and the model-family name used when saving."""
# Source: weixr18/MNIST-pytorch at 550a9575f9189c14b49da8897b4179312899b696 src/utils.py (re-typed)
import os

WS_PATH = os.path.abspath(os.path.dirname(os.path.abspath(__file__))).replace('\\', '/') + '/'
MODEL_PATH = os.path.abspath(WS_PATH + '../saved/').replace('\\', '/') + '/'
DATA_PATH = os.path.abspath(WS_PATH + '../data/').replace('\\', '/') + '/'


def model_class(model_type):
    if model_type[:3] == 'mlp':
        return 'mlp'
    elif model_type == 'lenet':
        return 'cnn'
    print("Utils: model {0} not supported.".format(model_type))
    return None
