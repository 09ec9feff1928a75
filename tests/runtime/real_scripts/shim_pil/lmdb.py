"""A stand-in for the lmdb package as crnn.pytorch's lmdbDataset reads it: ``open(root)`` gives
an environment of generated word images (PNG bytes under ``image-%09d``, their text under
``label-%09d``, and ``num-samples``): LG_EXAMPLES images for the root "train", 256 for others.
Each is a random string of 3-6 characters of 0-9a-z drawn with PIL's default font at a random
place on a 100x32 grey ground, with noise. Labels are str (the real ones are bytes, which the
script's ``str(...)`` would turn into "b'...'" under Python 3)."""

import io
import os
import random

from PIL import Image, ImageDraw

ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"


class _Txn:
    def __init__(self, store):
        self.store = store

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def get(self, key):
        return self.store.get(key)


class _Env:
    def __init__(self, store):
        self.store = store

    def begin(self, write=False):
        return _Txn(self.store)


def _image(rng, text):
    img = Image.new("L", (100, 32), rng.randint(150, 230))
    ImageDraw.Draw(img).text((rng.randint(0, 100 - 6 * len(text) - 2), rng.randint(2, 18)), text, fill=rng.randint(0, 60))
    noisy = img.point(lambda v: max(0, min(255, v + rng.randint(-20, 20))))
    buf = io.BytesIO()
    noisy.save(buf, format="PNG")
    return buf.getvalue()


def open(root, **kwargs):  # noqa: A001 (lmdb's own name)
    n = int(os.environ.get("LG_EXAMPLES", "6400")) if os.path.basename(str(root)) == "train" else 256
    rng = random.Random(0 if os.path.basename(str(root)) == "train" else 1)
    store = {"num-samples": str(n)}
    for i in range(1, n + 1):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(3, 6)))
        store[f"image-{i:09d}"] = _image(rng, text)
        store[f"label-{i:09d}"] = text
    return _Env(store)
