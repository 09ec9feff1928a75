"""part of positive project [LG016]: the generation example builds a model from a parameter dictionary, loads MNIST and runs it (the repository's example builds VAE; Semi_VAE, a VAE subclass, is built the same way here)."""
# Source: zhuofupan/Pytorch-Deep-Neural-Networks at 99cedf9b, fuzz/example/[gnr] mnist.py (file renamed to a valid
# module name); re-typed, with Semi_VAE in place of VAE as the named model.
from fuzz.model.variant import Semi_VAE


def get_model(name):
    para = {'struct': [784, 256, 128, 100],
            'hidden_func': ['r', 's'],
            'decoder_func': ['r', 'r', 's'],
            'n_category': 10,
            'dropout': 0.0,
            'task': 'gnr',
            'reshape_size': [28, 28],
            'flatten': True}
    if name == 'semi_vae':
        return Semi_VAE(**para)
    else:
        raise Exception("Enter a correct model name!")


model = get_model('semi_vae')
model.load_mnist('../data', 64)
model.run(e=10, pre_e=0, load='', n_sampling=9)
