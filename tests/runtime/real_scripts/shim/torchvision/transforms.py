"""No-op transforms: the synthetic datasets already return normalised tensors."""


class _Id:
    def __init__(self, *args, **kwargs):
        pass

    def __call__(self, x):
        return x


Compose = ToTensor = Normalize = Resize = CenterCrop = RandomCrop = RandomHorizontalFlip = Lambda = _Id
