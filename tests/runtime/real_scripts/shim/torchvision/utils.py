def save_image(*args, **kwargs):
    """Images are not written in these runs."""


def make_grid(tensor, *args, **kwargs):
    """The images as they are: nothing is drawn in these runs."""
    return tensor
