"""torchvision's image transforms: a pipeline that ends in ``ToTensor()`` gives an image of three axes.

Round 28 (realcode_heldout19, a DCGAN trained on an ``ImageFolder``): the discriminator's output for a
batch of real images is ``(N, 1, 1, 1)`` (convolutions to 1x1, no ``.view(-1)``), and ``nn.BCELoss`` compares
it with a ``(N,)`` label; the same call on the generator's output was found, the one on the loader's images
was not, because a torchvision dataset's image was unknown (what its transform makes of it). ``ToTensor()``
turns a PIL image or an array of two or three axes into a float tensor ``(C, H, W)`` and refuses anything
else (a tensor included), so whatever it is given, its output has three axes, sizes not followed. A
pipeline is known when ``transforms.Compose`` is given a list or tuple of transforms known item by item:
the image transforms that keep the kind of what they are given (``Resize``, the crops and flips,
``ColorJitter``, ``Grayscale``: a PIL image stays one, a tensor keeps its axes) before and after
``ToTensor()``, and the tensor transforms that keep a tensor's axes (``Normalize``, ``RandomErasing``)
after it. Any other item (a ``Lambda``, a project's own transform, ``PILToTensor``, a v2 ``ToImage``)
leaves the pipeline unknown, as does a call with keywords (an albumentations-style ``transform(image=x)``).

:func:`vision_image` gives the image of a torchvision classification dataset built with such a
``transform=`` (or ImageFolder's second positional argument); a ``DataLoader`` then stacks it into a
batch of four axes (``data_calls``). A dataset class of the checked code that calls ``self.transform(img)``
in ``__getitem__`` gets the same image where the instance holds such a pipeline, also under ``if self.transform is
not None:`` (a pipeline the constructor stored decides that test as a stored layer does: ``settings._OBJECTS``).

Round 31 (mut21, Mohamad-Ghodrati/Carvana-Segmentation-PyTorch): ``torchvision.io.read_image(path)``
(``decode_image``) gives the file's pixels as a ``uint8`` tensor ``(C, H, W)``, whatever its ``mode``: a
mask read so and given to a binary cross-entropy without ``.float()`` is an integer target.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lossguard.static.interp.torch_args import TorchCallArgs
from lossguard.static.values import UNKNOWN, Dtype, Shape, Tensor, TupleVal, Value

_PREFIXES = ("torchvision.transforms.", "torchvision.transforms.transforms.", "torchvision.transforms.v2.")

#: transforms that keep the kind of what they are given: a PIL image stays a PIL image, a tensor keeps its axes
_KEEPING = (
    "Resize",
    "Scale",
    "CenterCrop",
    "RandomCrop",
    "RandomResizedCrop",
    "RandomSizedCrop",
    "RandomHorizontalFlip",
    "RandomVerticalFlip",
    "RandomRotation",
    "RandomAffine",
    "RandomPerspective",
    "ColorJitter",
    "Grayscale",
    "RandomGrayscale",
    "GaussianBlur",
    "Pad",
    "RandomInvert",
    "RandomPosterize",
    "RandomSolarize",
    "RandomAdjustSharpness",
    "RandomAutocontrast",
    "RandomEqualize",
    "AutoAugment",
    "RandAugment",
    "TrivialAugmentWide",
    "AugMix",
    "Normalize",
    "RandomErasing",
)
_KEEPING_NAMES = {p + n for p in _PREFIXES for n in _KEEPING}
_TO_TENSOR_NAMES = {p + "ToTensor" for p in _PREFIXES}
_COMPOSE_NAMES = {p + "Compose" for p in _PREFIXES}


@dataclass(frozen=True)
class ImageTransform(Value):
    """A torchvision transform whose effect on an image's axes is known: ``to_tensor`` gives a float tensor
    ``(C, H, W)`` whatever it is given; otherwise it keeps the kind and axes of what it is given."""

    to_tensor: bool


def _to_tensor(interp: Any, c: TorchCallArgs) -> Value:
    return ImageTransform(True) if not c.pos and not c.kw and not c.starred else UNKNOWN


def _keeping(interp: Any, c: TorchCallArgs) -> Value:
    return UNKNOWN if c.starred else ImageTransform(False)


def _compose(interp: Any, c: TorchCallArgs) -> Value:
    """``Compose([Resize(64), ToTensor(), Normalize(...)])``: known when every step is."""
    steps = c.pos[0] if len(c.pos) == 1 and not c.kw else c.kw.get("transforms") if not c.pos and len(c.kw) == 1 else None
    if c.starred or not isinstance(steps, TupleVal) or not steps.items:
        return UNKNOWN
    known = [s for s in steps.items if isinstance(s, ImageTransform)]
    if len(known) != len(steps.items):
        return UNKNOWN
    return ImageTransform(any(s.to_tensor for s in known))


def apply_image_transform(transform: ImageTransform, pos: list[Value], kw: dict[str, Value], starred: bool) -> Value:
    """``tf(img)``: three axes of floats after ``ToTensor()``; a keeping transform keeps a tensor's axes."""
    if starred or kw or len(pos) != 1:
        return UNKNOWN
    if transform.to_tensor:
        return Tensor(dtype=Dtype.FLOAT, shape=Shape((None, None, None)))
    given = pos[0]
    if isinstance(given, Tensor) and given.shape is not None and given.shape.rank_known:
        return Tensor(dtype=given.dtype, shape=Shape((None,) * len(given.shape.dims)))
    return UNKNOWN


def vision_image(c: TorchCallArgs, at: int | None) -> Value:
    """The image of a torchvision classification dataset: what its ``transform=`` (or the positional
    argument ``at``) gives where that is a known pipeline ending in a tensor; unknown otherwise."""
    transform = c.kw.get("transform")
    if transform is None and at is not None and len(c.pos) > at:
        transform = c.pos[at]
    if isinstance(transform, ImageTransform) and transform.to_tensor:
        return apply_image_transform(transform, [UNKNOWN], {}, False)
    return UNKNOWN


_READ_IMAGE_NAMES = {
    f"torchvision.io.{module}{name}" for module in ("", "image.") for name in ("read_image", "decode_image", "decode_png", "decode_jpeg")
}


def _read_image(interp: Any, c: TorchCallArgs) -> Value:
    """``read_image(path)``: the pixels as a ``uint8`` tensor of three axes."""
    return UNKNOWN if c.starred else Tensor(dtype=Dtype.INT, shape=Shape((None, None, None)))


#: Rows of :data:`~lossguard.static.interp.torch_calls.TORCH_FUNCTIONS`, in its priority order.
IMAGE_TRANSFORM_ROWS = (
    (_READ_IMAGE_NAMES, _read_image),
    (_TO_TENSOR_NAMES, _to_tensor),
    (_COMPOSE_NAMES, _compose),
    (_KEEPING_NAMES, _keeping),
)
