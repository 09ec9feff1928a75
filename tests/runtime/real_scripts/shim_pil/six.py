"""The one name of six that crnn.pytorch's dataset.py uses."""

from io import BytesIO  # noqa: F401
