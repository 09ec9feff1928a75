"""part of positive project [LG004]: the weight initialisation applied to both networks."""
# Source: iArunava/DCGAN at 159c4122, utils.py; re-typed, identifiers renamed; the plotting helpers cut.


def init_weight(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        m.weight.data.normal_(0.0, 0.02)
    elif classname.find('BatchNorm') != -1:
        m.weight.data.normal_(0.1, 0.02)
        m.bias.data.fill_(0)
