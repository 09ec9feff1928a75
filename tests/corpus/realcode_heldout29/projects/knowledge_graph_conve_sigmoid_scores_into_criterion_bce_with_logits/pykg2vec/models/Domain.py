"""part of positive project [LG003]: NamedEmbedding, an nn.Embedding carrying a readable name."""
# Source: Sujit-O/pykg2vec at 492807b6, pykg2vec/models/Domain.py; re-typed.
from torch.nn import Embedding


class NamedEmbedding(Embedding):
    def __init__(self, name, *args, **kwargs):
        super(NamedEmbedding, self).__init__(*args, **kwargs)
        self._name = name

    @property
    def name(self):
        return self._name
